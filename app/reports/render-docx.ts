// The report as a Word document people keep editing: Word's own heading styles (the
// navigation pane and the TOC field work), real tables whose header rows repeat on every page,
// bookmarks on the project headings with PAGEREF fields in the per-goal tables of contents.
// The page numbers are written by docx's layout estimator (docx/layout) and Word refreshes all
// fields when the document is opened (updateFields), so an edited document stays right.
// Wide indicator tables sit in landscape sections and charts are PNG pictures with their
// alternative text (decision 060).
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  Packer,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from "docx";
import { estimatePageNumbers } from "docx/layout";
import { chartPng } from "./chart-png.ts";
import { titlePage } from "./docx-title-page.ts";
import type { Block, Cell, ReportLayoutResult } from "./layout.ts";

// A font in the estimator's width tables and on every Office installation.
const FONT = "Arial";
const BLUE = "1F4E79";
// A4 in twentieths of a point, with 2.2 cm side margins; the text width of either orientation.
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1474, bottom: 1361, left: 1247, right: 1247 };
const TEXT_WIDTH = { portrait: A4.width - 2 * 1247, landscape: A4.height - 2 * 1247 };
// A picture's size is given in pixels at 96 to the inch: twips / 15.
const TWIPS_PER_PIXEL = 15;

type Child = Paragraph | Table | TableOfContents;
type Orientation = keyof typeof TEXT_WIDTH;
type Section = { orientation: Orientation; children: Child[] };

/** The blocks cut into sections at each change of orientation ("orientation" blocks). */
function sectionsOf(blocks: Block[]): Section[] {
  const sections: Section[] = [{ orientation: "portrait", children: [] }];
  for (const block of blocks) {
    const current = sections.at(-1)!;
    if (block.kind === "orientation") {
      const orientation = block.landscape ? "landscape" : "portrait";
      if (orientation === current.orientation) continue;
      if (current.children.length === 0 && sections.length > 1) current.orientation = orientation;
      else sections.push({ orientation, children: [] });
      continue;
    }
    current.children.push(...renderBlock(block, TEXT_WIDTH[current.orientation]));
  }
  return sections.filter((sec, i) => i === 0 || sec.children.length > 0);
}

