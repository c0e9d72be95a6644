// PDF/A-2b through Typst: `renderTypst` turns the layout into Typst source (pure), and
// `compilePdf` compiles it with the fonts kept in the repository (the edge). Every piece of data
// enters the source as a Typst string literal, never as markup, so a title with "#", "*", "$"
// or "<" prints as written and cannot run code. Page numbers of the tables of contents are
// Typst's own: `counter(page).at(label)` is resolved by the layout engine after pagination.
import { readFileSync, existsSync } from "node:fs";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { drawable, fontCodePoints } from "./font-coverage.ts";
import type { Block, Cell, ReportLayoutResult } from "./layout.ts";

/**
 * A Typst string literal. Control characters other than tab and newline are dropped, and a lone
 * UTF-16 surrogate (which no font can draw and no UTF-8 file can hold) becomes U+FFFD.
 */
export function typstString(text: string): string {
  const body = text
    .toWellFormed()
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t");
  return `"${body}"`;
}

/** Labels are made by the layout ("projekt_12"); anything else would be a bug, not data. */
function label(anchor: string): string {
  if (!/^[a-z0-9_]+$/.test(anchor)) throw new Error(`Unsafe anchor: ${anchor}`);
  return `label(${typstString(anchor)})`;
}

const BLUE = `rgb("#1f4e79")`;

/**
 * The text font and its fallbacks, in order: DejaVu Sans for Latin (Polish), Cyrillic and
 * Greek; then the scripts and symbols it lacks. Typst takes each character from the first
 * family that has it (decision 028).
 */
export const FALLBACK_FAMILIES = [
  "Noto Sans Hebrew",
  "Noto Sans Arabic",
  "Noto Sans CJK SC",
  "Noto Sans Symbols",
  "Noto Sans Symbols 2",
  "Noto Sans Math",
  "Noto Emoji",
];
const FONT_FAMILIES = `(${["DejaVu Sans", ...FALLBACK_FAMILIES].map((f) => `"${f}"`).join(", ")})`;

