// PDF with a text layer → the parser's text form (a line per paragraph, TAB-separated table
// cells), rebuilt from the positions of the text pieces, since a PDF only says where each piece
// of text is drawn. See docs/decisions/014-pdf-import.md for the rules and their limits.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export class PdfReadError extends Error {
  readonly reason: "invalid" | "password" | "too-many-pages" | "no-text";
  readonly pages: number;
  constructor(reason: PdfReadError["reason"], pages = 0) {
    super(reason);
    this.reason = reason;
    this.pages = pages;
  }
}

export type PdfReadOptions = { maxPages: number };

/** A run of text pieces drawn next to each other: a cell's line or a paragraph's line. */
type Segment = { x0: number; x1: number; text: string };
type Line = { y: number; size: number; segments: Segment[] };
type Piece = { x: number; y: number; width: number; size: number; text: string };

/** Horizontal gap, in font sizes, above which two pieces are in different cells. */
const CELL_GAP = 0.8;
/** Points within which the left edges of cell text count as one column. */
const COLUMN_TOLERANCE = 3;

// pdf.js 5 no longer compiles font code with eval (the old `isEvalSupported` option is gone);
// font faces and system fonts stay off, so reading never touches fonts outside the file.
export async function readPdfText(bytes: Uint8Array, opts: PdfReadOptions): Promise<string> {
  let doc;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    throw new PdfReadError(name === "PasswordException" ? "password" : "invalid");
  }
  try {
    if (doc.numPages > opts.maxPages) throw new PdfReadError("too-many-pages", doc.numPages);
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        // Rotated text (margin notes, stamps) is not part of the reading order.
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0) continue;
        pieces.push({ x, y, width: item.width, size: Math.abs(d) || item.height, text: item.str });
      }
      pages.push(visualLines(pieces));
      page.cleanup();
    }
    if (pages.every((p) => p.length === 0)) throw new PdfReadError("no-text", doc.numPages);
    dropRunningLines(pages);
    const pitch = linePitch(pages);
    const out: string[] = [];
    // A table goes on at the top of the next page with the same columns.
    let columns: number[] | null = null;
    for (const lines of pages) columns = pageText(lines, pitch, columns, out);
    const text = out.filter((l) => l.replace(/\t/gu, "").trim() !== "");
    if (text.length === 0) throw new PdfReadError("no-text", doc.numPages);
    return `${text.join("\n")}\n`;
  } catch (error) {
    if (error instanceof PdfReadError) throw error;
    throw new PdfReadError("invalid");
  } finally {
    await doc.destroy();
  }
}

/** Pieces → lines top to bottom, each cut into segments where a wide gap separates cells. */
function visualLines(pieces: Piece[]): Line[] {
  pieces.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { y: number; size: number; pieces: Piece[] }[] = [];
  for (const p of pieces) {
    // Pieces of one line share a baseline; super- and subscripts sit a little off it.
    const line = lines.find((l) => Math.abs(l.y - p.y) <= 0.4 * Math.min(l.size, p.size));
    if (line) {
      line.pieces.push(p);
      line.size = Math.max(line.size, p.size);
    } else lines.push({ y: p.y, size: p.size, pieces: [p] });
  }
  lines.sort((l, m) => m.y - l.y);
  return lines.map((l) => {
    l.pieces.sort((p, q) => p.x - q.x);
    const segments: Segment[] = [];
    for (const p of l.pieces) {
      const last = segments.at(-1);
      const gap = last ? p.x - last.x1 : Infinity;
      if (last && gap <= CELL_GAP * l.size) {
        const space = gap > 0.12 * p.size && !/\s$/u.test(last.text) && !/^\s/u.test(p.text);
        last.text += (space ? " " : "") + p.text;
        last.x1 = Math.max(last.x1, p.x + p.width);
      } else segments.push({ x0: p.x, x1: p.x + p.width, text: p.text });
    }
    for (const s of segments) s.text = s.text.replace(/\s+/gu, " ").trim();
    return { y: l.y, size: l.size, segments };
  });
}

const lineText = (l: Line): string => l.segments.map((s) => s.text).join(" ");
/** A running line's identity: page numbers and dates change from page to page. */
const runningKey = (l: Line): string => lineText(l).replace(/\d+/gu, "#").toLowerCase();
const PAGE_NUMBER =
  /^(?:(?:strona|str\.?|s\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:z|\/)\s*\d{1,4})?$/iu;

/**
 * Removes page headers and footers: lines at the top or bottom of the page that recur on most
 * pages (page numbers masked), and a bare page number as the first or last line.
 */
