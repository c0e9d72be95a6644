// HTML (a page saved from a word processor, or mammoth's rendering of a DOCX) → the plain text
// form the report parser reads: one line per block element, one line per table row with the
// cells separated by TABs. Pure: parse5 builds a tree and nothing in it is ever executed; script,
// style, noscript and template elements are dropped with their content.
import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Elements whose content is never text of the document. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "select",
  "button",
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "html",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "ul",
]);

/** HTML's own whitespace (not NBSP, which a document may use on purpose). */
const collapse = (s: string): string => s.replace(/[ \t\n\r\f]+/gu, " ");

const isElement = (node: Node): node is Element => "tagName" in node;

/** A heading of the document: its line (0-based) in the text form and its level (1 = top). */
export type DocumentHeading = { line: number; level: number };

/** The text form of a document and what its markup said about the lines' roles. */
export type ReportDocument = { text: string; headings: DocumentHeading[] };

/** Paragraphs of a Word table of contents (mammoth gives them this class, see read-docx.ts). */
export const TOC_CLASS = "busola-toc";

class Lines {
  readonly lines: string[] = [];
  readonly headings: DocumentHeading[] = [];
  private current = "";
  /** Inside a contents paragraph the TAB before the page number becomes a dotted leader. */
  inContents = false;

  text(s: string): void {
    this.current += collapse(this.inContents ? s.replace(/\t/gu, " ..... ") : s);
  }

  /** Ends the current line, if it holds any text. */
  break(): void {
    const line = this.current.trim();
    if (line !== "") this.lines.push(line);
    this.current = "";
  }

  /** A finished line (a table row); TABs inside it are kept. */
  push(line: string): void {
    this.break();
    if (line.replace(/\t/gu, "").trim() !== "") this.lines.push(line.replace(/ +$/u, ""));
  }
}

export function htmlToDocument(html: string): ReportDocument {
  const out = new Lines();
  walk(parse(html), out);
  out.break();
  return {
    text: out.lines.length === 0 ? "" : `${out.lines.join("\n")}\n`,
    headings: out.headings,
  };
}

export function htmlToText(html: string): string {
  return htmlToDocument(html).text;
}

const HEADING_LEVEL = /^h([1-6])$/u;

/** A block element: its own lines; a heading's lines are recorded with its level. */
function walkBlock(child: Element, out: Lines): void {
  out.break();
  const start = out.lines.length;
  const toc = child.attrs.some((a) => a.name === "class" && a.value.includes(TOC_CLASS));
  out.inContents = toc;
  walk(child, out);
  out.break();
  out.inContents = false;
  const level = HEADING_LEVEL.exec(child.tagName)?.[1];
  if (level) {
    for (let line = start; line < out.lines.length; line++) {
      out.headings.push({ line, level: Number(level) });
    }
  }
}

function walk(node: Node, out: Lines): void {
  if (!("childNodes" in node)) return;
  for (const child of node.childNodes) {
    if (child.nodeName === "#text" && "value" in child) {
      out.text(child.value);
      continue;
    }
    if (!isElement(child) || DROPPED.has(child.tagName)) continue;
    const tag = child.tagName;
    if (tag === "br") {
      out.break();
    } else if (tag === "table") {
      out.break();
      writeTable(child, out);
    } else if (BLOCK.has(tag)) {
      walkBlock(child, out);
    } else {
      walk(child, out);
    }
  }
}

/** The rows of a table, not of the tables nested in its cells. */
function tableRows(table: Element, out: Lines): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === "tr") rows.push(child);
    else if (child.tagName === "caption") out.push(cellText(child));
    else if (["thead", "tbody", "tfoot"].includes(child.tagName)) {
      for (const row of child.childNodes)
        if (isElement(row) && row.tagName === "tr") rows.push(row);
    }
  }
  return rows;
}

const span = (el: Element, name: string): number => {
  const raw = el.attrs.find((a) => a.name === name)?.value;
  const n = raw === undefined ? 1 : Number.parseInt(raw, 10);
  // Browsers clamp spans the same way (colspan ≤ 1000, rowspan ≤ 65534).
  return Number.isFinite(n) && n >= 1 ? Math.min(n, name === "colspan" ? 1000 : 65534) : 1;
};

/**
 * One line per row. Merged cells keep the columns aligned: a cell spanning several columns is
 * followed by empty cells, and the rows a cell spans down get an empty cell in its place — the
 * form of the text exports where continuation rows start with empty cells.
 */
function writeTable(table: Element, out: Lines): void {
  const coveredFor: number[] = []; // per column: how many more rows a cell above covers
  for (const row of tableRows(table, out)) {
    const cells: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((coveredFor[col] ?? 0) > 0) {
        coveredFor[col] = (coveredFor[col] ?? 0) - 1;
        cells.push("");
        col++;
      }
    };
    for (const cell of row.childNodes) {
      if (!isElement(cell) || (cell.tagName !== "td" && cell.tagName !== "th")) continue;
      skipCovered();
      const colspan = span(cell, "colspan");
      const rowspan = span(cell, "rowspan");
      cells.push(cellText(cell));
      for (let i = 0; i < colspan; i++) {
        if (i > 0) cells.push("");
        if (rowspan > 1) coveredFor[col + i] = rowspan - 1;
        col++;
      }
    }
    // Columns to the right still covered by cells from rows above.
    let last = coveredFor.length - 1;
    while (last >= col && (coveredFor[last] ?? 0) === 0) last--;
    for (; col <= last; col++) {
      if ((coveredFor[col] ?? 0) > 0) coveredFor[col] = (coveredFor[col] ?? 0) - 1;
      cells.push("");
    }
    out.push(cells.join("\t"));
  }
}

/** A cell's text on one line: paragraphs, line breaks and nested tables joined with spaces. */
function cellText(cell: Element): string {
  const parts: string[] = [];
  const collect = (node: Node) => {
    if (!("childNodes" in node)) return;
    for (const child of node.childNodes) {
      if (child.nodeName === "#text" && "value" in child) parts.push(child.value);
      else if (isElement(child) && !DROPPED.has(child.tagName)) {
        const separate = !INLINE.has(child.tagName);
        if (separate) parts.push(" ");
        collect(child);
        if (separate) parts.push(" ");
      }
    }
  };
  collect(cell);
  return collapse(parts.join("")).trim();
}

/** Inline elements: their text continues the word or sentence around them. */
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "ins",
  "kbd",
  "label",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
]);