export async function renderDocx(
  layout: ReportLayoutResult,
  opts: {
    author: string;
    /**
     * Lay the pages out here to write the page numbers into the PAGEREF and TOC fields. Slow
     * (seconds for 150 pages); without it Word fills them in when it opens the document.
     */
    estimatePages?: boolean;
  },
): Promise<Uint8Array> {
  const header = new Header({
    children: [
      new Paragraph({
        children: [new TextRun({ text: layout.runningHead, size: 16, color: "404040" })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 16,
            children: ["Strona ", PageNumber.CURRENT, " z ", PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
  // The first section has the title page (no header, no footer); each later one repeats the
  // running head and page numbers, which go on counting across sections.
  const sections: ISectionOptions[] = sectionsOf(layout.blocks).map((sec, i) => ({
    properties: {
      ...(i === 0 ? { titlePage: true } : {}),
      page: {
        margin: MARGIN,
        size: {
          ...A4,
          orientation:
            sec.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
      },
    },
    headers:
      i === 0
        ? { first: new Header({ children: [new Paragraph("")] }), default: header }
        : { default: header },
    footers:
      i === 0
        ? { first: new Footer({ children: [new Paragraph("")] }), default: footer }
        : { default: footer },
    children: sec.children,
  }));
  const doc = new Document({
    creator: opts.author,
    title: layout.title,
    description: layout.runningHead,
    ...(opts.estimatePages ? { pageNumbers: estimatePageNumbers } : {}),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 100 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: "000000" } },
        heading1: {
          run: { font: FONT, size: 28, bold: true, color: BLUE },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 23, bold: true, color: "000000" },
          paragraph: { spacing: { before: 300, after: 120 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: "Caption",
          name: "caption",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { bold: true, size: 18 },
          paragraph: { keepNext: true, spacing: { before: 160, after: 60 } },
        },
        {
          id: "FieldLabel",
          name: "Etykieta pola karty",
          basedOn: "Normal",
          next: "Normal",
          run: { bold: true },
          paragraph: { keepNext: true, spacing: { before: 160, after: 40 } },
        },
      ],
    },
    sections,
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function textParagraphs(text: string, italics = false): Paragraph[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => new Paragraph({ children: [new TextRun({ text: l, italics })] }));
}

function renderBlock(block: Block, width: number): Child[] {
  switch (block.kind) {
    case "title":
      return titlePage(block);
    case "outline":
      return [
        new Paragraph({
          pageBreakBefore: true,
          children: [new TextRun({ text: block.title, bold: true, size: 28, color: BLUE })],
        }),
        new TableOfContents(block.title, { hyperlink: true, headingStyleRange: "1-1" }),
      ];
    case "heading":
      return [
        new Paragraph({
          heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: [new Bookmark({ id: block.anchor, children: [new TextRun(block.text)] })],
        }),
      ];
    case "paragraph":
      return textParagraphs(block.text, block.style === "note");
    case "field":
      return [
        new Paragraph({ style: "FieldLabel", text: block.label }),
        ...textParagraphs(block.text),
      ];
    case "list":
      return block.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } }));
    case "toc": {
      const rows: TableRow[] = [];
      for (const e of block.entries) {
        if (e.kind === "group") {
          rows.push(
            new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  columnSpan: 4,
                  shading: { type: ShadingType.CLEAR, fill: "EEEEEE", color: "auto" },
                  children: [
                    new Paragraph({ children: [new TextRun({ text: e.title, italics: true })] }),
                  ],
                }),
              ],
            }),
          );
        } else {
          const link: ParagraphChild = new InternalHyperlink({
            anchor: e.anchor,
            children: [new TextRun({ text: e.title })],
          });
          rows.push(
            new TableRow({
              cantSplit: true,
              children: [
                cell([new Paragraph(e.lp)]),
                cell([new Paragraph(e.symbol)]),
                cell([new Paragraph({ children: [link] })]),
                cell([
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: [new PageReference(e.anchor, { hyperlink: true })],
                  }),
                ]),
              ],
            }),
          );
        }
      }
      return [
        caption(block.caption),
        table(["Lp", "Symbol", "Tytuł projektu", "Strona"], [0.5, 0.9, 5, 0.7], rows, width),
      ];
    }
    case "table":
      return [
        caption(block.caption),
        table(
          block.headers,
          block.widths,
          block.rows.map(
            (r) =>
              new TableRow({
                children: r.map((c) => cell(cellParagraphs(c), c.rowSpan)),
              }),
          ),
          width,
        ),
      ];
    case "chart": {
      // The picture at its own size, narrowed to the text width; the sentence of every value is
      // its alternative text (Word's "Tekst alternatywny") and the data table follows it.
      const scale = Math.min(1, width / TWIPS_PER_PIXEL / block.width);
      const picture = new ImageRun({
        type: "png",
        data: chartPng(block.svg, block.width),
        transformation: {
          width: Math.round(block.width * scale),
          height: Math.round(block.height * scale),
        },
        altText: { name: block.caption, title: block.caption, description: block.alt },
      });
      return [
        caption(block.caption),
        new Paragraph({ keepNext: true, children: [picture] }),
        table(
          block.table.headers,
          [1, 2],
          block.table.rows.map(
            (r) =>
              new TableRow({
                children: r.map((t, i) => cell(cellParagraphs({ lines: [t], header: i === 0 }))),
              }),
          ),
          width * 0.5,
        ),
      ];
    }
    case "pageBreak":
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    case "orientation":
      // Handled by sectionsOf: a new section begins.
      return [];
  }
}

function caption(text: string): Paragraph {
  return new Paragraph({ style: "Caption", text });
}

function cellParagraphs(c: Cell): Paragraph[] {
  return c.lines.map(
    (l) =>
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ text: l, bold: c.header })],
      }),
  );
}

function cell(children: Paragraph[], rowSpan?: number): TableCell {
  return new TableCell({
    children,
    verticalAlign: VerticalAlign.TOP,
    ...(rowSpan && rowSpan > 1 ? { rowSpan } : {}),
  });
}

/**
 * A table of the given width in columns of the layout's proportions. The layout is fixed, so
 * Word keeps those proportions instead of fitting columns to their longest word.
 */
function table(headers: string[], widths: number[], rows: TableRow[], width: number): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  const size = Math.round(width);
  const columnWidths = widths.map((w) => Math.round((w / sum) * size));
  return new Table({
    width: { size, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map(
          (h) =>
            new TableCell({
              shading: { type: ShadingType.CLEAR, fill: "E8EEF5", color: "auto" },
              verticalAlign: VerticalAlign.TOP,
              children: [
                new Paragraph({
                  alignment: AlignmentType.LEFT,
                  children: [new TextRun({ text: h, bold: true })],
                }),
              ],
            }),
        ),
      }),
      ...rows,
    ],
  });
}
