// The two layouts users publish, as a list of neutral blocks (headings, paragraphs, tables,
// tables of contents, charts). The three renderers draw the same blocks, so DOCX, PDF and HTML
// say the same thing in the same order; only what a medium cannot do differs (page numbers).
import { formatDate } from "../format/polish-dates.ts";
import { layoutCards } from "./layout/cards.ts";
import { layoutIndicators } from "./layout/indicators.ts";
import { titleWithPeriod, titleWithoutPeriod, periodOf } from "./layout/legal-basis.ts";
import { DASH, paragraphs, type Block, type ReportLayoutResult } from "./layout/blocks.ts";
import type { ReportModel } from "./model.ts";

export type { Block, Cell, ReportLayoutResult, TocEntry } from "./layout/blocks.ts";
export { splitLines } from "./layout/blocks.ts";
export { contributionsText, valueText } from "./layout/indicator-blocks.ts";
export { defaultIntroduction, titleWithPeriod } from "./layout/legal-basis.ts";

/**
 * The sentence of an example year, in the words the pages use beside a chart or a year list
 * (exampleDataNote of app/components/example-data/, kept equal by the report tests): the
 * report is drawn without React, so it has its own copy.
 */
export function exampleYearNote(year: number): string {
  return `Rok ${year}: dane przykładowe (wygenerowane do demonstracji, nie pochodzą ze sprawozdania).`;
}

export function layoutReport(model: ReportModel): ReportLayoutResult {
  const { data } = model;
  const example = data.exampleYear
    ? { mark: "DANE PRZYKŁADOWE", note: exampleYearNote(data.year) }
    : undefined;
  // The title names the period once, whether the document's own title has it or not.
  const title = `Sprawozdanie z realizacji: ${titleWithPeriod(data.document)} za rok ${data.year}`;
  const blocks: Block[] = [
    {
      kind: "title",
      municipality: data.municipality.name,
      lines: [
        "Sprawozdanie z realizacji",
        titleWithoutPeriod(data.document.title),
        periodOf(data.document),
        `za rok ${data.year}`,
      ],
      preparedBy: model.preparedBy,
      date: formatDate(model.generatedAt),
      draft: model.draft,
      ...(example ? { example } : {}),
    },
    { kind: "outline", title: "Spis treści" },
    { kind: "heading", level: 2, text: "Wprowadzenie", anchor: "wprowadzenie" },
    ...paragraphs(model.introduction),
  ];
  if (model.layout === "cards") layoutCards(model, blocks);
  else layoutIndicators(model, blocks);
  if (model.draft) annex(model, blocks);
  return {
    title,
    // Every page says what it is: a page printed alone must not pass for a real report.
    runningHead: `${data.municipality.name} ${DASH} sprawozdanie za rok ${data.year}${headNote(model.draft, !!example)}`,
    blocks,
  };
}

function headNote(draft: boolean, example: boolean): string {
  const notes = [...(draft ? ["projekt"] : []), ...(example ? ["dane przykładowe"] : [])];
  return notes.length ? ` (${notes.join(", ")})` : "";
}

function annex(model: ReportModel, blocks: Block[]) {
  const { findings } = model.data;
  blocks.push({ kind: "pageBreak" });
  blocks.push({
    kind: "heading",
    level: 2,
    text: "Załącznik. Niepotwierdzone uwagi z kontroli danych",
    anchor: "zalacznik_uwagi",
  });
  blocks.push({
    kind: "paragraph",
    text: "Ta wersja sprawozdania jest projektem. Poniższe uwagi wskazują liczby i opisy, które należy sprawdzić albo potwierdzić przed publikacją. Załącznik nie wchodzi do wersji ostatecznej.",
    style: "note",
  });
  if (findings.length === 0) {
    blocks.push({
      kind: "paragraph",
      text: "Kontrola danych nie wykazała niepotwierdzonych uwag.",
    });
    return;
  }
  blocks.push({
    kind: "table",
    caption: `Niepotwierdzone uwagi (${findings.length})`,
    headers: ["Lp", "Dotyczy", "Uwaga", "Waga"],
    widths: [0.45, 2.4, 3.6, 0.8],
    rows: findings.map((f, i) => [
      { lines: [`${i + 1}.`] },
      { lines: [f.subject] },
      { lines: [f.message] },
      { lines: [f.severity === "error" ? "błąd" : "ostrzeżenie"] },
    ]),
  });
}
