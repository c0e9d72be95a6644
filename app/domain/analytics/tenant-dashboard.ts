// The figures of a municipality's home page: projects by status per goal, budgets by funding
// source over the years, the indicators that moved most against the year before and those with
// the longest series. Each read filters rows through the same policies as the single pages: a
// partner counts only what they may open (published, or their institution's).
import { asc, count, eq, inArray, max } from "drizzle-orm";
import {
  budgetParts,
  budgets,
  indicatorValues,
  indicators,
  operationalGoals,
  projectCards,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../../db/schema.ts";
import {
  authorize,
  canViewDashboard,
  canViewGoalOnDashboard,
  canViewProjectCard,
} from "../../policies/index.ts";
import { loadValueBundles } from "../indicator-values/index.ts";
import { inTenant, joinInTenant, type TenantScope } from "../scope.ts";
import { loadIndicatorSeries, type IndicatorSeries } from "./indicator-series.ts";

async function institutionsByProject(scope: TenantScope, projectIds: string[]) {
  const map = new Map<string, string[]>();
  if (projectIds.length === 0) return map;
  const rows = await scope.db
    .select({ projectId: projectInstitutions.projectId, id: projectInstitutions.institutionId })
    .from(projectInstitutions)
    .where(
      inTenant(scope, projectInstitutions, inArray(projectInstitutions.projectId, projectIds)),
    );
  for (const r of rows) map.set(r.projectId, [...(map.get(r.projectId) ?? []), r.id]);
  return map;
}

export type GoalProgress = {
  goalId: string;
  code: string;
  title: string;
  /** Card status → number of projects with a card of that status in the year. */
  byStatus: Record<string, number>;
};

/** Projects by card status per strategic goal, for one year. */
export async function goalProgress(opts: {
  scope: TenantScope;
  year: number;
  documentId?: string;
}): Promise<GoalProgress[]> {
  const { scope, year } = opts;
  authorize(canViewDashboard(scope.actor), { hide: true });
  const rows = await scope.db
    .select({
      projectId: projects.id,
      status: projectCards.status,
      published: projectCards.published,
      goalId: strategicGoals.id,
      code: strategicGoals.code,
      title: strategicGoals.title,
      documentId: strategicGoals.documentId,
      position: strategicGoals.position,
    })
    .from(projectCards)
    .innerJoin(projects, joinInTenant(scope, projects, projectCards.projectId))
    .innerJoin(operationalGoals, joinInTenant(scope, operationalGoals, projects.operationalGoalId))
    .innerJoin(
      strategicGoals,
      joinInTenant(scope, strategicGoals, operationalGoals.strategicGoalId),
    )
    .where(inTenant(scope, projectCards, eq(projectCards.year, year)))
    .orderBy(asc(strategicGoals.position), asc(strategicGoals.code));
  const insts = await institutionsByProject(scope, [...new Set(rows.map((r) => r.projectId))]);
  const goals = new Map<string, GoalProgress>();
  for (const r of rows) {
    if (opts.documentId && r.documentId !== opts.documentId) continue;
    if (!canViewGoalOnDashboard(scope.actor, r.goalId)) continue;
    const facts = {
      goalId: r.goalId,
      institutionIds: insts.get(r.projectId) ?? [],
      published: r.published,
    };
    if (!canViewProjectCard(scope.actor, facts)) continue;
    const g = goals.get(r.goalId) ?? {
      goalId: r.goalId,
      code: r.code,
      title: r.title,
      byStatus: {},
    };
    g.byStatus[r.status] = (g.byStatus[r.status] ?? 0) + 1;
    goals.set(r.goalId, g);
  }
  return [...goals.values()];
}

export type BudgetsBySource = {
  years: number[];
  /** Funding source kind → amount per year (same order as `years`). */
  sources: { kind: string; amounts: number[] }[];
};

/** Year budgets of the projects, summed by funding source. Whole-period budgets are left out. */
export async function budgetsBySource(opts: { scope: TenantScope }): Promise<BudgetsBySource> {
  const { scope } = opts;
  authorize(canViewDashboard(scope.actor), { hide: true });
  const rows = await scope.db
    .select({
      projectId: budgets.projectId,
      year: budgets.year,
      kind: budgetParts.sourceKind,
      amount: budgetParts.amount,
      goalId: operationalGoals.strategicGoalId,
    })
    .from(budgetParts)
    .innerJoin(budgets, joinInTenant(scope, budgets, budgetParts.budgetId))
    .innerJoin(projects, joinInTenant(scope, projects, budgets.projectId))
    .innerJoin(operationalGoals, joinInTenant(scope, operationalGoals, projects.operationalGoalId))
    .where(inTenant(scope, budgetParts));
  const published = await publishedCards(scope, [...new Set(rows.map((r) => r.projectId))]);
  const insts = await institutionsByProject(scope, [...new Set(rows.map((r) => r.projectId))]);
  const sums = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (r.year === null || r.amount === null) continue;
    if (!canViewGoalOnDashboard(scope.actor, r.goalId)) continue;
    const facts = {
      goalId: r.goalId,
      institutionIds: insts.get(r.projectId) ?? [],
      published: published.has(`${r.projectId}:${r.year}`),
    };
    if (!canViewProjectCard(scope.actor, facts)) continue;
    const byYear = sums.get(r.kind) ?? new Map<number, number>();
    byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.amount);
    sums.set(r.kind, byYear);
  }
  const years = [...new Set([...sums.values()].flatMap((m) => [...m.keys()]))].sort(
    (a, b) => a - b,
  );
  const sources = [...sums].map(([kind, m]) => ({
    kind,
    amounts: years.map((y) => Math.round((m.get(y) ?? 0) * 100) / 100),
  }));
  return { years, sources };
}

