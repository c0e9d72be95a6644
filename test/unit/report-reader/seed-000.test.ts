import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import type { ImportProposal } from "../../../app/report-reader/types.ts";
import { SEED_000, normalise, readFixture, readSeed, seedsAvailable } from "./seeds.ts";

type Gold = {
  goals: { code: string; title: string; coordinator: string }[];
  cards: { symbol: string; title: string; line: number }[];
  nextYearProjects: { symbol: string; title: string }[];
};

const available = seedsAvailable();

describe.skipIf(!available)("seed 000 — project cards report (gold file)", () => {
  const gold = readFixture<Gold>("000-gold.json");
  let parsed: ImportProposal;
  const parse = () => (parsed ??= parseReportText(readSeed(SEED_000)));

  it("finds at least 123 of the 124 cards with the right symbol and title", () => {
    const remaining = parse().projects.map((p) => `${p.symbol}|${normalise(p.title)}`);
    let right = 0;
    const missed: string[] = [];
    for (const card of gold.cards) {
      const key = `${card.symbol}|${normalise(card.title)}`;
      const at = remaining.indexOf(key);
      if (at >= 0) {
        right++;
        remaining.splice(at, 1);
      } else missed.push(`${card.line}: ${key}`);
    }
    console.info(
      `seed 000 cards: ${right}/${gold.cards.length} right; missed: ${missed.join("; ")}`,
    );
    console.info(`seed 000 cards proposed but not in gold: ${remaining.length}`);
    expect(gold.cards).toHaveLength(124);
    expect(right).toBeGreaterThanOrEqual(123);
    // Precision: invented or mangled cards count against the parser.
    expect(remaining.length).toBeLessThanOrEqual(2);
  });

  it("finds all nine strategic goals with titles and coordinators", () => {
    const goals = parse().goals;
    expect(goals.map((g) => g.code)).toEqual(gold.goals.map((g) => g.code));
    for (const g of gold.goals) {
      const found = goals.find((x) => x.code === g.code);
      expect(normalise(found?.title), g.code).toBe(normalise(g.title));
      expect(normalise(found?.coordinator), g.code).toBe(normalise(g.coordinator));
    }
  });

  it("reads the list of projects submitted for the next year", () => {
    const list = parse().nextYearProjects.map((p) => ({
      symbol: p.symbol,
      title: normalise(p.title),
    }));
    expect(list).toEqual(gold.nextYearProjects.map((p) => ({ ...p, title: normalise(p.title) })));
  });

  it("tells carried-out cards from pointers, cancelled and finished projects", () => {
    const bySource = new Map(parse().projects.map((p) => [p.source.line, p]));
    const statusAt = (line: number) => bySource.get(line)?.status;
    // Line numbers are the first line of each card's heading in the seed.
    expect(statusAt(741)).toBe("carried_out");
    expect(statusAt(1406)).toBe("reported_elsewhere"); // reported in the disability program
    expect(statusAt(1121)).toBe("not_carried_out"); // no bidder in the open call
    expect(statusAt(3312)).toBe("not_carried_out"); // pandemic
    expect(statusAt(3518)).toBe("finished"); // ended for lack of money
    expect(statusAt(2326)).toBe("finished"); // EU project that ended in the report year
    const notDone = bySource.get(1121);
    expect(notDone?.statusReason).toMatch(/nie było realizowane/u);
  });

  it("keeps card fields apart and reads the budget of a card", () => {
    const card = parse().projects.find((p) => p.source.line === 741);
    expect(card?.fields.goal).toMatch(/^Identyfikacja problemów społecznych/u);
    expect(card?.fields.addressees).toMatch(/^Wszystkie instytucje/u);
    expect(card?.fields.funding).toMatch(/budżetu Miejskiego Ośrodka/u);
    expect(card?.fields.timeframe).toMatch(/realizowany od 2004r/u);
    const eu = parse().projects.find((p) => p.source.line === 4209);
    expect(eu?.budget?.total).toBe(7532209.29);
    expect(eu?.budget?.parts.map((p) => p.amount)).toEqual([
      1294143, 3699644.81, 1341259.86, 1197161.62,
    ]);
  });

  it("reports the document as a 2020 strategy report and flags what it inferred", () => {
    const { document, warnings } = parse();
    expect(document.kind).toBe("strategy_report");
    expect(document.year).toBe(2020);
    expect(warnings.some((w) => w.includes("Rok sprawozdania"))).toBe(true);
  });

  it("parses fast enough (printed, not asserted)", () => {
    const text = readSeed(SEED_000);
    parseReportText(text); // warm-up
    const runs = 5;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) parseReportText(text);
    const ms = (performance.now() - t0) / runs;
    console.info(`seed 000 (${Math.round(text.length / 1024)} KB): ${ms.toFixed(1)} ms per parse`);
    expect(ms).toBeGreaterThan(0);
  });
});