function dropRunningLines(pages: Line[][]): void {
  const EDGE = 2;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)].map(runningKey));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const recurring = (l: Line) =>
    pages.length >= 3 && (counts.get(runningKey(l)) ?? 0) >= Math.max(3, pages.length / 2);
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p] ?? [];
    const drop = new Set<Line>();
    for (const l of [...lines.slice(0, EDGE), ...lines.slice(-EDGE)]) if (recurring(l)) drop.add(l);
    const rest = lines.filter((l) => !drop.has(l));
    for (const l of [rest[0], rest.at(-1)])
      if (l && l.segments.length === 1 && PAGE_NUMBER.test(lineText(l))) drop.add(l);
    pages[p] = lines.filter((l) => !drop.has(l));
  }
}

/**
 * The distance between the baselines of a paragraph's lines, in font sizes: the smallest
 * spacing that is common in the document. Paragraphs and table rows are set further apart.
 */
function linePitch(pages: Line[][]): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1];
      const b = lines[i];
      if (!a || !b || Math.abs(a.size - b.size) > 0.5) continue;
      const r = Math.round(((a.y - b.y) / b.size) * 20) / 20;
      if (r < 0.9 || r > 3) continue;
      counts.set(r, (counts.get(r) ?? 0) + 1);
      total++;
    }
  }
  const common = [...counts]
    .filter(([, n]) => n >= Math.max(3, total * 0.1))
    .map(([r]) => r)
    .sort((x, y) => x - y);
  return common[0] ?? 1.2;
}

/** Appends a wrapped line to the text before it. */
function joinWrapped(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  // A word split at its hyphen ("społeczno-" / "zawodowa") is one word again.
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a + b;
  // Polish typesetting repeats the hyphen at the start of the next line.
  if (/\p{L}-$/u.test(a) && /^-\p{Ll}/u.test(b)) return a + b.slice(1);
  // An address broken after a dot or slash.
  if (/(?:^|\s)(?:www\.|https?:\/\/)\S*[./]$/u.test(a) && /^\p{Ll}/u.test(b)) return a + b;
  return `${a} ${b}`;
}

/**
 * A page's lines → output lines. Lines set at the paragraph's line pitch form a block; a block
 * with a line of several cells is a table row, and the cells of its wrapped lines are joined by
 * column. One-cell lines right after a table row that start at one of its columns are rows of
 * the same table (a title row spanning the table, a row with the other cells empty).
 */
function pageText(
  lines: Line[],
  pitch: number,
  tableColumns: number[] | null,
  out: string[],
): number[] | null {
  const blocks: Line[][] = [];
  for (const l of lines) {
    const block = blocks.at(-1);
    const prev = block?.at(-1);
    const together =
      prev !== undefined &&
      Math.abs(prev.size - l.size) <= 0.1 * l.size &&
      (prev.y - l.y) / l.size <= pitch + 0.15;
    if (block && together) block.push(l);
    else blocks.push([l]);
  }
  let columns = tableColumns;
  for (const block of blocks) {
    const tabular = block.some((l) => l.segments.length > 1);
    const x0 = block[0]?.segments[0]?.x0 ?? 0;
    const x1 = Math.max(...block.map((l) => l.segments[0]?.x1 ?? 0));
    // A one-cell row starts at a column and, in the first column, stays inside it; a paragraph
    // that happens to start where the first column does runs on past it.
    const k = columns?.findIndex((c) => Math.abs(c - x0) <= COLUMN_TOLERANCE) ?? -1;
    const next = columns?.[k + 1];
    const atColumn = k > 0 || (k === 0 && next !== undefined && x1 < next);
    if (tabular) columns = mergeColumns(columns, block);
    else if (!atColumn) columns = null;
    if (columns === null) {
      out.push(block.map(lineText).reduce(joinWrapped, ""));
      continue;
    }
    const cells: string[] = columns.map(() => "");
    for (const l of block) {
      for (const s of l.segments) {
        let k = 0;
        while (k + 1 < columns.length && (columns[k + 1] ?? 0) <= s.x0 + COLUMN_TOLERANCE) k++;
        cells[k] = joinWrapped(cells[k] ?? "", s.text);
      }
    }
    out.push(cells.join("\t"));
  }
  return columns;
}

/** Columns of a table so far plus the left edges of a row's cells, as sorted cluster starts. */
function mergeColumns(columns: number[] | null, block: Line[]): number[] {
  const xs = [...(columns ?? []), ...block.flatMap((l) => l.segments.map((s) => s.x0))].sort(
    (a, b) => a - b,
  );
  const out: number[] = [];
  for (const x of xs) {
    const last = out.at(-1);
    if (last === undefined || x - last > COLUMN_TOLERANCE) out.push(x);
  }
  return out;
}
