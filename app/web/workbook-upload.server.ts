// Receiving a partner's workbook: as with report imports, the declared size is checked before a
// byte of the body is read; a workbook is small, so it is then read into memory, not to disk.
import path from "node:path";
import { MAX_WORKBOOK_BYTES } from "../round-xlsx/index.ts";
import { UploadError } from "./import-upload.server.ts";

export { UploadError };

/** Room for the multipart framing around the file. */
const ENVELOPE = 64 * 1024;

export async function receiveWorkbookUpload(
  request: Request,
  field: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const declared = Number(request.headers.get("Content-Length"));
  if (!Number.isFinite(declared) || declared <= 0)
    throw new UploadError("Nie otrzymano pliku — wybierz arkusz i wyślij formularz ponownie.", 411);
  if (declared > MAX_WORKBOOK_BYTES + ENVELOPE)
    throw new UploadError(
      "Plik jest za duży — limit to 5 MB, a arkusz z Busoli ma zwykle kilkadziesiąt kilobajtów. Wgraj arkusz pobrany z Busoli.",
      413,
    );
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new UploadError(
      "Przesyłanie pliku zostało przerwane lub jest uszkodzone. Spróbuj ponownie.",
    );
  }
  const upload = form.get(field);
  if (!(upload instanceof File) || upload.name === "")
    throw new UploadError("Wybierz plik arkusza (.xlsx) do wczytania.");
  if (upload.size > MAX_WORKBOOK_BYTES)
    throw new UploadError("Plik jest za duży — limit to 5 MB.", 413);
  return {
    bytes: new Uint8Array(await upload.arrayBuffer()),
    fileName: path.basename(upload.name).slice(-120),
  };
}