export function renderTypst(layout: ReportLayoutResult, opts: { author: string }): string {
  const out: string[] = [
    `#set document(title: ${typstString(layout.title)}, author: ${typstString(opts.author)})`,
    `#set text(font: ${FONT_FAMILIES}, size: 10pt, lang: "pl", region: "PL")`,
    `#set par(justify: false, leading: 0.62em, spacing: 0.9em)`,
    `#set page(paper: "a4", margin: (x: 2.2cm, top: 2.6cm, bottom: 2.4cm),`,
    `  header: context { if counter(page).get().first() > 1 { set text(size: 8pt, fill: luma(64)); ${typstString(layout.runningHead)}; v(-6pt); line(length: 100%, stroke: 0.4pt + luma(128)) } },`,
    `  footer: context { if counter(page).get().first() > 1 { set text(size: 8pt); align(center)[Strona #counter(page).display() z #counter(page).final().first()] } })`,
    `#set heading(numbering: none)`,
    `#show heading.where(level: 1): set text(size: 14pt, fill: ${BLUE})`,
    `#show heading.where(level: 2): set text(size: 11.5pt)`,
    `#show heading: set block(above: 1.5em, below: 0.9em)`,
    // Tables read left-aligned from the top of each cell, like the council's own documents.
    `#set table(stroke: 0.5pt + luma(89), inset: 4pt, align: left + top)`,
    `#show table.cell.where(y: 0): set text(weight: "bold")`,
    `#show table: set text(size: 8.5pt)`,
    `#set figure(numbering: none, supplement: none)`,
    `#set figure.caption(position: top)`,
    `#show figure.caption: set text(weight: "bold", size: 9pt)`,
    `#show figure: set block(breakable: true)`,
    // A chart is one picture: never split from its caption. A table's caption above it stays
    // with its first rows instead of ending a page alone.
    `#show figure.where(kind: image): set block(breakable: false)`,
    `#show figure.caption: set block(sticky: true)`,
    `#set list(indent: 0.6em)`,
    ``,
  ];
  for (const block of layout.blocks) out.push(renderBlock(block), "");
  return out.join("\n");
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "title": {
      const lines = block.lines
        .map((l, i) => `text(size: ${i === 1 ? 20 : 15}pt, weight: "bold", ${typstString(l)})`)
        .join(", ");
      return [
        `#align(center, stack(spacing: 14pt,`,
        block.draft
          ? `  text(size: 14pt, weight: "bold", fill: rgb("#a00000"), "PROJEKT"), v(1cm),`
          : `  v(1cm),`,
        `  text(size: 16pt, weight: "bold", ${typstString(block.municipality)}), v(3cm),`,
        `  ${lines}, v(${block.example ? 1.5 : 4}cm),`,
        // An example year says so in words on its title page (decision 054), in a frame.
        block.example
          ? `  block(width: 12cm, inset: 8pt, stroke: 1.5pt + ${BLUE}, stack(spacing: 6pt, text(size: 12pt, weight: "bold", fill: ${BLUE}, ${typstString(block.example.mark)}), text(size: 11pt, ${typstString(block.example.note)}))), v(1.5cm),`
          : "",
        `  text(size: 11pt, ${typstString(`Opracowanie: ${block.preparedBy}`)}),`,
        `  text(size: 11pt, ${typstString(block.date)}),`,
        `))`,
        `#pagebreak()`,
      ]
        .filter((l) => l !== "")
        .join("\n");
    }
    case "outline":
      return `#outline(title: ${typstString(block.title)}, depth: 1)\n#pagebreak(weak: true)`;
    case "heading":
      return `#heading(level: ${block.level - 1}, ${typstString(block.text)}) #${label(block.anchor)}`;
    case "paragraph":
      return block.style === "note"
        ? `#par(emph(${typstString(block.text)}))`
        : `#par(${typstString(block.text)})`;
    case "field": {
      const paras = block.text
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => `#par(${typstString(l)})`);
      return [
        `#block(sticky: true, above: 1.1em, strong(${typstString(block.label)}))`,
        ...paras,
      ].join("\n");
    }
    case "list":
      return `#list(${block.items.map(typstString).join(", ")})`;
    case "toc": {
      const cells: string[] = [];
      for (const e of block.entries) {
        if (e.kind === "group") {
          cells.push(`table.cell(colspan: 4, fill: luma(238), ${typstString(e.title)})`);
        } else {
          const target = label(e.anchor);
          cells.push(
            typstString(e.lp),
            typstString(e.symbol),
            `link(${target}, ${typstString(e.title)})`,
            `context str(counter(page).at(${target}).first())`,
          );
        }
      }
      return figureTable(
        block.caption,
        `(auto, auto, 1fr, auto)`,
        ["Lp", "Symbol", "Tytuł projektu", "Strona"],
        cells,
        `(x, y) => if x == 3 and y > 0 { right } else { left }`,
      );
    }
    case "table":
      return figureTable(
        block.caption,
        `(${block.widths.map((w) => `${w}fr`).join(", ")})`,
        block.headers,
        block.rows.flat().map(cell),
      );
    case "chart":
      return [
        `#figure(image(bytes(${typstString(block.svg)}), format: "svg", width: 14.5cm, alt: ${typstString(block.alt)}), caption: ${typstString(block.caption)})`,
        figureTable(
          `Dane wykresu: ${block.caption}`,
          `(auto, auto)`,
          block.table.headers,
          block.table.rows.flat().map(typstString),
        ),
      ].join("\n");
    case "pageBreak":
      return `#pagebreak(weak: true)`;
    case "orientation":
      // A page rule mid-document starts a new page with it; header and footer stay.
      return `#set page(flipped: ${block.landscape})`;
  }
}

function cell(c: Cell): string {
  const parts = c.lines.map(typstString);
  let content = parts.length === 1 ? parts[0]! : `{ ${parts.join("; linebreak(); ")} }`;
  if (c.header) content = `strong(${content})`;
  return c.rowSpan && c.rowSpan > 1 ? `table.cell(rowspan: ${c.rowSpan}, ${content})` : content;
}

function figureTable(
  caption: string,
  columns: string,
  headers: string[],
  cells: string[],
  align?: string,
): string {
  return [
    `#figure(kind: table, caption: ${typstString(caption)}, table(`,
    `  columns: ${columns},`,
    align ? `  align: ${align},` : "",
    `  table.header(repeat: true, ${headers.map(typstString).join(", ")}),`,
    ...cells.map((c) => `  ${c},`),
    `))`,
  ]
    .filter((l) => l !== "")
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// The edge: one compiler per process, fonts from assets/fonts only (no system fonts), so the
// same data gives the same PDF on every machine.

/**
 * The repository's assets/fonts, found from this module upwards: the module runs from
 * app/reports/ (CLI, tests) and from build/server/assets/ (the served bundle).
 */
function fontDir(): URL {
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    const candidate = new URL("assets/fonts/", dir);
    if (existsSync(new URL(FONT_FILES[0]!, candidate))) return candidate;
    if (dir.pathname === "/") throw new Error("assets/fonts not found above " + import.meta.url);
  }
}
export const FONT_FILES = [
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
  "DejaVuSans-BoldOblique.ttf",
  // Fallbacks (Noto, SIL Open Font License): see assets/fonts/README.md.
  "NotoSansHebrew-Regular.ttf",
  "NotoSansArabic-Regular.ttf",
  "NotoSansCJKsc-Regular-subset.otf",
  "NotoSansSymbols-Regular.ttf",
  "NotoSansSymbols2-Regular.ttf",
  "NotoSansMath-Regular.ttf",
  "NotoEmoji-Regular.ttf",
];
// One compiler and font coverage per process, on globalThis under a Symbol.for key: `busola
// serve` warms them from the sources at boot and the routes use them from the built bundle.
type TypstWorld = { compiler: NodeCompiler; coverage: Set<number> };
const WORLD = Symbol.for("busola.typst-world");
type Holder = { [WORLD]?: TypstWorld };