async function publishedCards(scope: TenantScope, projectIds: string[]): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  const rows = await scope.db
    .select({ projectId: projectCards.projectId, year: projectCards.year })
    .from(projectCards)
    .where(
      inTenant(
        scope,
        projectCards,
        inArray(projectCards.projectId, projectIds),
        eq(projectCards.published, true),
      ),
    );
  return new Set(rows.map((r) => `${r.projectId}:${r.year}`));
}

async function visibleIndicatorIds(scope: TenantScope): Promise<string[]> {
  const rows = await scope.db
    .select({ id: indicators.id, goalId: operationalGoals.strategicGoalId })
    .from(indicators)
    // The tenant in the join too: the planner then reads only this municipality's directions
    // (with the id alone it hashed every municipality's, decision 058).
    .innerJoin(
      operationalGoals,
      joinInTenant(scope, operationalGoals, indicators.operationalGoalId),
    )
    .where(inTenant(scope, indicators));
  return rows.filter((r) => canViewGoalOnDashboard(scope.actor, r.goalId)).map((r) => r.id);
}

export type Mover = {
  indicatorId: string;
  name: string;
  unit: string;
  previous: number;
  current: number;
  change: number;
  /** Relative change (0,25 = +25%); null when last year's value was 0. */
  relative: number | null;
};

/**
 * The indicators whose totals changed most (relatively) between `year - 1` and `year`. The
 * raw totals of the two years rank every indicator in one light read; value bundles (which
 * carry the policy's visibility and withheld contributions) are then loaded for the ranked
 * candidates only, a batch at a time, until `limit` of them pass — the same answer as
 * bundling every indicator first, without reading a whole municipality (decision 072).
 */
