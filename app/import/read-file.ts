// Reading an uploaded or named file into text for the parser. Plain text only in this slice;
// DOCX, HTML and PDF readers are the next part of the import issue.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

export class ImportInputError extends Error {}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

export async function readReportFile(opts: { file: string; maxBytes?: number }): Promise<string> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await stat(opts.file).catch(() => null);
  if (!info || !info.isFile()) throw new ImportInputError(`Nie znaleziono pliku ${opts.file}.`);
  if (info.size === 0) throw new ImportInputError("Plik jest pusty — nie ma czego zaimportować.");
  if (info.size > maxBytes) {
    throw new ImportInputError(
      `Plik ma ${Math.ceil(info.size / 1024 / 1024)} MB, a limit to ${Math.floor(maxBytes / 1024 / 1024)} MB (BUSOLA_IMPORT_MAX_MB).`,
    );
  }
  const ext = path.extname(opts.file).toLowerCase();
  if (ext !== ".txt" && ext !== "") {
    throw new ImportInputError(
      `Format ${ext} nie jest jeszcze obsługiwany przez import — na razie tylko tekst (.txt). Zapisz dokument jako tekst i spróbuj ponownie.`,
    );
  }
  const bytes = await readFile(opts.file);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\u0000"))
    throw new ImportInputError("To nie jest plik tekstowy — zawiera dane binarne.");
  if (text.trim() === "")
    throw new ImportInputError("Plik zawiera same białe znaki — nie ma czego zaimportować.");
  return text;
}
