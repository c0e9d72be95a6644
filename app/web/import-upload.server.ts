// Receiving a report upload: its declared size is checked before a byte of the body is read, so
// an oversized upload is refused at once and never held in memory; the file then goes to a
// private temporary directory for the readers, which go by its extension.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export class UploadError extends Error {
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.name = "UploadError";
    this.status = status;
  }
}

/** Room for the multipart framing and the other fields around the file. */
const ENVELOPE = 64 * 1024;

const megabytes = (bytes: number): string =>
  `${Math.round((bytes / 1024 / 1024) * 10) / 10}`.replace(".", ",") + " MB";

export type ReceivedUpload = { file: string; fileName: string; remove: () => Promise<void> };

export async function receiveUpload(
  request: Request,
  limits: { maxBytes: number },
  field: string,
): Promise<ReceivedUpload> {
  const declared = Number(request.headers.get("Content-Length"));
  if (!Number.isFinite(declared) || declared <= 0)
    throw new UploadError("Nie otrzymano pliku — wybierz plik i wyślij formularz ponownie.", 411);
  if (declared > limits.maxBytes + ENVELOPE)
    throw new UploadError(
      `Plik jest za duży: ma około ${megabytes(declared)}, a limit to ${megabytes(limits.maxBytes)}. Podziel dokument lub zapisz go bez obrazów (na przykład jako .docx albo .txt) i spróbuj ponownie.`,
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
    throw new UploadError("Wybierz plik sprawozdania do zaimportowania.");
  if (upload.size > limits.maxBytes)
    throw new UploadError(
      `Plik jest za duży: ma ${megabytes(upload.size)}, a limit to ${megabytes(limits.maxBytes)}.`,
      413,
    );
  // Only the base name, and only safe characters: the name is the user's, the path is ours.
  const fileName = path.basename(upload.name).slice(-120);
  const safe = fileName.replace(/[^\p{L}\p{N}._-]+/gu, "_") || "plik";
  const dir = await mkdtemp(path.join(tmpdir(), "busola-upload-"));
  const file = path.join(dir, safe);
  await writeFile(file, Buffer.from(await upload.arrayBuffer()));
  return { file, fileName, remove: () => rm(dir, { recursive: true, force: true }) };
}
