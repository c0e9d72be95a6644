// What a municipality's home page shows, per role: read through the domain, shaped into chart
// specs. The home page renders them; the CSV/XLSX export writes the same specs' values.
import type { ChartSpec } from "../../components/chart/chart-spec.ts";
import {
  budgetsBySource,
  goalProgress,
  indicatorMovers,
  indicatorTrends,
  latestDataYear,
  type Mover,
} from "../../domain/analytics/tenant-dashboard.ts";
import { targetStatusByGoal } from "../../domain/analytics/goal-status.ts";
import type { TenantScope } from "../../domain/scope.ts";
import { cachedRead } from "../read-cache.server.ts";
import { authorize, canViewDashboard } from "../../policies/index.ts";
import {
  budgetsSpec,
  goalProgressSpec,
  goalTargetStatusSpec,
  trendSpec,
} from "./dashboard-specs.ts";

export type DashboardData = {
  year: number | null;
  specs: ChartSpec[];
  trendIds: string[];
  movers: Mover[];
  /** Generated demo years the charts show (decision 054): each such chart says so. */
  exampleYears: number[];
};

/**
 * Kept per data version and actor (decision 007's cache): a repeat visit costs nothing until
 * the municipality's data change; the first visit after a change reads the charts' figures
 * anew (decision 072).
 */
export async function loadDashboard(scope: TenantScope): Promise<DashboardData> {
  authorize(canViewDashboard(scope.actor), { hide: true });
  return cachedRead(scope, "dashboard", () => readDashboard(scope));
}

async function readDashboard(scope: TenantScope): Promise<DashboardData> {
  const year = await latestDataYear({ scope });
  if (year === null) return { year, specs: [], trendIds: [], movers: [], exampleYears: [] };
  const [goals, statuses, budgets, trends, movers] = await Promise.all([
    goalProgress({ scope, year }),
    targetStatusByGoal({ scope, year }),
    budgetsBySource({ scope }),
    indicatorTrends({ scope, limit: 3 }),
    indicatorMovers({ scope, year, limit: 5 }),
  ]);
  const specs: ChartSpec[] = [];
  if (goals.length > 0) specs.push(goalProgressSpec(goals, year));
  if (statuses.length > 0) specs.push(goalTargetStatusSpec(statuses, year));
  if (budgets.years.length > 0) specs.push(budgetsSpec(budgets));
  specs.push(...trends.map(trendSpec));
  const exampleYears = [
    ...new Set(trends.flatMap((t) => t.points.filter((p) => p.example).map((p) => p.year))),
  ].sort((a, b) => a - b);
  return { year, specs, trendIds: trends.map((t) => t.indicator.id), movers, exampleYears };
}
