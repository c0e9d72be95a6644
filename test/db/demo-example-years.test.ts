// The demo's earlier years (decision 054): made up by the factories before the first reported
// year, listed as the document's example years, marked in every series, never published.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { indicatorValues, planDocuments } from "../../app/db/schema.ts";
import { seedDemo } from "../../app/demo/seed-demo.ts";
import { getDocument } from "../../app/domain/documents.ts";
import { getIndicatorSeries } from "../../app/domain/analytics/indicator-series.ts";
import { indicatorTrends } from "../../app/domain/analytics/tenant-dashboard.ts";
import { publishYear } from "../../app/domain/publication/publish.ts";
import { listCurrentPublications } from "../../app/domain/publication/read.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { readReportData } from "../../app/domain/report-data/load.ts";
import { useDatabase } from "../support/db.ts";
import { demoScope } from "../support/demo-scope.ts";

const PUBLIC = { userId: "", name: "Portal", isSystemAdmin: false, membership: null };

async function seriesOf(scope: Awaited<ReturnType<typeof demoScope>>, docSlug: string) {
  const doc = await getDocument({ scope, idOrSlug: docSlug });
  const tree = await getStrategyTree({ scope, documentId: doc.id, year: doc.periodEnd });
  const indicators = tree.flatMap((g) => g.directions.flatMap((d) => d.indicators));
  return { doc, indicators };
}

// Demo slugs and TERYT codes are fixed, so each demo runs on its own fresh PGlite snapshot.
describe("example years of the seed demo (npm start)", () => {
  const database = useDatabase("pglite");

  it("lists four made-up years before each seed's year, unpublished, in ≥ 5-year series", async () => {
    const started = performance.now();
    await seedDemo(database.get().db, "seeds");
    console.log(`seed demo seeded in ${Math.round(performance.now() - started)} ms`);
    const db = database.get().db;
    const ostrowiec = await demoScope(
      database.get(),
      "ostrowiec-swietokrzyski",
      "koordynator@ostrowiec.demo",
    );
    const doc = await getDocument({ scope: ostrowiec, idOrSlug: "srps-2014-2021" });
    expect(doc.exampleYears).toEqual([2017, 2018, 2019, 2020]);
    const bytom = await demoScope(database.get(), "bytom", "koordynator@bytom.demo");
    const bytomDoc = await getDocument({ scope: bytom, idOrSlug: "projekty-mopr" });
    expect(bytomDoc.exampleYears).toEqual([2016, 2017, 2018, 2019]);

    // An Ostrowiec indicator with contributions: five years, the first four marked.
    const [camps] = await db
      .select({ id: indicatorValues.indicatorId })
      .from(indicatorValues)
      .where(eq(indicatorValues.tenantId, ostrowiec.tenant.id))
      .limit(1);
    const series = await getIndicatorSeries({ scope: ostrowiec, indicatorId: camps!.id });
    expect(series.points.length).toBeGreaterThanOrEqual(5);
    expect(series.points.filter((p) => p.example).map((p) => p.year)).toEqual([
      2017, 2018, 2019, 2020,
    ]);
    expect(series.points.at(-1)!.example).toBe(false);
    for (const p of series.points.filter((p) => p.example)) {
      expect(p.published).toBe(false);
      expect(p.contributions.length).toBeGreaterThan(0);
    }

    // On first start a viewer's home has trends: Ostrowiec's viewer, over the example years.
    const viewer = await demoScope(
      database.get(),
      "ostrowiec-swietokrzyski",
      "odczyt@ostrowiec.demo",
    );
    const trends = await indicatorTrends({ scope: viewer, limit: 3 });
    expect(trends).toHaveLength(3);
    for (const t of trends) expect(t.points.filter((p) => p.example).length).toBe(4);

    // The report prints reported years only: no example year in an indicator's history.
    const report = await readReportData({ scope: ostrowiec, documentId: doc.id, year: 2021 });
    const history = report.goals.flatMap((g) =>
      g.directions.flatMap((d) => d.indicators.flatMap((i) => i.history.map((h) => h.year))),
    );
    expect(history.length).toBeGreaterThan(0);
    expect(new Set(history)).toEqual(new Set([2021]));

    // Nothing of the example years is public, and publishing one is refused.
    for (const scope of [ostrowiec, bytom]) {
      const years = (await listCurrentPublications({ scope: { ...scope, actor: PUBLIC } })).map(
        (p) => p.year,
      );
      expect(years.length).toBeGreaterThan(0);
      const slug = scope === bytom ? "projekty-mopr" : "srps-2014-2021";
      const doc = await getDocument({ scope, idOrSlug: slug });
      expect(years.filter((y) => doc.exampleYears.includes(y))).toEqual([]);
    }
    const admin = { ...ostrowiec, actor: { ...ostrowiec.actor, isSystemAdmin: true } };
    await expect(
      publishYear({ scope: admin, documentId: doc.id, year: 2019, minCount: 3 }),
    ).rejects.toThrow(/są danymi przykładowymi/u);

    // Ruda Śląska's seed holds project cards and no indicator: nothing to make up, nothing listed.
    const [ruda] = await db
      .select({ years: planDocuments.exampleYears })
      .from(planDocuments)
      .where(eq(planDocuments.slug, "srps-2016-2025"));
    expect(ruda!.years).toEqual([]);
  });
});

describe("example years of the factory demo (browser tests)", () => {
  const database = useDatabase("pglite");

  it("makes the same numbers every time, with contributions and breakdowns", async () => {
    const started = performance.now();
    await seedDemo(database.get().db, "factories");
    console.log(`factory demo seeded in ${Math.round(performance.now() - started)} ms`);
    const ruda = await demoScope(database.get(), "ruda-slaska", "koordynator@ruda-slaska.demo");
    const { doc, indicators } = await seriesOf(ruda, "srps-2016-2025");
    expect(doc.exampleYears).toEqual([2016, 2017, 2018]);
    const families = indicators.find((i) => i.name.includes("asystenci"))!;
    const series = await getIndicatorSeries({ scope: ruda, indicatorId: families.id });
    expect(series.points.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(series.points.map((p) => p.example)).toEqual([true, true, true, false, false]);
    // Seeded: the same demo on every start (these are the numbers the browser tests see).
    expect(series.points.map((p) => p.total)).toEqual([35, 38, 39, 41, 47]);
    const totals = series.points.filter((p) => p.example);
    for (const p of totals) {
      const sum = p.contributions.reduce((a, c) => a + (c.value ?? 0), 0);
      expect(p.total).toBe(sum);
    }

    // Ostrowiec's rehabilitation stays: the PCPR's "w tym" breakdowns carried to every year.
    const o = await demoScope(
      database.get(),
      "ostrowiec-swietokrzyski",
      "koordynator@ostrowiec.demo",
    );
    const camps = (await seriesOf(o, "srps-2014-2021")).indicators.find((i) =>
      i.name.includes("turnusach"),
    )!;
    const campSeries = await getIndicatorSeries({ scope: o, indicatorId: camps.id });
    expect(campSeries.points.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019, 2021]);
    for (const p of campSeries.points) {
      const pcpr = p.contributions.find((c) => c.breakdowns.length > 0)!;
      expect(pcpr.breakdowns.map((b) => b.label)).toContain("dorośli");
      const parts = pcpr.breakdowns.reduce((a, b) => a + (b.value ?? 0), 0);
      expect(parts).toBeLessThanOrEqual(pcpr.value!);
    }
  });
});
