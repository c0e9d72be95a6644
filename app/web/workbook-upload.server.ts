// Receiving a partner's workbook: checked like a report upload (readUploadedFile); a workbook
// is small, so it is read into memory, not to disk.
import { MAX_WORKBOOK_BYTES } from "../round-xlsx/index.ts";
import { UploadError, readUploadedFile } from "./import-upload.server.ts";

export { UploadError };

export async function receiveWorkbookUpload(
  request: Request,
  field: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { upload, fileName } = await readUploadedFile(request, {
    maxBytes: MAX_WORKBOOK_BYTES,
    field,
    messages: {
      missing: "Nie otrzymano pliku — wybierz arkusz i wyślij formularz ponownie.",
      noFile: "Wybierz plik arkusza (.xlsx) do wczytania.",
      tooLarge: (_size, declared) =>
        declared
          ? "Plik jest za duży — limit to 5 MB, a arkusz z Busoli ma zwykle kilkadziesiąt kilobajtów. Wgraj arkusz pobrany z Busoli."
          : "Plik jest za duży — limit to 5 MB.",
    },
  });
  return { bytes: new Uint8Array(await upload.arrayBuffer()), fileName };
}
