import { describe, expect, it } from "vitest";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import type { ImportProposal, ProposedIndicator } from "../../../app/report-reader/types.ts";
import { SEED_003, institutionKey, normalise, readFixture, readSeed } from "./seeds.ts";

type GoldRow = {
  line: number;
  name: string;
  value: number | null;
  goalCode: string;
  directionCode: string;
  contributions: { institution: string; value: number; approximate: boolean; ofWhich?: number[] }[];
};

describe("seed 003 — indicator tables (gold file)", () => {
  const gold = readFixture<{ rows: GoldRow[] }>("003-gold.json").rows;
  let parsed: ImportProposal;
  const parse = () => (parsed ??= parseReportText(readSeed(SEED_003)));
  const byLine = () => new Map(parse().indicators.map((i) => [i.source.line, i]));

  it("reads every indicator row with the right name, value and operational goal", () => {
    // The issue speaks of 84 rows; the seed's tables hold 92 rows with an indicator name (two
    // of them without a value) — the gold file lists them all.
    expect(gold).toHaveLength(92);
    const rows = byLine();
    const wrong: string[] = [];
    for (const g of gold) {
      const p = rows.get(g.line);
      if (
        !p ||
        normalise(p.name) !== normalise(g.name) ||
        p.value !== g.value ||
        p.directionCode !== g.directionCode ||
        p.goalCode !== g.goalCode
      ) {
        wrong.push(`${g.line}: ${g.name}`);
      }
    }
    console.info(`seed 003 indicator rows: ${gold.length - wrong.length}/${gold.length} right`);
    expect(wrong).toEqual([]);
    // Precision: no invented rows.
    const goldLines = new Set(gold.map((g) => g.line));
    expect(
      parse().indicators.filter((i) => !goldLines.has(i.source.line)).length,
    ).toBeLessThanOrEqual(2);
  });

  it("splits at least 95% of the per-institution contributions right", () => {
    const rows = byLine();
    let total = 0;
    let right = 0;
    let invented = 0;
    const missed: string[] = [];
    for (const g of gold) {
      const remaining = [...(rows.get(g.line)?.contributions ?? [])];
      for (const c of g.contributions) {
        total++;
        const at = remaining.findIndex(
          (p) =>
            institutionKey(p.institution) === institutionKey(c.institution) &&
            p.value === c.value &&
            p.approximate === c.approximate,
        );
        if (at >= 0) {
          right++;
          remaining.splice(at, 1);
        } else missed.push(`${g.line}: ${c.institution} ${c.value}`);
      }
      invented += remaining.length;
    }
    console.info(
      `seed 003 contributions: ${right}/${total} right (${((100 * right) / total).toFixed(1)}%), ` +
        `${invented} proposed but not in gold; missed: ${missed.join("; ")}`,
    );
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    expect(invented).toBeLessThanOrEqual(2);
  });

  it("reads the 'w tym' breakdowns as parts of their parent, not as contributions", () => {
    const rows = byLine();
    for (const g of gold) {
      for (const c of g.contributions) {
        if (!c.ofWhich) continue;
        const p = rows
          .get(g.line)
          ?.contributions.find(
            (x) => institutionKey(x.institution) === institutionKey(c.institution),
          );
        expect(
          p?.ofWhich.map((o) => o.value),
          `${g.line} ${c.institution}`,
        ).toEqual(c.ofWhich);
      }
    }
  });

  it("parses the four published mismatches of DOMAIN.md §5 as numbers, without repairing them", () => {
    const find = (name: string): ProposedIndicator | undefined =>
      parse().indicators.find((i) => i.name.startsWith(name));
    const sum = (i: ProposedIndicator | undefined) =>
      (i?.contributions ?? []).reduce((s, c) => s + (c.value ?? 0), 0);

    const children = find("liczba dzieci korzystających ze świetlic");
    expect(children?.value).toBe(277);
    expect(children?.contributions.map((c) => c.value)).toEqual([227, 0, 0]);

    const rehab = find("liczba osób uczestniczących w turnusach rehabilitacyjnych");
    expect(rehab?.value).toBe(884);
    expect(rehab?.contributions.map((c) => c.value)).toEqual([72, 772]);
    expect(rehab?.contributions[1]?.ofWhich.map((o) => o.value)).toEqual([590, 24, 136, 22]);

    const campaigns = find("liczba przeprowadzonych kampanii społecznych");
    expect(campaigns?.value).toBe(5);
    expect(campaigns?.contributions.map((c) => [c.institution, c.value])).toEqual([
      ["ZI", 6],
      ["UTW", 2],
    ]);

    const ngos = find("liczba organizacji pozarządowych, którym zlecono zadania");
    expect(ngos?.value).toBe(13);
    expect(ngos?.contributions.map((c) => c.value)).toEqual([10, 3, 4]);

    // The parser reports what the document says; the totals disagree and validation will say so.
    expect([sum(children), sum(rehab), sum(campaigns), sum(ngos)]).toEqual([227, 844, 8, 17]);
  });

  it("reads the strategic and operational goals with their action lines", () => {
    const { goals, document, warnings } = parse();
    expect(goals.map((g) => g.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(goals.flatMap((g) => g.directions.map((d) => d.code))).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "2.1",
      "2.2",
      "2.3",
      "2.4",
      "3.1",
      "3.2",
      "3.3",
      "3.4",
      "3.5",
      "3.6",
      "4.1",
      "4.2",
      "5.1",
      "5.2",
      "5.3",
    ]);
    const first = goals[0]?.directions[0];
    expect(first?.actionLines[0]).toBe(
      "monitoring problemu ubóstwa i identyfikowanie jego przyczyn",
    );
    expect(first?.actionLines.length).toBe(5);
    // The row that opens 1.4 is shifted by a lost cell: read, and flagged for review.
    expect(goals[0]?.directions[3]?.title).toBe(
      "Przeciwdziałanie wykluczeniu społecznemu osób bezdomnych",
    );
    expect(warnings.some((w) => w.includes("1.4"))).toBe(true);
    expect(document).toEqual({
      kind: "strategy_report",
      title:
        "Sprawozdanie z realizacji Strategii Rozwiązywania Problemów Społecznych w Gminie Ostrowiec Świętokrzyski na lata 2014-2021",
      municipality: "Ostrowiec Świętokrzyski",
      teryt: "2607011",
      program: null,
      period: { start: 2014, end: 2021 },
      resolution: null,
      year: 2021,
    });
  });

  it("marks approximate values and missing values as uncertain", () => {
    const education = parse().indicators.find(
      (i) => i.name === "liczba dzieci i młodzieży objętych edukacją",
    );
    expect(education?.contributions[0]).toMatchObject({
      institution: "KPP",
      value: 600,
      approximate: true,
    });
    const empty = parse().indicators.filter((i) => i.value === null);
    expect(empty).toHaveLength(2);
    for (const i of empty) expect(i.uncertain.length).toBeGreaterThan(0);
  });
});
