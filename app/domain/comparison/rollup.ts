// The comparison rollup (decision 055): one row per municipality, dictionary code and year with
// the value as the municipality's current publication of that year holds it — never a live
// value. Rebuilt for one municipality, in the caller's transaction, whenever it publishes,
// withdraws a publication or changes which indicator reports which code; the comparison page
// then reads one indexed table instead of every municipality's snapshots.
import { isNotNull } from "drizzle-orm";
import { comparisonValues, indicators } from "../../db/schema.ts";
import type { ReportIndicator } from "../report-data/types.ts";
import { listCurrentPublications, getPublicationSnapshot } from "../publication/read.ts";
import type { PublicSnapshot } from "../publication/types.ts";
import { inTenant, inTransaction, type TenantScope } from "../scope.ts";

function snapshotIndicators(snapshot: PublicSnapshot): ReportIndicator[] {
  return snapshot.goals.flatMap((g) =>
    g.directions.flatMap((d) => [...d.indicators, ...d.projects.flatMap((p) => p.indicators)]),
  );
}

type RollupRow = typeof comparisonValues.$inferInsert;

/** The rows of one municipality, from its current publications and its present mapping. */
async function rollupRows(scope: TenantScope): Promise<RollupRow[]> {
  const mapped = await scope.db
    .select({ id: indicators.id, code: indicators.dictionaryCode })
    .from(indicators)
    .where(inTenant(scope, indicators, isNotNull(indicators.dictionaryCode)));
  if (mapped.length === 0) return [];
  const codeOf = new Map(mapped.map((m) => [m.id, m.code!]));
  // Newest publication first: when two documents report one code for a year, the newer wins.
  const current = (await listCurrentPublications({ scope })).sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
  const rows = new Map<string, RollupRow>();
  for (const info of current) {
    const { snapshot } = await getPublicationSnapshot({ scope, publicationId: info.id });
    const seen = new Set<string>();
    for (const ind of snapshotIndicators(snapshot)) {
      const code = codeOf.get(ind.id);
      if (!code || !ind.value || seen.has(ind.id)) continue;
      seen.add(ind.id);
      const key = `${code}:${info.year}`;
      if (rows.has(key)) continue;
      rows.set(key, {
        tenantId: scope.tenant.id,
        code,
        year: info.year,
        indicatorId: ind.id,
        indicatorName: ind.name,
        unit: ind.unit,
        publicationId: info.id,
        value: ind.value as unknown as Record<string, unknown>,
        publishedAt: info.publishedAt,
      });
    }
  }
  return [...rows.values()];
}

/** Rebuilds the municipality's rows of the comparison (in a transaction of its own or the caller's). */
export async function refreshComparisonRollup(scope: TenantScope): Promise<number> {
  return inTransaction(scope, async (tx) => {
    const rows = await rollupRows(tx);
    await tx.db.delete(comparisonValues).where(inTenant(tx, comparisonValues));
    if (rows.length > 0) await tx.db.insert(comparisonValues).values(rows);
    return rows.length;
  });
}
