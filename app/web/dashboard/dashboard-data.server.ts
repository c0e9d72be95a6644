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
import type { TenantScope } from "../../domain/scope.ts";
import { authorize, canViewDashboard } from "../../policies/index.ts";
import { budgetsSpec, goalProgressSpec, trendSpec } from "./dashboard-specs.ts";

export type DashboardData = {
  year: number | null;
  specs: ChartSpec[];
  trendIds: string[];
  movers: Mover[];
};

export async function loadDashboard(scope: TenantScope): Promise<DashboardData> {
  authorize(canViewDashboard(scope.actor), { hide: true });
  const year = await latestDataYear({ scope });
  if (year === null) return { year, specs: [], trendIds: [], movers: [] };
  const [goals, budgets, trends, movers] = await Promise.all([
    goalProgress({ scope, year }),
    budgetsBySource({ scope }),
    indicatorTrends({ scope, limit: 3 }),
    indicatorMovers({ scope, year, limit: 5 }),
  ]);
  const specs: ChartSpec[] = [];
  if (goals.length > 0) specs.push(goalProgressSpec(goals, year));
  if (budgets.years.length > 0) specs.push(budgetsSpec(budgets));
  specs.push(...trends.map(trendSpec));
  return { year, specs, trendIds: trends.map((t) => t.indicator.id), movers };
}
