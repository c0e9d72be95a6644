// How each strategic goal stands against its targets in a year: the number of its indicators
// on target, close, off target and without data (issue 12, decision 053). Every status comes
// from the one series read, so it is judged with the document's threshold and the actor sees
// what the indicator page would show them (a partner's hidden totals count as "no data").
import { asc, eq, isNotNull } from "drizzle-orm";
import { indicators, operationalGoals, strategicGoals } from "../../db/schema.ts";
import { authorize, canViewDashboard, canViewGoalOnDashboard } from "../../policies/index.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { loadIndicatorSeries } from "./indicator-series.ts";
import { hasTarget, type TargetStatus } from "./target-status.ts";

export type GoalTargetStatus = {
  goalId: string;
  code: string;
  title: string;
  counts: Record<TargetStatus, number>;
};

export const STATUS_ORDER: TargetStatus[] = ["on_target", "close", "off_target", "no_data"];

/** Per strategic goal, its judged indicators counted by their status in `year`. */
export async function targetStatusByGoal(opts: {
  scope: TenantScope;
  year: number;
}): Promise<GoalTargetStatus[]> {
  const { scope, year } = opts;
  authorize(canViewDashboard(scope.actor), { hide: true });
  const rows = await scope.db
    .select({
      id: indicators.id,
      target: indicators.target,
      direction: indicators.direction,
      goalId: strategicGoals.id,
      code: strategicGoals.code,
      title: strategicGoals.title,
    })
    .from(indicators)
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(inTenant(scope, indicators, isNotNull(indicators.target)))
    .orderBy(asc(strategicGoals.position), asc(strategicGoals.code));
  const judged = rows.filter((r) => hasTarget(r) && canViewGoalOnDashboard(scope.actor, r.goalId));
  if (judged.length === 0) return [];
  // The year's bundles alone: the status of `year` needs no other year (decision 072).
  const series = await loadIndicatorSeries({
    scope,
    indicatorIds: judged.map((r) => r.id),
    years: [year],
  });
  const goals = new Map<string, GoalTargetStatus>();
  for (const r of judged) {
    const g = goals.get(r.goalId) ?? {
      goalId: r.goalId,
      code: r.code,
      title: r.title,
      counts: { on_target: 0, close: 0, off_target: 0, no_data: 0 },
    };
    const point = series.get(r.id)?.points.find((p) => p.year === year);
    g.counts[point?.status ?? "no_data"] += 1;
    goals.set(r.goalId, g);
  }
  return [...goals.values()];
}
