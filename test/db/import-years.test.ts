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