function world(): TypstWorld {
  const holder = globalThis as Holder;
  if (!holder[WORLD]) {
    const blobs = FONT_FILES.map((f) => readFileSync(new URL(f, fontDir())));
    holder[WORLD] = {
      coverage: new Set(blobs.flatMap((b) => [...fontCodePoints(b)])),
      compiler: NodeCompiler.create({ fontArgs: [{ fontBlobs: blobs }] }),
    };
  }
  return holder[WORLD];
}

/**
 * Loads the fonts and lays out one page of each style the reports use, so the first report
 * of a process does not pay for them (decision 048).
 */
export function warmTypst(): void {
  const sample: ReportLayoutResult = {
    title: "Rozgrzewka",
    runningHead: "Rozgrzewka",
    blocks: [
      { kind: "heading", level: 2, text: "Żółć", anchor: "a" },
      { kind: "paragraph", text: "Zażółć gęślą jaźń 1 588 268,16 zł", style: "note" },
      {
        kind: "table",
        caption: "Tabela",
        widths: [1, 1],
        headers: ["A", "B"],
        rows: [[{ lines: ["x"], header: true }, { lines: ["y"] }]],
      },
    ],
  };
  compilePdf(renderTypst(sample, { author: "Busola" }), { createdAt: new Date(0) });
}

export class TypstError extends Error {}

// "PDF/A-2b error: the text `"鿵"` could not be displayed with font `"DejaVu Sans"`": a
// character the fonts cover one by one but not together (a mark on a base of another script).
const UNDRAWABLE = /the text `\\?"(.+?)\\?"` could not be displayed/g;
const MAX_REPAIRS = 20;
// What stands for a text no font draws: ASCII, which DejaVu Sans always has — U+FFFD itself
// can be refused in some clusters, and an invisible joiner is better left out than shown.
const STAND_IN = "?";

export function compilePdf(source: string, opts: { createdAt: Date }): Uint8Array {
  const { compiler: c, coverage } = world();
  // Typst's own syntax is ASCII, which DejaVu Sans draws, so only data characters change.
  let main = drawable(source, coverage);
  for (let repair = 0; ; repair++) {
    try {
      return compileOnce(c, main, opts);
    } catch (e) {
      const message = e instanceof Error ? e.message : "";
      const texts = [...message.matchAll(UNDRAWABLE)]
        .map((m) => undrawableText(m[1]!))
        .filter((t) => t !== STAND_IN && main.includes(t));
      if (texts.length === 0 || repair >= MAX_REPAIRS) throw e;
      for (const text of texts) main = main.replaceAll(text, standIn(text));
    }
  }
}

// The diagnostic comes JSON-encoded, with Rust's escapes inside: `\\u{200d}` for a joiner.
function undrawableText(captured: string): string {
  return captured
    .replace(/\\\\/g, "\\")
    .replace(/\\u\{([0-9a-f]+)\}/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** An invisible character (a joiner, a direction mark) is left out; anything else is "?". */
function standIn(text: string): string {
  return [...text].every((ch) => /[\p{Cf}\p{Mn}\p{Me}]/u.test(ch)) ? "" : STAND_IN;
}

function compileOnce(c: NodeCompiler, source: string, opts: { createdAt: Date }): Uint8Array {
  const result = c.compile({ mainFileContent: source });
  const doc = result.result;
  if (result.hasError() || !doc) {
    const error = result.takeError();
    const details = error ? c.fetchDiagnostics(error) : [];
    throw new TypstError(`Typst compilation failed: ${JSON.stringify(details).slice(0, 2000)}`);
  }
  try {
    const pdf = c.pdf(doc, {
      pdfStandard: "a-2b",
      pdfTags: true,
      creationTimestamp: Math.floor(opts.createdAt.getTime() / 1000),
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    // Memoised layouts of earlier reports are not needed by the next one.
    c.evictCache(10);
  }
}
