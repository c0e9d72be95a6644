// The reads the dashboard made before decision 072, kept as the bench's baseline so its figures
// compare in one run: every indicator's value bundles of two years for the movers, and every
// year's bundles of every judged indicator for the goals' target statuses. (It shares today's
// loadValueBundles, whose per-value grouping is also new, so the ratio understates the change.)
import { and, eq, isNotNull } from "drizzle-orm";
import { indicatorValues, indicators, operationalGoals } from "../../app/db/schema.ts";
import { loadIndicatorSeries } from "../../app/domain/analytics/indicator-series.ts";
import {
  budgetsBySource,
  goalProgress,
  latestDataYear,
} from "../../app/domain/analytics/tenant-dashboard.ts";
import { loadValueBundles } from "../../app/domain/indicator-values/index.ts";
import { inTenant, type TenantScope } from "../../app/domain/scope.ts";

export async function dashboardBaseline(scope: TenantScope): Promise<unknown> {
  const year = await latestDataYear({ scope });
  if (year === null) return null;
  const all = await scope.db
    .select({ id: indicators.id, target: indicators.target })
    .from(indicators)
    .innerJoin(
      operationalGoals,
      and(
        eq(operationalGoals.tenantId, indicators.tenantId),
        eq(operationalGoals.id, indicators.operationalGoalId),
      ),
    )
    .where(inTenant(scope, indicators));
  const ids = all.map((r) => r.id);
  const judged = await scope.db
    .select({ id: indicators.id })
    .from(indicators)
    .where(inTenant(scope, indicators, isNotNull(indicators.target)));
  const yearRows = await scope.db
    .select({ id: indicatorValues.indicatorId, year: indicatorValues.year })
    .from(indicatorValues)
    .where(inTenant(scope, indicatorValues));
  const counts = new Map<string, number>();
  for (const r of yearRows) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  const trendIds = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 9)
    .map(([id]) => id);
  return Promise.all([
    goalProgress({ scope, year }),
    loadIndicatorSeries({ scope, indicatorIds: judged.map((r) => r.id) }),
    budgetsBySource({ scope }),
    loadIndicatorSeries({ scope, indicatorIds: trendIds }),
    loadValueBundles({ scope, indicatorIds: ids, year }),
    loadValueBundles({ scope, indicatorIds: ids, year: year - 1 }),
  ]);
}
