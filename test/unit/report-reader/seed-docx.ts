// Seed 000's text written again as the Word document a municipality would have: strategic goals
// as Heading 1, project headers ("Title [C1K7]") as Heading 2 — a title broken over several
// lines of the text export becomes one heading — the table of contents as paragraphs with
// dotted leaders instead of a table, the card text as ordinary paragraphs and the list of
// projects for next year as a real table.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { splitLines } from "../../../app/report-reader/normalise.ts";

const CARD_HEADER = /\[C\d{1,2}K\d{1,2}\]\s*$/u;
const GOAL_HEADER = /^\s*(?:CEL STRATEGICZNY\s*\(C\d{1,2}\)|C\d{1,2})\s*$/u;

/** The lines of a header broken across lines: the bracket line and title lines above it. */
function headerStart(lines: string[], at: number, titles: string[]): number {
  const head = lines[at]?.replace(CARD_HEADER, "").trim() ?? "";
  let start = at;
  let joined = head;
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    const candidate = `${line} ${joined}`.replace(/\s+/gu, " ").trim();
    if (!titles.some((t) => t.replace(/\s+/gu, " ").endsWith(candidate))) break;
    joined = candidate;
    start = i;
  }
  return start;
}

/**
 * `titles` are the 124 titles of the gold file: only to know where a broken title starts (a
 * person styling the document knows it), never given to the reader.
 */
export async function seed000AsDocx(text: string, titles: string[]): Promise<Buffer> {
  const lines = splitLines(text);
  const children: (Paragraph | Table)[] = [];
  const nextYear = lines.findIndex((l) => /^Wykaz projektów zgłoszonych/u.test(l));
  let tableRows: string[][] = [];
  const flushTable = () => {
    if (tableRows.length === 0) return;
    const rows = tableRows.map(
      (cells) =>
        new TableRow({
          children: cells.map((c) => new TableCell({ children: [new Paragraph({ text: c })] })),
        }),
    );
    children.push(new Table({ rows }));
    tableRows = [];
  };
  const skip = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!CARD_HEADER.test(lines[i] ?? "")) continue;
    const start = headerStart(lines, i, titles);
    for (let k = start; k < i; k++) skip.add(k);
    lines[i] = lines
      .slice(start, i + 1)
      .join(" ")
      .replace(/\s+/gu, " ")
      .trim();
  }
  let tocRow: string[] = [];
  const flushToc = () => {
    if (tocRow.length === 0) return;
    const page = /^\d+$/u.test(tocRow.at(-1) ?? "") ? tocRow.pop() : undefined;
    const entry = tocRow.join(" ");
    children.push(new Paragraph({ text: page ? `${entry} ${".".repeat(20)} ${page}` : entry }));
    tocRow = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const line = lines[i] ?? "";
    if (nextYear >= 0 && i > nextYear) {
      // The next-year list: rows of cells; a line outside a cell continues the cell above.
      const inRow = tocRow.length > 0;
      if (/^ *\t/u.test(line)) tocRow.push(line.replace(/^ *\t/u, "").trim());
      else if (line.trim() === "") {
        if (inRow) tableRows.push(tocRow);
        tocRow = [];
      } else if (!GOAL_HEADER.test(line) && tableRows.length > 0 && !/^Koordynator/u.test(line)) {
        const last = tableRows.at(-1) ?? [];
        last[last.length - 1] = `${last.at(-1) ?? ""} ${line.trim()}`;
      } else {
        flushTable();
        const heading = GOAL_HEADER.test(line) ? HeadingLevel.HEADING_1 : undefined;
        children.push(new Paragraph({ text: line.trim(), heading }));
      }
      continue;
    }
    if (/^ *\t/u.test(line)) {
      // A table-of-contents cell: its row becomes one paragraph.
      tocRow.push(line.replace(/^ *\t/u, "").trim());
      continue;
    }
    if (line.trim() === "") {
      flushToc();
      continue;
    }
    flushToc();
    if (GOAL_HEADER.test(line)) {
      children.push(new Paragraph({ text: line.trim(), heading: HeadingLevel.HEADING_1 }));
    } else if (CARD_HEADER.test(line)) {
      children.push(new Paragraph({ text: line.trim(), heading: HeadingLevel.HEADING_2 }));
    } else children.push(new Paragraph({ text: line.trim() }));
  }
  if (tocRow.length > 0) tableRows.push(tocRow);
  flushTable();
  flushToc();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
