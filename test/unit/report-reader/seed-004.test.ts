import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import type { ImportProposal, ProposedIndicator } from "../../../app/report-reader/types.ts";
import { SEEDS_DIR, SEED_004, normalise, readFixture, readSeed } from "./seeds.ts";

type Gold = {
  kind: string;
  municipality: string;
  project: {
    line: number;
    title: string;
    status: string;
    timeframe: string;
    total: number;
    parts: unknown[];
    activities: string[];
    addresseesContains: string;
    goalContains: string;
    implementersContains: string;
  };
  indicators: [number, number, string][];
};

const available = existsSync(SEEDS_DIR + SEED_004);
const stem = (u: string | null) => (u ?? "").toLowerCase().slice(0, 4);

describe.skipIf(!available)("seed 004 — a single narrative project page (gold file)", () => {
  const gold = readFixture<Gold>("004-gold.json");
  let parsed: ImportProposal;
  const parse = () => (parsed ??= parseReportText(readSeed(SEED_004)));

  it("proposes exactly one project with its title, period, status and total budget", () => {
    const { projects, document, goals } = parse();
    expect(document.kind).toBe(gold.kind);
    expect(document.municipality).toBe(gold.municipality);
    expect(goals).toEqual([]);
    expect(projects).toHaveLength(1);
    const p = projects[0];
    expect(p?.symbol).toBe("");
    expect(p?.title).toBe(gold.project.title);
    expect(p?.source.line).toBe(gold.project.line);
    expect(p?.status).toBe(gold.project.status);
    expect(p?.fields.timeframe).toContain(gold.project.timeframe);
    expect(p?.budget).toEqual({ total: gold.project.total, parts: gold.project.parts });
    expect(p?.fields.goal).toContain(gold.project.goalContains);
    expect(p?.fields.addressees).toContain(gold.project.addresseesContains);
    expect(p?.fields.implementers).toContain(gold.project.implementersContains);
    expect(p?.fields.stages?.split("\n").map(normalise)).toEqual(
      gold.project.activities.map(normalise),
    );
    expect(parse().warnings.some((w) => /symbolu/u.test(w))).toBe(true);
  });

  it("reads the participant counts as the project's indicators (recall and precision)", () => {
    const indicators = parse().indicators;
    const unmatched = new Set<ProposedIndicator>(indicators);
    const missing: string[] = [];
    for (const [line, value, unit] of gold.indicators) {
      const p = [...unmatched].find(
        (i) => i.source.line === line && i.value === value && stem(i.unit) === stem(unit),
      );
      if (p) unmatched.delete(p);
      else missing.push(`${line}: ${value} ${unit}`);
    }
    const found = gold.indicators.length - missing.length;
    console.info(
      `seed 004 indicators: recall ${found}/${gold.indicators.length}, precision ${found}/${indicators.length}`,
    );
    expect(missing).toEqual([]);
    expect([...unmatched].map((i) => `${i.source.line}: ${i.value} ${i.name}`)).toEqual([]);
    expect(indicators.every((i) => i.projectSymbol === "")).toBe(true);
    expect(indicators.find((i) => i.value === 908)?.remarks).toMatch(/639 z nich/u);
  });
});
