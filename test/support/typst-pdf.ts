// Text in the importer's form (a line per paragraph, TAB-separated table cells) → a PDF typeset
// by Typst, for the PDF reader's tests: paragraphs for plain lines, real tables for table rows,
// a running header and page numbers in the footer, so that the reader meets what a municipality's
// PDF has — wrapped lines, tables across pages, headers and footers — without binary fixtures.
import { fileURLToPath } from "node:url";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

export const FONTS_DIR = fileURLToPath(new URL("../../assets/fonts/", import.meta.url));

let compiler: NodeCompiler | null = null;

/** One compiler for the test file: loading the fonts is the slow part. */
function typst(): NodeCompiler {
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: [FONTS_DIR] }] });
  return compiler;
}

/** Typst source → PDF bytes; compile errors are thrown with Typst's diagnostics. */
export function compileTypst(source: string): Uint8Array {
  const c = typst();
  try {
    const pdf = c.pdf({ mainFileContent: source });
    if (!pdf) throw new Error("Typst produced no PDF");
    return new Uint8Array(pdf);
  } finally {
    c.evictCache(10);
  }
}

/** A Typst string literal: the text is never read as markup, whatever characters it holds. */
export const str = (s: string): string =>
  `"${s.replace(/\s+/gu, " ").replace(/\\/gu, "\\\\").replace(/"/gu, '\\"').replace(/\t/gu, " ")}"`;

/** A paragraph holding the text as a literal. */
const paragraph = (s: string): string => `#${str(s)}`;

export type TypstDocOptions = { header?: string; fontSize?: string; landscape?: boolean };

const isRowLine = (l: string): boolean => l.includes("\t");
/** A one-cell-per-line export line ("\tC1K2"): a cell of a table row spread over lines. */
const isCellPerLine = (l: string): boolean => /^ *\t[^\t]*$/u.test(l);

const nextFilled = (lines: string[], from: number): number => {
  let j = from;
  while (j < lines.length && (lines[j] ?? "").trim() === "") j++;
  return j;
};

type Block = { kind: "par"; text: string } | { kind: "table"; rows: string[][] };

/**
 * Groups the lines: runs of TAB lines become tables. Whole rows on a line ("a\tb\tc") are one
 * table row each. One-cell-per-line runs (a text export of a Word table, rows apart by blank
 * lines) are put back together as the rows they were, a wrapped cell's next line joined to it.
 */
function blocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/gu, "\n").split("\n");
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (!isRowLine(line)) {
      if (line.trim() !== "") out.push({ kind: "par", text: line.trim() });
      i++;
      continue;
    }
    const rows: string[][] = [];
    if (isCellPerLine(line)) {
      let row: string[] = [];
      const flush = () => {
        if (row.length > 0) rows.push(row);
        row = [];
      };
      for (; i < lines.length; i++) {
        const l = lines[i] ?? "";
        if (isCellPerLine(l)) row.push(l.replace(/^ *\t/u, "").trim());
        else if (l.trim() === "") {
          flush();
          // The run goes on while another cell line comes after the blank lines.
          const j = nextFilled(lines, i);
          const after = lines[j] ?? "";
          const wrapped = !isRowLine(after) && isCellPerLine(lines[nextFilled(lines, j + 1)] ?? "");
          if (!isCellPerLine(after) && !wrapped) break;
        } else if (isRowLine(l)) break;
        else {
          // Wrapped cell text, even after a blank line the export put in the middle of a cell.
          const target = row.length > 0 ? row : rows.at(-1);
          if (!target || target.length === 0) break;
          target[target.length - 1] += `\n${l.trim()}`;
        }
      }
      flush();
      out.push({ kind: "table", rows: regroup(rows) });
    } else {
      for (; i < lines.length; i++) {
        const l = lines[i] ?? "";
        if (l.trim() === "") {
          let j = i;
          while (j < lines.length && (lines[j] ?? "").trim() === "") j++;
          if (!isRowLine(lines[j] ?? "") || isCellPerLine(lines[j] ?? "")) break;
          continue;
        }
        if (!isRowLine(l) || isCellPerLine(l)) break;
        rows.push(l.split("\t").map((c) => c.trim()));
      }
      out.push({ kind: "table", rows });
    }
  }
  return out;
}

/**
 * Rows of the usual width stay; a row that lost its blank separator in the export (more cells
 * than the usual) is cut back into rows of that width.
 */
function regroup(rows: string[][]): string[][] {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const width = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 1;
  const out: string[][] = [];
  for (const r of rows) {
    if (r.length <= width) out.push(r);
    else for (let k = 0; k < r.length; k += width) out.push(r.slice(k, k + width));
  }
  return out;
}

const cell = (c: string): string =>
  c === ""
    ? "[]"
    : `[${c
        .split("\n")
        .map((part) => `#${str(part)}`)
        .join(" #linebreak() ")}]`;

function table(rows: string[][]): string {
  const n = Math.max(...rows.map((r) => r.length));
  // Short cells (ordinals, codes, numbers) get narrow columns; text columns share the rest.
  const widths: string[] = [];
  for (let k = 0; k < n; k++) {
    const lengths = rows.map((r) => (r[k] ?? "").length);
    const mean = lengths.reduce((a, b) => a + b, 0) / rows.length;
    widths.push(
      Math.max(...lengths) <= 8 ? "auto" : `${Math.min(4, Math.max(1, Math.round(mean / 40)))}fr`,
    );
  }
  const cells = rows.flatMap((r) => Array.from({ length: n }, (_, k) => cell(r[k] ?? "")));
  // Wide tables are set smaller, as reports do, so that their columns hold long words.
  const size = n > 4 ? "#set text(size: 7pt)\n" : "";
  return `#[${size}#table(columns: (${widths.join(", ")},), ${cells.join(", ")})]`;
}

/** The Typst document for a text: A4, DejaVu Sans, running header, page number in the footer. */
export function textToTypst(text: string, opts: TypstDocOptions = {}): string {
  const header = opts.header ?? "Sprawozdanie z realizacji strategii";
  const body = blocks(text)
    .map((b) => (b.kind === "par" ? paragraph(b.text) : table(b.rows)))
    .join("\n\n");
  return `#set page(paper: "a4", flipped: ${opts.landscape ? "true" : "false"}, margin: (x: 2cm, y: 2.5cm),
  header: align(right, text(size: 8pt, ${str(header)})),
  footer: context align(center, text(size: 9pt, counter(page).display())))
#set text(font: "DejaVu Sans", size: ${opts.fontSize ?? "10pt"}, lang: "pl")
#set table(inset: 5pt, stroke: 0.5pt)
#set table.cell(breakable: false)

${body}
`;
}

export function textToPdf(text: string, opts: TypstDocOptions = {}): Uint8Array {
  return compileTypst(textToTypst(text, opts));
}
