// The neutral blocks a report is laid out in, drawn alike by the HTML, PDF and DOCX renderers,
// and the small text helpers every layout uses.

/** Printed instead of a withheld small count (small-counts.ts); the introduction explains it. */
export const WITHHELD = "poniżej progu";

/** A table cell: lines of text (each its own paragraph), optionally spanning rows. */
export type Cell = { lines: string[]; rowSpan?: number; header?: boolean };

export type TocEntry =
  | { kind: "group"; title: string }
  | { kind: "entry"; lp: string; symbol: string; title: string; anchor: string };

export type Block =
  | {
      kind: "title";
      municipality: string;
      lines: string[];
      preparedBy: string;
      date: string;
      draft: boolean;
      /**
       * When the year's data are generated examples (decision 054): the mark above the title
       * and the sentence under it.
       */
      example?: { mark: string; note: string };
    }
  | { kind: "outline"; title: string }
  | { kind: "heading"; level: 2 | 3; text: string; anchor: string }
  | { kind: "paragraph"; text: string; style?: "note" }
  /** A card's labelled part ("Cel projektu"); the text may be empty when a table follows. */
  | { kind: "field"; label: string; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "toc"; caption: string; entries: TocEntry[] }
  | {
      kind: "table";
      caption: string;
      headers: string[];
      /** Relative column widths. */
      widths: number[];
      rows: Cell[][];
    }
  | {
      kind: "chart";
      caption: string;
      svg: string;
      alt: string;
      width: number;
      height: number;
      table: { headers: string[]; rows: string[][] };
    }
  | { kind: "pageBreak" }
  /**
   * The pages from here on are landscape (or portrait again): the wide indicator tables need
   * the width (decision 060). DOCX starts a section, PDF a flipped page; HTML flows on.
   */
  | { kind: "orientation"; landscape: boolean };

export type ReportLayoutResult = {
  /** The document's title in one line: HTML <title>, PDF and DOCX metadata. */
  title: string;
  /** Running header of the pages. */
  runningHead: string;
  blocks: Block[];
};

export const DASH = "\u2013";

export function paragraphs(text: string): Block[] {
  return splitLines(text).map((t) => ({ kind: "paragraph", text: t }));
}

/** Paragraphs of a free text: one per non-empty line. */
export function splitLines(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

export function hasText(text: string | null | undefined): text is string {
  return !!text && text.trim() !== "";
}
