// PDF reader: seed documents typeset by Typst (test/support/typst-pdf.ts) must parse to the same
// structures as their text — the gold files of seeds 000 and 003 — and broken or text-less PDFs
// must be refused with a Polish message. No PDF is committed; all are generated here.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import { ImportInputError, readReportFile } from "../../../app/report-reader/read-file.ts";
import type { ImportProposal } from "../../../app/report-reader/types.ts";
import { compileTypst, textToPdf } from "../../support/typst-pdf.ts";
import {
  SEED_000,
  SEED_003,
  institutionKey,
  normalise,
  readFixture,
  readSeed,
  seedsAvailable,
} from "./seeds.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "busola-pdf-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writeTemp(name: string, data: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, data);
  return file;
}

const refusal = async (file: string, opts: { maxPages?: number } = {}) => {
  const error: unknown = await readReportFile({ file, ...opts }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportInputError);
  return (error as Error).message;
};

describe("PDF reader — small documents and refusals", () => {
  it("reads paragraphs and a table, dropping the running header and page numbers", async () => {
    const long =
      "Wsparcie udzielane rodzinom obejmowało poradnictwo, pracę socjalną i pomoc rzeczową. "
        .repeat(12)
        .trim();
    const text = [
      "Sprawozdanie za rok 2021 — zażółć gęślą jaźń",
      long,
      "Lp\tWskaźnik\tWartość",
      "1.1\tliczba osób objętych wsparciem [#1] $ @ * _ < > \\ `\tok. 12",
      "Koniec.",
    ];
    // Enough copies for several pages, so that the header and page numbers recur.
    const copy = [...text.slice(0, 2), long, long, long, long, long, ...text.slice(2)];
    const pages = Array.from({ length: 6 }, () => copy.join("\n")).join("\n");
    const file = await writeTemp("mały.pdf", textToPdf(pages, { header: "Gmina Przykładowa" }));
    const read = await readReportFile({ file });
    const lines = read.split("\n");
    // The first page reads as written; a paragraph broken by a page break stays two lines.
    expect(lines.slice(0, 3)).toEqual(copy.slice(0, 3));
    expect(lines.filter((l) => l === text[2])).toHaveLength(6);
    expect(lines.filter((l) => l === text[3])).toHaveLength(6);
    expect(read).not.toMatch(/^\d+$/mu);
    expect(read).not.toMatch(/Gmina Przykładowa/u);
  });

  it("refuses a PDF without a text layer (a scan)", async () => {
    const pdf = compileTypst(`#rect(width: 5cm, height: 3cm, fill: gray)`);
    const file = await writeTemp("skan.pdf", pdf);
    expect(await refusal(file)).toMatch(
      /^PDF nie zawiera warstwy tekstowej — to prawdopodobnie skan/u,
    );
  });

  it("refuses a PDF cut short and a non-PDF file named .pdf", async () => {
    const pdf = textToPdf("Sprawozdanie\nDruga linia");
    const cut = await writeTemp("ucięty.pdf", pdf.subarray(0, Math.floor(pdf.length / 3)));
    const message = await refusal(cut);
    expect(message).toMatch(/^(?:Plik nie jest poprawnym dokumentem PDF|PDF nie zawiera warstwy)/u);
    const fake = await writeTemp("nie-pdf.pdf", "To jest zwykły tekst, nie PDF.\n");
    expect(await refusal(fake)).toMatch(/^Plik nie jest poprawnym dokumentem PDF/u);
    const junk = await writeTemp("śmieci.pdf", `%PDF-1.7\n${"x".repeat(2000)}`);
    expect(await refusal(junk)).toMatch(
      /^(?:Plik nie jest poprawnym dokumentem PDF|PDF nie zawiera warstwy)/u,
    );
  });

  it("refuses more pages than maxPages", async () => {
    const file = await writeTemp("strony.pdf", compileTypst(`a #pagebreak() b #pagebreak() c`));
    expect(await refusal(file, { maxPages: 2 })).toMatch(/^PDF ma 3 stron, a limit to 2/u);
  });
});

const available = seedsAvailable();

type Gold000 = {
  goals: { code: string; title: string; coordinator: string }[];
  cards: { symbol: string; title: string }[];
  nextYearProjects: { symbol: string; title: string }[];
};
type Gold003Row = {
  name: string;
  value: number | null;
  goalCode: string;
  directionCode: string;
  contributions: { institution: string; value: number; approximate: boolean }[];
};

describe.skipIf(!available)("seed documents as PDF", () => {
  it("seed 000: cards, goals with coordinators and the next-year list as in the gold file", async () => {
    const gold = readFixture<Gold000>("000-gold.json");
    const file = await writeTemp("000.pdf", textToPdf(readSeed(SEED_000)));
    const t0 = performance.now();
    const text = await readReportFile({ file });
    const readMs = performance.now() - t0;
    const parsed: ImportProposal = parseReportText(text);
    const remaining = parsed.projects.map((p) => `${p.symbol}|${normalise(p.title)}`);
    let right = 0;
    for (const card of gold.cards) {
      const at = remaining.indexOf(`${card.symbol}|${normalise(card.title)}`);
      if (at >= 0) {
        right++;
        remaining.splice(at, 1);
      }
    }
    console.info(
      `seed 000 as PDF: read in ${readMs.toFixed(0)} ms; cards ${right}/${gold.cards.length} right, ${remaining.length} not in gold`,
    );
    expect(right).toBeGreaterThanOrEqual(123);
    expect(remaining.length).toBeLessThanOrEqual(2);
    expect(parsed.goals.map((g) => g.code)).toEqual(gold.goals.map((g) => g.code));
    for (const g of gold.goals) {
      const found = parsed.goals.find((x) => x.code === g.code);
      expect(normalise(found?.title), g.code).toBe(normalise(g.title));
      expect(normalise(found?.coordinator), g.code).toBe(normalise(g.coordinator));
    }
    expect(
      parsed.nextYearProjects.map((p) => ({ symbol: p.symbol, title: normalise(p.title) })),
    ).toEqual(gold.nextYearProjects.map((p) => ({ symbol: p.symbol, title: normalise(p.title) })));
  });

  it("seed 003: all 92 indicator rows and at least 95% of the contributions", async () => {
    const gold = readFixture<{ rows: Gold003Row[] }>("003-gold.json").rows;
    const file = await writeTemp("003.pdf", textToPdf(readSeed(SEED_003), { landscape: true }));
    const parsed = parseReportText(await readReportFile({ file }));
    // Line numbers differ from the text's; rows are matched by what they say.
    const remaining = [...parsed.indicators];
    let rows = 0;
    let total = 0;
    let right = 0;
    for (const g of gold) {
      total += g.contributions.length;
      const at = remaining.findIndex(
        (p) =>
          normalise(p.name) === normalise(g.name) &&
          p.value === g.value &&
          p.goalCode === g.goalCode &&
          p.directionCode === g.directionCode,
      );
      if (at < 0) continue;
      rows++;
      const found = [...(remaining.splice(at, 1)[0]?.contributions ?? [])];
      for (const c of g.contributions) {
        const k = found.findIndex(
          (p) =>
            institutionKey(p.institution) === institutionKey(c.institution) &&
            p.value === c.value &&
            p.approximate === c.approximate,
        );
        if (k >= 0) {
          right++;
          found.splice(k, 1);
        }
      }
    }
    console.info(
      `seed 003 as PDF: rows ${rows}/${gold.length}, contributions ${right}/${total} (${((100 * right) / total).toFixed(1)}%)`,
    );
    expect(rows).toBe(92);
    expect(remaining.length).toBeLessThanOrEqual(2);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });
});
