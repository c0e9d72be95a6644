// Reading an uploaded or named file into text for the parser: plain text as is, HTML and DOCX
// turned into the same text form (a line per paragraph, TAB-separated table cells) by
// html-to-text.ts, PDF with a text layer by read-pdf.ts.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { docxStyleMap } from "./docx-styles.ts";
import { htmlToDocument, type ReportDocument } from "./html-to-text.ts";
import { ZipFormatError, checkZipSizes, readZipEntry } from "./zip-entries.ts";

export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportInputError";
  }
}

/**
 * Recognised by name as well as by class: under `busola serve` the upload is read by the CLI's
 * module graph (in a worker) and judged by the built bundle's, each with its own class object.
 */
export function isImportInputError(error: unknown): error is ImportInputError {
  return (
    error instanceof ImportInputError ||
    (error instanceof Error && error.name === "ImportInputError")
  );
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
/** The most a DOCX may unpack to (all its parts together) before mammoth is given it. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/** The most pages a PDF may have: reports run to a few hundred; more is not a report. */
export const DEFAULT_MAX_PAGES = 2000;

export type ReadReportOptions = {
  file: string;
  maxBytes?: number;
  maxUncompressedBytes?: number;
  maxPages?: number;
};

const NOT_DOCX =
  "Plik nie jest poprawnym dokumentem Word (DOCX) — może być uszkodzony albo mieć złe rozszerzenie. Otwórz go w edytorze, zapisz ponownie jako .docx i spróbuj jeszcze raz.";

const mb = (bytes: number): string => `${Math.floor(bytes / 1024 / 1024)} MB`;
/** A size for a message: kilobytes below a megabyte, so small limits do not read "0 MB". */
const size = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`.replace(".", ",");

export async function readReportFile(opts: ReadReportOptions): Promise<string> {
  return (await readReportDocument(opts)).text;
}

const plain = (text: string): ReportDocument => ({ text, headings: [] });

/** The text form of a report file and, for DOCX and HTML, its headings. */
export async function readReportDocument(opts: ReadReportOptions): Promise<ReportDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await stat(opts.file).catch(() => null);
  if (!info || !info.isFile()) throw new ImportInputError(`Nie znaleziono pliku ${opts.file}.`);
  if (info.size === 0) throw new ImportInputError("Plik jest pusty — nie ma czego zaimportować.");
  if (info.size > maxBytes) {
    throw new ImportInputError(
      `Plik ma ${Math.ceil(info.size / 1024 / 1024)} MB, a limit to ${mb(maxBytes)} (BUSOLA_IMPORT_MAX_MB).`,
    );
  }
  const ext = path.extname(opts.file).toLowerCase();
  switch (ext) {
    case "":
    case ".txt":
      return plain(readText(await readFile(opts.file)));
    case ".html":
    case ".htm":
      return readHtml(await readFile(opts.file));
    case ".docx":
      return readDocx(
        await readFile(opts.file),
        opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
      );
    case ".pdf":
      return plain(await readPdf(await readFile(opts.file), opts.maxPages ?? DEFAULT_MAX_PAGES));
    case ".doc":
      throw new ImportInputError(
        "Starszy format Word (.doc) nie jest obsługiwany — zapisz dokument jako .docx i spróbuj ponownie.",
      );
    default:
      throw new ImportInputError(
        `Format ${ext} nie jest obsługiwany przez import — obsługiwane są tekst (.txt), Word (.docx), HTML (.html) i PDF z warstwą tekstową (.pdf). Zapisz dokument w jednym z tych formatów i spróbuj ponownie.`,
      );
  }
}

function readText(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\u0000"))
    throw new ImportInputError("To nie jest plik tekstowy — zawiera dane binarne.");
  if (text.trim() === "")
    throw new ImportInputError("Plik zawiera same białe znaki — nie ma czego zaimportować.");
  return text;
}

/** The charset a page declares in its first bytes (Word saves Polish pages as windows-1250). */
function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  const label = m?.[1]?.toLowerCase() ?? "utf-8";
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return "utf-8";
  }
}

function readHtml(bytes: Uint8Array): ReportDocument {
  const html = new TextDecoder(declaredCharset(bytes), { fatal: false }).decode(bytes);
  if (html.includes("\u0000"))
    throw new ImportInputError("To nie jest plik HTML — zawiera dane binarne.");
  const document = htmlToDocument(html);
  if (document.text.trim() === "")
    throw new ImportInputError("Strona HTML nie zawiera tekstu — nie ma czego zaimportować.");
  return document;
}

async function readDocx(bytes: Buffer, maxUncompressed: number): Promise<ReportDocument> {
  let total: number;
  try {
    const check = checkZipSizes(bytes, maxUncompressed);
    total = check.total;
    if (!check.entries.some((e) => e.name === "word/document.xml"))
      throw new ImportInputError(NOT_DOCX);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ImportInputError(NOT_DOCX);
    throw error;
  }
  if (total > maxUncompressed) {
    throw new ImportInputError(
      Number.isFinite(total)
        ? `Dokument Word po rozpakowaniu miałby ${size(total)}, a limit to ${size(maxUncompressed)}. Ze względów bezpieczeństwa import został przerwany.`
        : `Dokument Word zawiera więcej danych, niż deklaruje w spisie zawartości — ze względów bezpieczeństwa import został przerwany.`,
    );
  }
  let html: string;
  try {
    // Loaded on first use: the readers' libraries are large and most requests never need them.
    const { default: mammoth } = await import("mammoth");
    // Images are not text: an empty src keeps mammoth from encoding them into the HTML.
    const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));
    // Headings by the document's own styles (outline levels), not only Word's English names.
    const styleMap = docxStyleMap(readZipEntry(bytes, "word/styles.xml")?.toString("utf8") ?? null);
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { externalFileAccess: false, convertImage, styleMap },
    );
    html = result.value;
  } catch {
    throw new ImportInputError(NOT_DOCX);
  }
  const document = htmlToDocument(html);
  if (document.text.trim() === "")
    throw new ImportInputError("Dokument Word nie zawiera tekstu — nie ma czego zaimportować.");
  return document;
}

const NOT_PDF =
  "Plik nie jest poprawnym dokumentem PDF — może być uszkodzony, niekompletny albo mieć złe rozszerzenie. Otwórz go w przeglądarce PDF, zapisz ponownie i spróbuj jeszcze raz.";

async function readPdf(bytes: Buffer, maxPages: number): Promise<string> {
  // pdf.js tolerates junk before the header; a file that never says %PDF is not a PDF at all.
  if (!bytes.subarray(0, 1024).includes("%PDF-")) throw new ImportInputError(NOT_PDF);
  const { PdfReadError, readPdfText } = await import("./read-pdf.ts");
  try {
    return await readPdfText(bytes, { maxPages });
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    switch (error.reason) {
      case "password":
        throw new ImportInputError(
          "PDF jest zabezpieczony hasłem — usuń zabezpieczenie (zapisz dokument bez hasła) i spróbuj ponownie.",
        );
      case "too-many-pages":
        throw new ImportInputError(
          `PDF ma ${error.pages} stron, a limit to ${maxPages}. Podziel dokument albo zaimportuj samo sprawozdanie.`,
        );
      case "no-text":
        throw new ImportInputError(
          "PDF nie zawiera warstwy tekstowej — to prawdopodobnie skan. Zaimportuj dokument źródłowy (DOCX) albo PDF z tekstem, np. po rozpoznaniu tekstu (OCR).",
        );
      case "invalid":
        throw new ImportInputError(NOT_PDF);
    }
  }
}
