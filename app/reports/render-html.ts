// The report as one self-contained, accessible HTML page (WCAG 2.1 AA): lang="pl", one <h1>,
// headings in order, everything inside landmarks, tables with captions and scoped headers,
// charts as inline SVG with role="img", a title and a description, followed by their data.
// Printed, the wide indicator tables go on landscape pages as in DOCX and PDF (a named @page on
// the section the orientation blocks open), header rows repeat and no row is cut (decision 073).
import { createHash } from "node:crypto";
import type { Block, Cell, ReportLayoutResult } from "./layout.ts";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
.title-page { text-align: center; padding: 3rem 0; border-bottom: 2px solid #1f4e79; margin-bottom: 2rem; }
.title-page .municipality { font-size: 1.4rem; font-weight: bold; }
h1 { font-size: 1.9rem; line-height: 1.3; }
h2 { font-size: 1.45rem; color: #1f4e79; margin-top: 2.5rem; border-bottom: 1px solid #b0b0b0; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.draft { display: inline-block; border: 2px solid #a00000; color: #a00000; font-weight: bold; padding: 0.2rem 0.8rem; }
.note { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #595959; padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
thead th { background: #e8eef5; }
tbody th[scope="rowgroup"] { background: #f3f3f3; }
td p, th p { margin: 0 0 0.25rem; }
figure { margin: 1.5rem 0; }
figure svg { max-width: 100%; height: auto; }
a { color: #1f4e79; }
a:focus { outline: 3px solid #1f4e79; outline-offset: 2px; }
footer { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; border-top: 1px solid #b0b0b0; font-size: 0.9rem; }
.example-data { border: 2px solid #1f4e79; padding: 0.5rem 1rem; max-width: 40rem; margin: 1rem auto; }
.example-data strong { display: block; color: #1f4e79; }
@page { size: A4; margin: 2cm 2.2cm; }
@page landscape { size: A4 landscape; }
.landscape { page: landscape; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-before: page; }
  h2, h3, h4, caption, figcaption { break-after: avoid; }
  table { break-inside: auto; }
  thead { display: table-header-group; }
  tr, figure svg { break-inside: avoid; }
  a { color: inherit; }
}
`;

/**
 * The policy to serve the report with. The site's own (style-src 'self', decision 027) refuses
 * the inline style a self-contained file needs, so the report would be served unstyled and
 * print without its landscape pages; this allows that one style by its hash and nothing else.
 */
export const HTML_REPORT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "img-src data:",
  "frame-ancestors 'none'",
].join("; ");

export function renderHtml(layout: ReportLayoutResult): string {
  const body: string[] = [];
  let chartNo = 0;
  // Inside a landscape section (printed on landscape pages) since the last orientation block.
  let landscape = false;
  const outline = layout.blocks.filter(
    (b): b is Extract<Block, { kind: "heading" }> => b.kind === "heading" && b.level === 2,
  );
  for (const block of layout.blocks) {
    switch (block.kind) {
      case "title":
        body.push(
          `<header class="title-page">`,
          block.draft ? `<p class="draft">PROJEKT</p>` : "",
          `<p class="municipality">${escapeHtml(block.municipality)}</p>`,
          `<h1>${block.lines.map(escapeHtml).join("<br>")}</h1>`,
          block.example
            ? `<p class="example-data"><strong>${escapeHtml(block.example.mark)}</strong> ${escapeHtml(block.example.note)}</p>`
            : "",
          `<p>Opracowanie: ${escapeHtml(block.preparedBy)}</p>`,
          `<p>${escapeHtml(block.date)}</p>`,
          `</header>`,
        );
        break;
      case "outline":
        body.push(
          `<nav aria-labelledby="spis-tresci"><h2 id="spis-tresci">${escapeHtml(block.title)}</h2><ol>`,
          ...outline.map((h) => `<li><a href="#${h.anchor}">${escapeHtml(h.text)}</a></li>`),
          `</ol></nav>`,
        );
        break;
      case "heading":
        body.push(
          `<h${block.level} id="${block.anchor}">${escapeHtml(block.text)}</h${block.level}>`,
        );
        break;
      case "paragraph":
        body.push(
          `<p${block.style === "note" ? ` class="note"` : ""}>${escapeHtml(block.text)}</p>`,
        );
        break;
      case "field":
        body.push(`<h4>${escapeHtml(block.label)}</h4>`, ...lines(block.text));
        break;
      case "list":
        body.push(`<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
        break;
      case "toc":
        body.push(tocTable(block));
        break;
      case "table":
        body.push(table(block.caption, block.headers, block.rows));
        break;
      case "chart": {
        chartNo += 1;
        const id = `wykres-${chartNo}`;
        body.push(
          `<figure aria-labelledby="${id}-podpis">`,
          accessibleSvg(block.svg, id, block.caption, block.alt),
          `<figcaption id="${id}-podpis">${escapeHtml(block.caption)}</figcaption>`,
          table(
            `Dane wykresu: ${block.caption}`,
            block.table.headers,
            block.table.rows.map((r) => r.map((t, i) => ({ lines: [t], header: i === 0 }))),
          ),
          `</figure>`,
        );
        break;
      }
      case "orientation":
        if (block.landscape !== landscape)
          body.push(block.landscape ? `<section class="landscape">` : `</section>`);
        landscape = block.landscape;
        break;
      case "pageBreak":
        break;
    }
  }
  if (landscape) body.push(`</section>`);
  return [
    `<!doctype html>`,
    `<html lang="pl">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(layout.title)}</title>`,
    `<style>${STYLE}</style>`,
    `</head>`,
    `<body>`,
    `<main>`,
    ...body.filter((l) => l !== ""),
    `</main>`,
    `<footer><p>${escapeHtml(layout.runningHead)}. Dokument wygenerowany w systemie Busola.</p></footer>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => `<p>${escapeHtml(l)}</p>`);
}

function cellContent(cell: Cell): string {
  return cell.lines.length === 1
    ? escapeHtml(cell.lines[0]!)
    : cell.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("");
}

function table(caption: string, headers: string[], rows: Cell[][]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell) => {
            const span = cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : "";
            return cell.header
              ? `<th scope="row"${span}>${cellContent(cell)}</th>`
              : `<td${span}>${cellContent(cell)}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A table of contents: the page column of the printed forms becomes a link. */
function tocTable(block: Extract<Block, { kind: "toc" }>): string {
  const groups: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) groups.push(`<tbody>${current.join("")}</tbody>`);
    current = [];
  };
  for (const e of block.entries) {
    if (e.kind === "group") {
      flush();
      current.push(`<tr><th scope="rowgroup" colspan="3">${escapeHtml(e.title)}</th></tr>`);
    } else {
      current.push(
        `<tr><td>${escapeHtml(e.lp)}</td><td>${escapeHtml(e.symbol)}</td><td><a href="#${e.anchor}">${escapeHtml(e.title)}</a></td></tr>`,
      );
    }
  }
  flush();
  return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr><th scope="col">Lp</th><th scope="col">Symbol</th><th scope="col">Tytuł projektu</th></tr></thead>${groups.join("")}</table>`;
}

/** ECharts' SVG with a role, an accessible name and a description. */
function accessibleSvg(svg: string, id: string, title: string, desc: string): string {
  const open = svg.indexOf(">");
  if (!svg.startsWith("<svg") || open < 0) return "";
  return (
    `<svg role="img" aria-labelledby="${id}-tytul ${id}-opis" focusable="false"${svg.slice(4, open)}>` +
    `<title id="${id}-tytul">${escapeHtml(title)}</title><desc id="${id}-opis">${escapeHtml(desc)}</desc>` +
    svg.slice(open + 1)
  );
}
