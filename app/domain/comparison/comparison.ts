// The comparison between municipalities of one dictionary indicator (decision 055): every
// municipality's published value of each year, absolute and per 1,000 residents. Read from the
// rollup of current publications (rollup.ts) — never from live values — and passed through the
// one small-count suppression (suppress.ts) like every public output: a withheld value has no
// rate either, as the rate and the population would give the value back.
import { and, asc, count, countDistinct, eq, inArray, like, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { comparisonValues, populations, tenants } from "../../db/schema.ts";
import { authorize, canViewComparison } from "../../policies/index.ts";
import type { Actor } from "../actor.ts";
import { NotFoundError } from "../errors.ts";
import { isPeopleUnit, suppressValue } from "../publication/suppress.ts";
import { voivodeshipName } from "../publication/voivodeships.ts";
import type { ReportValue } from "../report-data/types.ts";
import { DICTIONARY, dictionaryEntry, type DictionaryEntry } from "./dictionary.ts";

export type ComparisonCell = {
  year: number;
  value: number | null;
  withheld: boolean;
  approximate: boolean;
  residents: number | null;
  /** Per 1,000 residents, when the value and the year's population are known. */
  perThousand: number | null;
  indicatorName: string;
};

export type ComparisonMunicipality = {
  slug: string;
  name: string;
  teryt: string;
  cells: ComparisonCell[];
};

/** A narrower comparison: one voivodeship (two TERYT digits) and/or one year. */
export type ComparisonFilter = { voivodeship: string | null; year: number | null };

export type Comparison = {
  entry: DictionaryEntry;
  filter: ComparisonFilter;
  years: number[];
  municipalities: ComparisonMunicipality[];
  below: number;
};

/** The value as the public may see it: small counts (and what reveals them) withheld. */
export function publicCell(
  raw: ReportValue,
  units: { indicator: string; dictionary: string },
  below: number,
): { value: number | null; withheld: boolean; approximate: boolean } {
  const value = structuredClone(raw);
  // The stricter of the two units decides: a count of people is suppressed as one.
  const unit = isPeopleUnit(units.indicator) ? units.indicator : units.dictionary;
  suppressValue(value, unit, below);
  return { value: value.total, withheld: value.withheld ?? false, approximate: value.approximate };
}

export function perThousand(value: number | null, residents: number | null): number | null {
  if (value === null || residents === null || residents <= 0) return null;
  return Math.round((value / residents) * 1000 * 100) / 100;
}

function knownEntry(code: string): DictionaryEntry {
  const entry = dictionaryEntry(code);
  if (!entry) throw new NotFoundError("Nie ma takiej pozycji w słowniku wskaźników wspólnych.");
  return entry;
}

/**
 * One dictionary indicator across the municipalities that publish it — all of them, or those
 * of one voivodeship, in every year or in one. At national scale (2,500 municipalities, nine
 * years) the whole table is 22,500 rows; the filter narrows it in the query (decision 075).
 */
export async function readComparison(opts: {
  db: DbOrTx;
  actor: Actor | null;
  code: string;
  minCount: number;
  filter?: Partial<ComparisonFilter>;
}): Promise<Comparison> {
  authorize(canViewComparison(opts.actor));
  const entry = knownEntry(opts.code);
  const filter: ComparisonFilter = {
    voivodeship: opts.filter?.voivodeship ?? null,
    year: opts.filter?.year ?? null,
  };
  const rows = await opts.db
    .select({
      tenantId: comparisonValues.tenantId,
      slug: tenants.slug,
      name: tenants.name,
      teryt: tenants.teryt,
      year: comparisonValues.year,
      unit: comparisonValues.unit,
      indicatorName: comparisonValues.indicatorName,
      value: comparisonValues.value,
    })
    .from(comparisonValues)
    .innerJoin(tenants, eq(tenants.id, comparisonValues.tenantId))
    .where(
      and(
        eq(comparisonValues.code, entry.code),
        filter.voivodeship === null ? undefined : like(tenants.teryt, `${filter.voivodeship}%`),
        filter.year === null ? undefined : eq(comparisonValues.year, filter.year),
      ),
    )
    .orderBy(asc(tenants.name), asc(comparisonValues.year));
  const tenantIds = [...new Set(rows.map((r) => r.tenantId))];
  const people =
    tenantIds.length === 0
      ? []
      : await opts.db
          .select({
            tenantId: populations.tenantId,
            year: populations.year,
            residents: populations.residents,
          })
          .from(populations)
          .where(
            and(
              inArray(populations.tenantId, tenantIds),
              filter.year === null ? undefined : eq(populations.year, filter.year),
            ),
          );
  const residentsOf = new Map(people.map((p) => [`${p.tenantId}:${p.year}`, p.residents]));
  const byTenant = new Map<string, ComparisonMunicipality>();
  for (const r of rows) {
    const m = byTenant.get(r.tenantId) ?? { slug: r.slug, name: r.name, teryt: r.teryt, cells: [] };
    byTenant.set(r.tenantId, m);
    const cell = publicCell(
      r.value as unknown as ReportValue,
      { indicator: r.unit, dictionary: entry.unit },
      opts.minCount,
    );
    const residents = residentsOf.get(`${r.tenantId}:${r.year}`) ?? null;
    m.cells.push({
      year: r.year,
      ...cell,
      residents,
      perThousand: cell.withheld ? null : perThousand(cell.value, residents),
      indicatorName: r.indicatorName,
    });
  }
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return { entry, filter, years, municipalities: [...byTenant.values()], below: opts.minCount };
}

export type ComparisonChoices = {
  /** Voivodeships with a municipality publishing the code, by name. */
  voivodeships: { code: string; name: string }[];
  years: number[];
};

/** What the comparison of a code can be narrowed to: the filter form's options. */
export async function comparisonChoices(opts: {
  db: DbOrTx;
  actor: Actor | null;
  code: string;
}): Promise<ComparisonChoices> {
  authorize(canViewComparison(opts.actor));
  const entry = knownEntry(opts.code);
  const prefix = sql<string>`substr(${tenants.teryt}, 1, 2)`;
  const rows = await opts.db
    .selectDistinct({ prefix, year: comparisonValues.year })
    .from(comparisonValues)
    .innerJoin(tenants, eq(tenants.id, comparisonValues.tenantId))
    .where(eq(comparisonValues.code, entry.code));
  const voivodeships = [...new Set(rows.map((r) => r.prefix))]
    .map((code) => ({ code, name: voivodeshipName(code) }))
    .filter((v): v is { code: string; name: string } => v.name !== null)
    .sort((a, b) => a.name.localeCompare(b.name, "pl"));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return { voivodeships, years };
}

export type DictionaryCoverage = DictionaryEntry & { municipalities: number; values: number };

/** The dictionary with how many municipalities publish each code: the comparison's index. */
export async function dictionaryCoverage(opts: {
  db: DbOrTx;
  actor: Actor | null;
}): Promise<DictionaryCoverage[]> {
  authorize(canViewComparison(opts.actor));
  const rows = await opts.db
    .select({
      code: comparisonValues.code,
      municipalities: countDistinct(comparisonValues.tenantId),
      values: count(),
    })
    .from(comparisonValues)
    .groupBy(comparisonValues.code);
  const of = new Map(rows.map((r) => [r.code, r]));
  return DICTIONARY.map((e) => ({
    ...e,
    municipalities: Number(of.get(e.code)?.municipalities ?? 0),
    values: Number(of.get(e.code)?.values ?? 0),
  }));
}
