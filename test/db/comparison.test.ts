// The comparison between municipalities (decision 055): dictionary codes mapped by the
// coordinator, values from current publications only (a live change does not show, a
// withdrawal removes it), small counts withheld with their rate, population per 1,000.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { indicatorValues, tenants } from "../../app/db/schema.ts";
import { makeIndicator, makeValue } from "../../app/demo/factories.ts";
import {
  comparisonChoices,
  dictionaryCoverage,
  readComparison,
} from "../../app/domain/comparison/comparison.ts";
import { mapIndicator } from "../../app/domain/comparison/mapping.ts";
import { savePopulation } from "../../app/domain/comparison/population.ts";
import { NotFoundError, UserInputError } from "../../app/domain/errors.ts";
import { publishYear, withdrawPublication } from "../../app/domain/publication/publish.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildPublishableWorld, type World } from "../support/published-world.ts";

const MIN = 3;

async function comparisonOf(db: World["scope"], w: World, code: string) {
  const c = await readComparison({ db: db("viewer").db, actor: null, code, minCount: MIN });
  return c.municipalities.find((m) => m.slug === w.tenant.slug)?.cells ?? [];
}

describe.each(engines())("comparison between municipalities on %s", (engine) => {
  const database = useDatabase(engine);
  const world = () => buildPublishableWorld(database.get(), { effectsA: "Odwiedzono rodziny." });
  const publish = (w: World) =>
    publishYear({ scope: w.scope("coordinator"), documentId: w.doc.id, year: 2020, minCount: MIN });

  it("shows a mapped indicator's published value only, per 1,000 residents", async () => {
    const w = await world();
    const coordinator = w.scope("coordinator");
    await mapIndicator({
      scope: coordinator,
      indicatorId: w.indicator.id,
      expectedVersion: 1,
      code: "WR-01",
    });
    // Mapped, published as a live value, but the year is not published yet: nothing to compare.
    expect(await comparisonOf(w.scope, w, "WR-01")).toEqual([]);
    const v1 = await publish(w);
    await savePopulation({ scope: w.scope("admin"), year: 2020, residents: 12_000, source: null });
    const cells = await comparisonOf(w.scope, w, "WR-01");
    expect(cells.map((c) => [c.year, c.value, c.withheld, c.residents, c.perThousand])).toEqual([
      [2020, 30, false, 12_000, 2.5],
    ]);
    // A live change after publishing does not reach the comparison.
    await database
      .get()
      .db.update(indicatorValues)
      .set({ total: 999 })
      .where(eq(indicatorValues.id, w.value.id));
    expect((await comparisonOf(w.scope, w, "WR-01"))[0]!.value).toBe(30);
    const coverage = await dictionaryCoverage({ db: coordinator.db, actor: null });
    expect(coverage.find((e) => e.code === "WR-01")!.municipalities).toBeGreaterThanOrEqual(1);
    // Withdrawn: gone from the comparison.
    await withdrawPublication({
      scope: coordinator,
      publicationId: v1.id,
      reason: "Błąd w danych",
    });
    expect(await comparisonOf(w.scope, w, "WR-01")).toEqual([]);
  });

  it("withholds a small count of people and its rate", async () => {
    const w = await world();
    const small = await makeIndicator(database.get().db, w.tenant.id, w.dir1.id, {
      name: "liczba osób bezdomnych objętych pomocą",
      unit: "osoby",
    });
    await makeValue(database.get().db, w.tenant.id, small.id, 2020, { total: 2, published: true });
    await publish(w);
    await savePopulation({ scope: w.scope("admin"), year: 2020, residents: 1_000, source: null });
    // Mapped after publishing: the mapping rebuilds the rollup from the publication.
    await mapIndicator({
      scope: w.scope("coordinator"),
      indicatorId: small.id,
      expectedVersion: 1,
      code: "PS-09",
    });
    const [cell] = await comparisonOf(w.scope, w, "PS-09");
    expect(cell).toMatchObject({
      value: null,
      withheld: true,
      perThousand: null,
      residents: 1_000,
    });
  });

  it("lets only a coordinator map, one indicator of a document per code", async () => {
    const w = await world();
    const args = { indicatorId: w.indicator.id, expectedVersion: 1, code: "NGO-01" };
    await expect(mapIndicator({ scope: w.scope("partnerA"), ...args })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      mapIndicator({ scope: w.scope("coordinator"), ...args, code: "XX-99" }),
    ).rejects.toBeInstanceOf(UserInputError);
    await mapIndicator({ scope: w.scope("coordinator"), ...args });
    const other = await makeIndicator(database.get().db, w.tenant.id, w.dir2.id);
    await expect(
      mapIndicator({
        scope: w.scope("coordinator"),
        indicatorId: other.id,
        expectedVersion: 1,
        code: "NGO-01",
      }),
    ).rejects.toThrow(/jest już przypisany do pozycji NGO-01/u);
  });

  it("narrows to a voivodeship and a year in the query, and offers only what is published", async () => {
    const w = await world();
    await mapIndicator({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      expectedVersion: 1,
      code: "WR-02",
    });
    // The factory's TERYT codes lie outside the voivodeships (93…): this one is Silesian.
    const teryt = `24${w.tenant.teryt.slice(2)}`;
    await database.get().db.update(tenants).set({ teryt }).where(eq(tenants.id, w.tenant.id));
    await publish(w);
    const own = "24";
    const other = "12";
    const read = (filter: { voivodeship?: string; year?: number }) =>
      readComparison({ db: database.get().db, actor: null, code: "WR-02", minCount: MIN, filter });
    const slugs = async (filter: { voivodeship?: string; year?: number }) =>
      (await read(filter)).municipalities.map((m) => m.slug);
    expect(await slugs({ voivodeship: own })).toContain(w.tenant.slug);
    expect(await slugs({ voivodeship: other })).not.toContain(w.tenant.slug);
    expect(await slugs({ year: 2020 })).toContain(w.tenant.slug);
    expect(await slugs({ year: 2019 })).not.toContain(w.tenant.slug);
    const narrowed = await read({ voivodeship: own, year: 2020 });
    expect(narrowed.filter).toEqual({ voivodeship: own, year: 2020 });
    expect(narrowed.municipalities.every((m) => m.teryt.startsWith(own))).toBe(true);
    expect(narrowed.years).toEqual([2020]);
    const choices = await comparisonChoices({ db: database.get().db, actor: null, code: "WR-02" });
    expect(choices.voivodeships.map((v) => v.code)).toContain(own);
    expect(choices.years).toContain(2020);
    await expect(
      comparisonChoices({ db: database.get().db, actor: null, code: "XX-99" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
