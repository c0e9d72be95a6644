// The explorer's query (decision 055): the chosen indicators over the chosen years with the
// chosen contributions and breakdowns — and a partner sees no more than on the indicator page.
import { describe, expect, it } from "vitest";
import { makeValue } from "../../app/demo/factories.ts";
import { exploreIndicators, explorerChoices } from "../../app/domain/analytics/explorer.ts";
import { loadExplorer } from "../../app/web/explorer/explorer-data.server.ts";
import { explorerFileRows } from "../../app/web/explorer/explorer-view.ts";
import { explorerCsv } from "../../app/web/explorer/explorer-export.server.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

async function withHistory(w: World) {
  const db = w.scope("coordinator").db;
  await makeValue(db, w.tenant.id, w.indicator.id, 2018, {
    total: 18.5,
    contributions: [
      { institutionId: w.instA.id, value: 8.5 },
      { institutionId: w.instB.id, value: 10 },
    ],
    breakdowns: [
      { dimension: "sex", label: "kobiety", value: 11 },
      { dimension: "sex", label: "mężczyźni", value: 7.5 },
    ],
  });
  await makeValue(db, w.tenant.id, w.indicator.id, 2019, {
    total: 24,
    published: true,
    contributions: [
      { institutionId: w.instA.id, value: 9 },
      { institutionId: w.instB.id, value: 15 },
    ],
  });
}

const all = (w: World) => ({
  indicatorIds: [w.indicator.id],
  fromYear: null,
  toYear: null,
  institutionIds: [w.instA.id, w.instB.id],
  dimensions: ["sex"],
});

describe.each(engines())("explorer on %s", (engine) => {
  const database = useDatabase(engine);

  it("gives totals, the chosen contributions and breakdowns in the chosen years", async () => {
    const w = await buildWorld(database.get());
    await withHistory(w);
    const r = await exploreIndicators({
      scope: w.scope("viewer"),
      query: { ...all(w), fromYear: 2018, toYear: 2019, institutionIds: [w.instB.id] },
    });
    expect(r.years).toEqual([2018, 2019]);
    expect(r.rows.map((x) => [x.year, x.kind, x.series, x.value])).toEqual([
      [2018, "total", "Razem", 18.5],
      [2018, "contribution", "IB", 10],
      [2018, "breakdown", "kobiety", 11],
      [2018, "breakdown", "mężczyźni", 7.5],
      [2019, "total", "Razem", 24],
      [2019, "contribution", "IB", 15],
    ]);
  });

  it("shows a partner only their own contribution of unpublished years", async () => {
    const w = await buildWorld(database.get());
    await withHistory(w);
    const r = await exploreIndicators({ scope: w.scope("partnerA"), query: all(w) });
    const of = (year: number) =>
      r.rows.filter((x) => x.year === year).map((x) => [x.kind, x.series, x.value, x.withheld]);
    expect(of(2018)).toEqual([
      ["total", "Razem", null, true],
      ["contribution", "IA", 8.5, false],
    ]);
    // The published year is everyone's.
    expect(of(2019)).toEqual([
      ["total", "Razem", 24, false],
      ["contribution", "IA", 9, false],
      ["contribution", "IB", 15, false],
    ]);
  });

  it("never reads another municipality's indicators and says so", async () => {
    const w = await buildWorld(database.get());
    const other = await buildWorld(database.get());
    await withHistory(other);
    const r = await exploreIndicators({
      scope: w.scope("viewer"),
      query: { ...all(w), indicatorIds: [other.indicator.id] },
    });
    expect(r.rows).toEqual([]);
    const choices = await explorerChoices({ scope: w.scope("viewer") });
    expect(choices.indicators.map((i) => i.id)).toEqual([w.indicator.id]);
    const url = new URL("http://x/g/t/analiza");
    url.searchParams.append("w", other.indicator.id);
    url.searchParams.append("w", w.indicator.id);
    url.searchParams.append("w", "nie-uuid");
    url.searchParams.set("od", "dwa tysiące");
    const x = await loadExplorer(w.scope("viewer"), url);
    expect(x.selection.indicatorIds).toEqual([w.indicator.id]);
    expect(x.problems).toEqual([
      { field: "w", message: "Adres zawiera nieznany wskaźnik — pominięto go." },
      {
        field: "od",
        message: "Rok początkowy „dwa tysiące” nie jest rokiem z zakresu 1990–2100 — pominięto.",
      },
    ]);
    expect(x.query).toBe(`w=${w.indicator.id}`);
  });

  it("writes the rows as a Polish CSV", async () => {
    const w = await buildWorld(database.get());
    await withHistory(w);
    const r = await exploreIndicators({
      scope: w.scope("viewer"),
      query: { ...all(w), toYear: 2018, institutionIds: [] },
    });
    const csv = explorerCsv(explorerFileRows(r));
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Wskaźnik;Rok;Rodzaj;Seria;Wartość;Szacunek;Jednostka");
    expect(lines.slice(1).map((l) => l.split(";").slice(1, 5))).toEqual([
      ["2018", "wartość ogółem", "Razem", "18,5"],
      ["2018", "podział", "płeć: kobiety", "11"],
      ["2018", "podział", "płeć: mężczyźni", "7,5"],
    ]);
  });
});
