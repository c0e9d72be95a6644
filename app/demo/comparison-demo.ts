// The demo's comparison between municipalities (decision 057): residents per year for the demo
// municipalities (rounded figures in the manner of GUS's Bank Danych Lokalnych, end of year) and
// the dictionary codes of the demo indicators whose names say which common figure they report.
// Run before the demo publishes, so each publication's rollup already holds the mapped values.
// Ostrowiec's figures start in 2020 on purpose: its earlier years show "no population" notes.
import { inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { tenants } from "../db/schema.ts";
import type { Actor } from "../domain/actor.ts";
import { listIndicatorMappings, mapIndicator } from "../domain/comparison/mapping.ts";
import { savePopulation } from "../domain/comparison/population.ts";
import { UserInputError } from "../domain/errors.ts";
import type { TenantScope } from "../domain/scope.ts";

const DEMO_SOURCE = "dane przykładowe (w przybliżeniu według GUS)";

/** Residents on 31 December, by municipality slug and year. */
export const DEMO_POPULATION: Record<string, Record<number, number>> = {
  "ruda-slaska": {
    2016: 139_100,
    2017: 138_300,
    2018: 137_700,
    2019: 137_100,
    2020: 136_000,
    2021: 134_800,
    2022: 134_000,
    2023: 133_000,
  },
  "ostrowiec-swietokrzyski": { 2020: 66_700, 2021: 65_600, 2022: 64_900, 2023: 64_100 },
  bytom: {
    2008: 184_800,
    2010: 175_400,
    2012: 173_400,
    2014: 170_800,
    2016: 168_400,
    2018: 165_300,
    2019: 164_000,
    2020: 162_700,
    2021: 161_500,
    2022: 160_400,
    2023: 159_400,
  },
};

/** Which dictionary code a demo indicator reports, by the words of its name. */
const RULES: { code: string; test: RegExp }[] = [
  { code: "WR-01", test: /asysten\S* .*rodzin|rodzin.*asysten/iu },
  { code: "WR-05", test: /dzieci.*(świetlic|placówk\S* wsparcia dziennego)/iu },
  { code: "PS-11", test: /kontrakt\S* socjaln/iu },
  { code: "ON-01", test: /turnus\S* rehabilitacyjn/iu },
  { code: "NGO-01", test: /organizacj\S* pozarządow\S*.*zlecon|zlecon.*organizacj\S* pozarząd/iu },
  { code: "PP-05", test: /(sprawc|stosując).*korekcyjno/iu },
  { code: "PS-10", test: /prac\S* socjaln\S* .*rodzin/iu },
  { code: "PS-14", test: /usług\S* opiekuńcz/iu },
  { code: "PS-09", test: /bezdomn/iu },
];

const MAPPER: Actor = {
  userId: "",
  name: "Koordynator demonstracji",
  isSystemAdmin: true,
  membership: null,
};

export async function seedComparisonDemo(db: Db, opts: { tenantSlugs: string[] }) {
  const all = opts.tenantSlugs.length
    ? await db.select().from(tenants).where(inArray(tenants.slug, opts.tenantSlugs))
    : [];
  for (const tenant of all) {
    const scope: TenantScope = { db, tenant, actor: MAPPER };
    for (const [year, residents] of Object.entries(DEMO_POPULATION[tenant.slug] ?? {}))
      await savePopulation({ scope, year: Number(year), residents, source: DEMO_SOURCE });
    for (const ind of await listIndicatorMappings({ scope })) {
      const rule = RULES.find((r) => r.test.test(ind.name));
      if (!rule || ind.code) continue;
      try {
        await mapIndicator({
          scope,
          indicatorId: ind.id,
          expectedVersion: ind.version,
          code: rule.code,
        });
      } catch (error) {
        // Another indicator of the document already reports the code: the first one keeps it.
        if (!(error instanceof UserInputError)) throw error;
      }
    }
  }
}
