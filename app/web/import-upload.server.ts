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

/** What an upload form says in Polish when the file is missing or too large. */
export type UploadMessages = {
  missing: string;
  noFile: string;
  /** Declared size (from Content-Length, with framing) or the file's own size. */
  tooLarge: (size: number, declared: boolean) => string;
};

/**
 * One file field of a multipart form, with its size checked from Content-Length before the
 * body is read (an oversized upload is refused at once), and again on the file itself.
 */
export async function readUploadedFile(
  request: Request,
  opts: { maxBytes: number; field: string; messages: UploadMessages },
): Promise<{ upload: File; fileName: string }> {
  const declared = Number(request.headers.get("Content-Length"));
  if (!Number.isFinite(declared) || declared <= 0)
    throw new UploadError(opts.messages.missing, 411);
  if (declared > opts.maxBytes + ENVELOPE)
    throw new UploadError(opts.messages.tooLarge(declared, true), 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new UploadError(
      "Przesyłanie pliku zostało przerwane lub jest uszkodzone. Spróbuj ponownie.",
    );
  }
  const upload = form.get(opts.field);
  if (!(upload instanceof File) || upload.name === "") throw new UploadError(opts.messages.noFile);
  if (upload.size > opts.maxBytes)
    throw new UploadError(opts.messages.tooLarge(upload.size, false), 413);
  return { upload, fileName: path.basename(upload.name).slice(-120) };
}

export async function receiveUpload(
  request: Request,
  limits: { maxBytes: number },
  field: string,
): Promise<ReceivedUpload> {
  const limit = megabytes(limits.maxBytes);
  const { upload, fileName } = await readUploadedFile(request, {
    maxBytes: limits.maxBytes,
    field,
    messages: {
      missing: "Nie otrzymano pliku — wybierz plik i wyślij formularz ponownie.",
      noFile: "Wybierz plik sprawozdania do zaimportowania.",
      tooLarge: (size, declared) =>
        declared
          ? `Plik jest za duży: ma około ${megabytes(size)}, a limit to ${limit}. Podziel dokument lub zapisz go bez obrazów (na przykład jako .docx albo .txt) i spróbuj ponownie.`
          : `Plik jest za duży: ma ${megabytes(size)}, a limit to ${limit}.`,
    },
  });
  // Only safe characters in the stored name: the name is the user's, the path is ours.
  const safe = fileName.replace(/[^\p{L}\p{N}._-]+/gu, "_") || "plik";
  const dir = await mkdtemp(path.join(tmpdir(), "busola-upload-"));
  const file = path.join(dir, safe);
  await writeFile(file, Buffer.from(await upload.arrayBuffer()));
  return { file, fileName, remove: () => rm(dir, { recursive: true, force: true }) };
}
