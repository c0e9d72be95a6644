import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import type { ImportProposal, ProposedIndicator } from "../../../app/report-reader/types.ts";
import { SEEDS_DIR, SEED_001, normalise, readFixture, readSeed } from "./seeds.ts";

type GoldDirection = { code: string; title: string; actionLines: string[] };
type GoldGoal = { code: string; title: string; directions: GoldDirection[] };
type GoldIndicator = [number, number, string | null, string | null, string | null];
type Gold = {
  kind: string;
  year: number;
  municipality: string;
  goals: GoldGoal[];
  indicators: GoldIndicator[];
};

const available = existsSync(SEEDS_DIR + SEED_001);
/** Units compared by stem: "rodzin", "rodziny", "rodzinom" are one unit as written. */
const stem = (u: string | null) => (u ?? "").toLowerCase().slice(0, 4);
const quotes = (s: string) =>
  normalise(s)
    .replace(/[„”"]/gu, "")
    .replace(/[.\s]+$/u, "");

describe.skipIf(!available)("seed 001 — numbered program sections with figures (gold file)", () => {
  const gold = readFixture<Gold>("001-gold.json");
  let parsed: ImportProposal;
  const parse = () => (parsed ??= parseReportText(readSeed(SEED_001)));

  it("reads the document as a program report for 2020", () => {
    expect(parse().document).toMatchObject({
      kind: gold.kind,
      year: gold.year,
      municipality: gold.municipality,
    });
    expect(parse().projects).toEqual([]);
  });

  it("finds every goal and direction with its title, and no others", () => {
    const got = parse().goals;
    const goldDirections = gold.goals.flatMap((g) => g.directions);
    const gotDirections = got.flatMap((g) => g.directions);
    const wrong: string[] = [];
    for (const g of gold.goals) {
      const p = got.find((x) => x.code === g.code);
      if (!p || normalise(p.title) !== normalise(g.title))
        wrong.push(`goal ${g.code}: ${p?.title}`);
    }
    for (const d of goldDirections) {
      const p = gotDirections.find((x) => x.code === d.code);
      if (!p || normalise(p.title) !== normalise(d.title)) wrong.push(`${d.code}: ${p?.title}`);
    }
    console.info(
      `seed 001 goals+directions with correct title: ${gold.goals.length + goldDirections.length - wrong.length}/${gold.goals.length + goldDirections.length}; proposed ${got.length + gotDirections.length}`,
    );
    expect(wrong).toEqual([]);
    expect(got.map((g) => g.code)).toEqual(gold.goals.map((g) => g.code));
    expect(gotDirections.map((d) => d.code)).toEqual(goldDirections.map((d) => d.code));
  });

  it("lists the activities named under a direction", () => {
    for (const d of gold.goals.flatMap((g) => g.directions)) {
      const p = parse()
        .goals.flatMap((g) => g.directions)
        .find((x) => x.code === d.code);
      expect(p?.actionLines.map(quotes), d.code).toEqual(d.actionLines.map(quotes));
    }
  });

  it("reads the figures the text states, with their section (recall and precision)", () => {
    const indicators = parse().indicators;
    const unmatched = new Set<ProposedIndicator>(indicators);
    const missing: string[] = [];
    const misplaced: string[] = [];
    for (const [line, value, unit, goal, direction] of gold.indicators) {
      const p = [...unmatched].find((i) => i.source.line === line && i.value === value);
      if (!p) {
        missing.push(`${line}: ${value} ${unit ?? ""}`);
        continue;
      }
      unmatched.delete(p);
      if (
        p.goalCode !== goal ||
        p.directionCode !== direction ||
        (unit !== null && stem(p.unit) !== stem(unit))
      ) {
        misplaced.push(`${line}: ${value} ${p.unit} ${p.goalCode}/${p.directionCode}`);
      }
    }
    const found = gold.indicators.length - missing.length;
    const invented = [...unmatched].map(
      (i) => `${i.source.line}: ${i.value} ${i.unit} — ${i.name}`,
    );
    console.info(
      `seed 001 indicators: recall ${found}/${gold.indicators.length}, precision ${found}/${indicators.length}, misattributed ${misplaced.length}`,
    );
    if (missing.length) console.info(`  missing: ${missing.join("; ")}`);
    if (invented.length) console.info(`  not in gold: ${invented.join("; ")}`);
    expect(misplaced).toEqual([]);
    expect(found / gold.indicators.length).toBeGreaterThanOrEqual(0.95);
    expect(found / indicators.length).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps district splits and 'w tym' parts in remarks, and flags what it could not read for sure", () => {
    const at = (line: number, value: number) =>
      parse().indicators.find((i) => i.source.line === line && i.value === value);
    expect(at(42, 642)?.remarks).toMatch(/Ruda – 159 spotkań.*Bielszowice – 50 spotkań/u);
    expect(at(25, 8)?.remarks).toMatch(/Bielszowice/u);
    expect(at(68, 385)?.remarks).toMatch(/199 dziewczynek/u);
    expect(at(268, 178)?.remarks).toMatch(/z czego 72 osoby/u);
    for (const v of [159, 199, 186, 167]) {
      expect(parse().indicators.some((i) => i.value === v && i.source.line < 70)).toBe(false);
    }
    expect(at(468, 2968)?.uncertain.length).toBeGreaterThan(0);
    expect(at(469, 25)).toMatchObject({ unit: "%", approximate: true });
    expect(at(268, 2820)?.approximate).toBe(true);
    expect(at(427, 4178255.24)?.uncertain.join(" ")).toMatch(/zł/u);
  });
});
