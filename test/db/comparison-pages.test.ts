// The comparison pages' domain (decision 057): the indicator form's save with its dictionary
// code (an untouched form writes nothing), the page's table and CSV made of published values
// only, and the demo's population and mappings.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, indicators, indicatorValues } from "../../app/db/schema.ts";
import { seedFactoryDemo } from "../../app/demo/factory-demo.ts";
import { publishDemo } from "../../app/demo/publish-demo.ts";
import { makeValue } from "../../app/demo/factories.ts";
import { readComparison } from "../../app/domain/comparison/comparison.ts";
import { updateIndicatorWithMapping } from "../../app/domain/comparison/mapping.ts";
import { publishYear } from "../../app/domain/publication/publish.ts";
import { comparisonCsv, comparisonRows } from "../../app/web/comparison/comparison-table.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildPublishableWorld, type World } from "../support/published-world.ts";

const MIN = 3;

async function fieldsOf(w: World, db: World["scope"]) {
  const [row] = await db("coordinator")
    .db.select()
    .from(indicators)
    .where(eq(indicators.id, w.indicator.id));
  const { name, unit, kind, direction, baseline, target, position, projectId } = row!;
  return {
    row: row!,
    fields: { name, unit, kind, direction, baseline, target, position, projectId },
  };
}

describe.each(engines())("comparison pages on %s", (engine) => {
  const database = useDatabase(engine);

  it("saves the form's code with the definition; an untouched form writes nothing", async () => {
    const w = await buildPublishableWorld(database.get(), { effectsA: "Odwiedzono rodziny." });
    const scope = w.scope("coordinator");
    const audits = async () =>
      (
        await scope.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityType, "indicator"), eq(auditLog.entityId, w.indicator.id)))
      ).length;
    const before = await fieldsOf(w, w.scope);
    const auditsBefore = await audits();
    await updateIndicatorWithMapping({
      scope,
      indicatorId: w.indicator.id,
      expectedVersion: before.row.version,
      fields: before.fields,
      code: null,
    });
    let after = await fieldsOf(w, w.scope);
    expect(after.row.version).toBe(before.row.version);
    expect(await audits()).toBe(auditsBefore);
    // The code and a new name in one save: two audited changes, the version twice bumped.
    await updateIndicatorWithMapping({
      scope,
      indicatorId: w.indicator.id,
      expectedVersion: before.row.version,
      fields: { ...before.fields, name: `${before.fields.name} (zmieniona)` },
      code: "WR-01",
    });
    after = await fieldsOf(w, w.scope);
    expect(after.row.dictionaryCode).toBe("WR-01");
    expect(after.row.name).toContain("(zmieniona)");
    expect(after.row.version).toBe(before.row.version + 2);
    expect(await audits()).toBe(auditsBefore + 2);
  });

  it("gives the page and the CSV published values only", async () => {
    const w = await buildPublishableWorld(database.get(), { effectsA: "Odwiedzono rodziny." });
    const scope = w.scope("coordinator");
    const { row, fields } = await fieldsOf(w, w.scope);
    await updateIndicatorWithMapping({
      scope,
      indicatorId: w.indicator.id,
      expectedVersion: row.version,
      fields,
      code: "WR-01",
    });
    await publishYear({ scope, documentId: w.doc.id, year: 2020, minCount: MIN });
    // A value of another year, never published, and a live change to the published one.
    await makeValue(database.get().db, w.tenant.id, w.indicator.id, 2021, { total: 7_777 });
    await database
      .get()
      .db.update(indicatorValues)
      .set({ total: 8_888 })
      .where(eq(indicatorValues.id, w.value.id));
    const c = await readComparison({ db: scope.db, actor: null, code: "WR-01", minCount: MIN });
    const mine = comparisonRows(c).filter((r) => r.slug === w.tenant.slug);
    expect(mine.map((r) => [r.year, r.value])).toEqual([[2020, 30]]);
    const csv = comparisonCsv(c);
    expect(csv).not.toContain("7777");
    expect(csv).not.toContain("8888");
    expect(csv.split("\r\n")[0]).toContain("Na 1000 mieszkańców");
  });
});

// The demo creates municipalities of fixed TERYT codes: on a fresh PGlite database only.
describe("the demo's comparison", () => {
  const database = useDatabase("pglite");

  it("the demo maps indicators and knows residents, so the comparison is not empty", async () => {
    const db = database.get().db;
    const accounts = await seedFactoryDemo(db);
    const tenantSlugs = [...new Set(accounts.map((a) => a.tenant))];
    await publishDemo(db, { minCount: MIN, drafts: true, tenantSlugs });
    const c = await readComparison({ db, actor: null, code: "WR-01", minCount: MIN });
    const ruda = comparisonRows(c).filter((r) => r.slug === "ruda-slaska");
    expect(ruda.map((r) => [r.year, r.value, r.residents])).toEqual([[2019, 41, 137_100]]);
    expect(ruda[0]!.perThousand).toBeCloseTo(0.3, 2);
    // Its 2020 value (47) is not published: not in the comparison, nor in its CSV.
    expect(comparisonCsv(c)).not.toMatch(/;47;/);
  });
});