export async function indicatorMovers(opts: {
  scope: TenantScope;
  year: number;
  limit?: number;
}): Promise<Mover[]> {
  const { scope, year } = opts;
  const limit = opts.limit ?? 5;
  authorize(canViewDashboard(scope.actor), { hide: true });
  const allowed = new Set(await visibleIndicatorIds(scope));
  const totals = await scope.db
    .select({
      id: indicatorValues.indicatorId,
      year: indicatorValues.year,
      total: indicatorValues.total,
    })
    .from(indicatorValues)
    .where(inTenant(scope, indicatorValues, inArray(indicatorValues.year, [year - 1, year])));
  const ranked = rankMovers(
    totals.filter((t) => allowed.has(t.id)),
    year,
  );
  const movers: Mover[] = [];
  const batch = Math.max(limit * 4, 20);
  for (let from = 0; from < ranked.length && movers.length < limit; from += batch) {
    const ids = ranked.slice(from, from + batch);
    const [now, before, names] = await Promise.all([
      loadValueBundles({ scope, indicatorIds: ids, year }),
      loadValueBundles({ scope, indicatorIds: ids, year: year - 1 }),
      scope.db
        .select({ id: indicators.id, name: indicators.name, unit: indicators.unit })
        .from(indicators)
        .where(inTenant(scope, indicators, inArray(indicators.id, ids))),
    ]);
    const nameOf = new Map(names.map((n) => [n.id, n]));
    for (const id of ids) {
      const a = before.get(id);
      const b = now.get(id);
      const n = nameOf.get(id);
      if (!n || !a?.visible || !a.complete || !b?.visible || !b.complete) continue;
      if (a.value.total === null || b.value.total === null) continue;
      const change = b.value.total - a.value.total;
      if (change === 0) continue;
      const relative = a.value.total === 0 ? null : change / Math.abs(a.value.total);
      movers.push({
        indicatorId: id,
        ...n,
        previous: a.value.total,
        current: b.value.total,
        change,
        relative,
      });
      if (movers.length === limit) break;
    }
  }
  return movers;
}

/**
 * Indicator ids with a total in both years and a change, the largest relative change first
 * (a change from 0 counts as the largest); ties keep the order of the ids. Pure.
 */
export function rankMovers(
  totals: { id: string; year: number; total: number | null }[],
  year: number,
): string[] {
  const pairs = new Map<string, { before?: number; now?: number }>();
  for (const t of totals) {
    if (t.total === null) continue;
    const p = pairs.get(t.id) ?? {};
    if (t.year === year) p.now = t.total;
    else if (t.year === year - 1) p.before = t.total;
    pairs.set(t.id, p);
  }
  const weighed: { id: string; weight: number }[] = [];
  for (const [id, p] of pairs) {
    if (p.before === undefined || p.now === undefined || p.now === p.before) continue;
    const weight = p.before === 0 ? Infinity : Math.abs((p.now - p.before) / p.before);
    weighed.push({ id, weight });
  }
  return weighed
    .sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((w) => w.id);
}

/** The indicators with the longest visible series (at least two years), for trend charts. */
export async function indicatorTrends(opts: {
  scope: TenantScope;
  limit?: number;
}): Promise<IndicatorSeries[]> {
  const { scope } = opts;
  authorize(canViewDashboard(scope.actor), { hide: true });
  // Counted by the database: one row per indicator, not one per (indicator, year).
  const counts = await scope.db
    .select({ id: indicatorValues.indicatorId, years: count() })
    .from(indicatorValues)
    .where(inTenant(scope, indicatorValues))
    .groupBy(indicatorValues.indicatorId);
  const allowed = new Set(await visibleIndicatorIds(scope));
  const candidates = counts
    .filter((c) => allowed.has(c.id) && c.years >= 2)
    .map((c) => [c.id, c.years] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, (opts.limit ?? 3) * 3)
    .map(([id]) => id);
  const series = await loadIndicatorSeries({ scope, indicatorIds: candidates });
  return candidates
    .map((id) => series.get(id)!)
    .filter((s) => s && s.points.filter((p) => p.total !== null).length >= 2)
    .slice(0, opts.limit ?? 3);
}

/** The newest year with any card or value: what the home page reports on. */
export async function latestDataYear(opts: { scope: TenantScope }): Promise<number | null> {
  const { scope } = opts;
  const [cards, values] = await Promise.all([
    scope.db
      .select({ year: max(projectCards.year) })
      .from(projectCards)
      .where(inTenant(scope, projectCards)),
    scope.db
      .select({ year: max(indicatorValues.year) })
      .from(indicatorValues)
      .where(inTenant(scope, indicatorValues)),
  ]);
  const years = [cards[0]?.year, values[0]?.year].filter((y): y is number => y != null);
  return years.length ? Math.max(...years) : null;
}
