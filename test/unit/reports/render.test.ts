// Pure parts of the report: HTML structure a screen reader relies on, and Typst escaping.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../../app/reports/generate.ts";
import { contributionsText, layoutReport } from "../../../app/reports/layout.ts";
import type { ReportData } from "../../../app/reports/model.ts";
import { createHash } from "node:crypto";
import { HTML_REPORT_CSP, renderHtml } from "../../../app/reports/render-html.ts";
import { renderTypst, typstString } from "../../../app/reports/render-pdf.ts";

const value = (total: number) => ({
  total,
  approximate: false,
  remarks: null,
  published: true,
  parts: [],
  contributions: [
    { institution: "PUP", value: 725, approximate: false, note: null, parts: [] },
    { institution: "MOPS", value: 23, approximate: true, note: null, parts: [] },
  ],
});

const data: ReportData = {
  municipality: {
    name: "Gmina <Test>",
    kind: "gmina_miejska",
    teryt: "1234567",
    welfareCentreName: null,
  },
  document: {
    id: "d",
    slug: "srps",
    kind: "strategy",
    title: 'Strategia "#set" *x* $y$',
    periodStart: 2014,
    periodEnd: 2021,
    resolutionNumber: null,
    resolutionDate: null,
  },
  year: 2021,
  programs: [],
  goals: [
    {
      code: "1",
      title: "Cel",
      coordinatorName: null,
      coordinatorPosition: null,
      directions: [
        {
          code: "1.1",
          title: "Kierunek",
          actionLines: ["linia"],
          projects: [],
          indicators: [
            {
              id: "i",
              name: "liczba osób, które podjęły zatrudnienie",
              unit: "zł",
              kind: "result",
              target: null,
              direction: "increase",
              baseline: null,
              baselineYear: null,
              value: value(1588268.16),
              history: [
                { year: 2020, total: 10, approximate: false },
                { year: 2021, total: 1588268.16, approximate: false },
              ],
            },
          ],
        },
      ],
    },
  ],
  nextYear: [],
  findings: [],
  unpublished: 0,
};

describe("report rendering", () => {
  const model = buildModel({
    data,
    layout: "indicators",
    options: { generatedAt: new Date("2021-12-31T23:30:00Z") },
  });
  const layout = layoutReport(model);

  it("HTML: lang, one h1, headings without skipped levels, captions and scoped headers", () => {
    const html = renderHtml(layout);
    expect(html).toContain('<html lang="pl">');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const tables = html.match(/<table>/g)!.length;
    expect(html.match(/<caption>/g)).toHaveLength(tables);
    expect(html).not.toMatch(/<th(?! scope="(?:col|row|rowgroup)")[ >]/);
    expect(html).toContain("<main>");
    expect(html).toContain("Gmina &lt;Test&gt;");
    // Polish money and dates; the Warsaw calendar day, not UTC's.
    expect(html).toContain("1\u00a0588\u00a0268,16\u00a0zł");
    expect(html).toContain("01.01.2022\u00a0r.");
    expect(html).toContain('role="img"');
  });

  it("HTML printed: the indicator tables on landscape pages, header rows repeated, rows whole", () => {
    const html = renderHtml(layout);
    const style = html.slice(html.indexOf("<style>"), html.indexOf("</style>"));
    expect(style).toMatch(/@page landscape \{ size: A4 landscape; \}/u);
    expect(style).toMatch(/\.landscape \{ page: landscape; \}/u);
    const print = style.slice(style.indexOf("@media print"));
    expect(print).toMatch(/thead \{ display: table-header-group; \}/u);
    expect(print).toMatch(/tr, figure svg \{ break-inside: avoid; \}/u);
    // The landscape section holds the goals' tables and charts; the conclusions are after it.
    const open = html.indexOf('<section class="landscape">');
    const close = html.indexOf("</section>", open);
    expect(html.match(/<section class="landscape">/gu)).toHaveLength(1);
    expect(open).toBeGreaterThan(html.indexOf('id="wprowadzenie"'));
    expect(open).toBeLessThan(html.indexOf("Tabela 1. Realizacja celu strategicznego"));
    expect(close).toBeGreaterThan(html.indexOf("<figure"));
    expect(close).toBeLessThan(html.indexOf('id="podsumowanie"'));
    // Served, the page's policy allows exactly this style (else it would print unstyled).
    const inline = html.slice(html.indexOf("<style>") + 7, html.indexOf("</style>"));
    const hash = createHash("sha256").update(inline).digest("base64");
    expect(HTML_REPORT_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(html.match(/<style>/gu)).toHaveLength(1);
  });

  it("the target's column only in a report with a target, the status in words", () => {
    const cells = (l: typeof layout) =>
      l.blocks.flatMap((b) =>
        b.kind === "table" ? [b.headers, ...b.rows.map((r) => r.flatMap((c) => c.lines))] : [],
      );
    expect(cells(layout).flat()).not.toContain("Wartość docelowa i stan realizacji celu");
    const targeted = structuredClone(data);
    const ind = targeted.goals[0]!.directions[0]!.indicators[0]!;
    Object.assign(ind, { target: 2_000_000, status: "close" });
    const rows = cells(layoutReport(buildModel({ data: targeted, layout: "indicators" })));
    const table = rows.find((r) => r.includes("Wartość docelowa i stan realizacji celu"))!;
    expect(table).toHaveLength(8);
    expect(rows.flat()).toContain("blisko celu");
    expect(rows.flat()).toContain("2\u00a0000\u00a0000,00\u00a0zł");
  });

  it("contributions as seed 003 writes them", () => {
    expect(contributionsText(value(748), "osoby")).toBe("PUP – 725, MOPS – ok. 23");
  });

  it("Typst: data only ever enters as string literals", () => {
    expect(typstString('a"b\\c\n#set')).toBe('"a\\"b\\\\c\\n#set"');
    const source = renderTypst(layout, { author: "x" });
    expect(source).toContain(typstString(data.document.title));
    expect(source).not.toContain('Strategia "#set"');
  });
});
