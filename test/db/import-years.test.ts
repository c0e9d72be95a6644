// A table with a column per year ("Wskaźnik | 2019 | 2020 | 2021") saves a value per year: the
// reported year as usual, the earlier years where the municipality has none — never over a
// stored value — so an indicator's history has data from the first import on.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { indicatorValues, indicators } from "../../app/db/schema.ts";
import { importProposal } from "../../app/domain/import-drafts/drafts.ts";
import { parseReportText } from "../../app/report-reader/parse-text.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";
import { SEED_003, readSeed } from "../unit/report-reader/seeds.ts";

const report = [
  "Sprawozdanie z realizacji Strategii Rozwiązywania Problemów Społecznych Miasta Gliwice za rok 2021",
  "Cel strategiczny 1. Wsparcie rodziny",
  ["Cel operacyjny", "Wskaźnik", "2019", "2020", "2021", "Uwagi"].join("\t"),
  [
    "1.1. Wsparcie rodzin",
    "liczba rodzin z asystentem rodziny",
    "210",
    "198",
    "204",
    "MOPS – 204",
  ].join("\t"),
  ["", "liczba placówek wsparcia dziennego", "9", "", "10", ""].join("\t"),
].join("\n");

describe.each(engines())("import of year columns on %s", (engine) => {
  const database = useDatabase(engine);

  it("stores a value per year, the earlier ones only where none is stored", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const proposal = parseReportText(report);
    const first = await importProposal({
      scope,
      proposal,
      target: {
        newDocument: {
          kind: "strategy",
          title: "Strategia",
          slug: "srps-lata",
          periodStart: 2016,
          periodEnd: 2022,
          resolutionNumber: null,
          resolutionDate: null,
          status: "in_force",
        },
      },
      year: 2021,
      sourceLabel: "import: test",
    });
    expect(first.created["indicator_value"]).toBe(5);
    const db = database.get().db;
    const history = async (name: string) =>
      db
        .select({ year: indicatorValues.year, total: indicatorValues.total })
        .from(indicatorValues)
        .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
        .where(and(eq(indicators.tenantId, w.tenant.id), eq(indicators.name, name)))
        .orderBy(asc(indicatorValues.year));
    expect(await history("liczba rodzin z asystentem rodziny")).toEqual([
      { year: 2019, total: 210 },
      { year: 2020, total: 198 },
      { year: 2021, total: 204 },
    ]);
    expect((await history("liczba placówek wsparcia dziennego")).map((v) => v.year)).toEqual([
      2019, 2021,
    ]);

    // The table now says 200 for 2020: the stored 2020 value stays, a column never replaces it.
    const changed = parseReportText(report.replace("\t198\t", "\t200\t"));
    const again = await importProposal({
      scope,
      proposal: changed,
      target: { documentId: first.documentId },
      year: 2021,
      sourceLabel: "import: test again",
    });
    expect(again.created["indicator_value"] ?? 0).toBe(0);
    expect((await history("liczba rodzin z asystentem rodziny"))[1]).toEqual({
      year: 2020,
      total: 198,
    });
  }, 120_000);
});

describe.each(engines())("a pair of years of one strategy on %s", (engine) => {
  const database = useDatabase(engine);

  it("seed 003 for 2021 and a 2022 report with other figures and a reworded goal build one history", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const db = database.get().db;
    const text2021 = readSeed(SEED_003);
    // The next year's report: the title's year, two figures and a goal's wording changed.
    const text2022 = text2021
      .replace("za rok 2021", "za rok 2022")
      .replace(
        "liczba osób skierowanych do Centrum Integracji Społecznej\t135\t\tMOPS - 135",
        "liczba osób skierowanych do Centrum Integracji Społecznej\t142\t\tMOPS - 142",
      )
      .replace(
        "liczba badań i analiz przeprowadzonych w obszarze przemocy\t2\t",
        "liczba badań i analiz przeprowadzonych w obszarze przemocy\t3\t",
      )
      .replace(
        "Cel strategiczny 3. Efektywny system polityki społecznej",
        "Cel strategiczny 3. Efektywny i spójny system polityki społecznej",
      );
    expect(text2022).not.toBe(text2021);
    const first = await importProposal({
      scope,
      proposal: parseReportText(text2021),
      target: {
        newDocument: {
          kind: "strategy",
          title: "Strategia Rozwiązywania Problemów Społecznych",
          slug: "srps-2014-2021",
          periodStart: 2014,
          periodEnd: 2021,
          resolutionNumber: null,
          resolutionDate: null,
          status: "in_force",
        },
      },
      year: 2021,
      sourceLabel: "import: 2021",
    });
    const indicatorsAfterFirst = (
      await db
        .select({ id: indicators.id })
        .from(indicators)
        .where(eq(indicators.tenantId, w.tenant.id))
    ).length;
    const second = await importProposal({
      scope,
      proposal: parseReportText(text2022),
      target: { documentId: first.documentId },
      year: 2022,
      sourceLabel: "import: 2022",
    });
    // Nothing of the structure is made twice: goals by code, indicators by name.
    for (const kind of ["strategic_goal", "operational_goal", "indicator"])
      expect(second.created[kind] ?? 0, kind).toBe(0);
    const perYear = async (year: number) =>
      (
        await db
          .select({ indicatorId: indicatorValues.indicatorId })
          .from(indicatorValues)
          .where(and(eq(indicatorValues.tenantId, w.tenant.id), eq(indicatorValues.year, year)))
      )
        .map((v) => v.indicatorId)
        .sort();
    // Every indicator reported in 2021 has its 2022 value, on the same indicator row.
    expect(await perYear(2022)).toEqual(await perYear(2021));
    const history = async (name: string) =>
      db
        .select({ year: indicatorValues.year, total: indicatorValues.total })
        .from(indicatorValues)
        .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
        .where(and(eq(indicators.tenantId, w.tenant.id), eq(indicators.name, name)))
        .orderBy(asc(indicatorValues.year));
    expect(await history("liczba osób skierowanych do Centrum Integracji Społecznej")).toEqual([
      { year: 2021, total: 135 },
      { year: 2022, total: 142 },
    ]);
    expect(await history("liczba badań i analiz przeprowadzonych w obszarze przemocy")).toEqual([
      { year: 2021, total: 2 },
      { year: 2022, total: 3 },
    ]);
    // One indicator row per name, whatever the years.
    const rows = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.tenantId, w.tenant.id));
    expect(rows.length).toBe(indicatorsAfterFirst);
  }, 120_000);
});
