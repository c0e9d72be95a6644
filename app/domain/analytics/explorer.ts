// The explorer (decision 055): the chosen indicators over the chosen years, with the chosen
// institutions' contributions and breakdowns, as rows for a table, a chart and a file. Read
// through loadIndicatorSeries — the one series query of the indicator page, the dashboards and
// the portal — so a partner sees here exactly what the indicator page shows them.
import { and, asc, eq } from "drizzle-orm";
import {
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  strategicGoals,
} from "../../db/schema.ts";
import { authorize, canUseExplorer } from "../../policies/index.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { loadIndicatorSeries, type IndicatorSeries } from "./indicator-series.ts";

export type ExplorerChoices = {
  indicators: { id: string; name: string; unit: string; document: string; goalCode: string }[];
  institutions: { id: string; name: string }[];
};

/** What the explorer's form offers: the municipality's indicators and institutions. */
export async function explorerChoices(opts: { scope: TenantScope }): Promise<ExplorerChoices> {
  const { scope } = opts;
  authorize(canUseExplorer(scope.actor), { hide: true });
  const inds = await scope.db
    .select({
      id: indicators.id,
      name: indicators.name,
      unit: indicators.unit,
      document: planDocuments.title,
      goalCode: strategicGoals.code,
    })
    .from(indicators)
    // The tenant in the join too: the planner then reads only this municipality's directions
    // (with the id alone it hashed every municipality's, decision 058).
    .innerJoin(
      operationalGoals,
      and(
        eq(operationalGoals.tenantId, indicators.tenantId),
        eq(operationalGoals.id, indicators.operationalGoalId),
      ),
    )
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .innerJoin(planDocuments, eq(planDocuments.id, strategicGoals.documentId))
    .where(inTenant(scope, indicators))
    .orderBy(
      asc(planDocuments.periodStart),
      asc(planDocuments.title),
      asc(strategicGoals.position),
      asc(operationalGoals.position),
      asc(indicators.position),
      asc(indicators.name),
    );
  const insts = await scope.db
    .select({ id: institutions.id, name: institutions.name, short: institutions.shortName })
    .from(institutions)
    .where(inTenant(scope, institutions))
    .orderBy(asc(institutions.name));
  return {
    indicators: inds,
    institutions: insts.map((i) => ({
      id: i.id,
      name: i.short ? `${i.name} (${i.short})` : i.name,
    })),
  };
}

/** total: the indicator's value; contribution: an institution's; breakdown: a part of the value. */
export type ExplorerRowKind = "total" | "contribution" | "breakdown";

export type ExplorerRow = {
  indicatorId: string;
  indicator: string;
  unit: string;
  year: number;
  kind: ExplorerRowKind;
  /** "Razem", the institution's name, or the breakdown's label. */
  series: string;
  /** The breakdown's dimension (sex, district…), null otherwise. */
  dimension: string | null;
  /** Null when there is no value or it is withheld from this reader. */
  value: number | null;
  approximate: boolean;
  published: boolean;
  /** The value exists but this reader may not see it (a partner, an unpublished total). */
  withheld: boolean;
};

export type ExplorerResult = {
  series: IndicatorSeries[];
  years: number[];
  rows: ExplorerRow[];
};

export type ExplorerQuery = {
  indicatorIds: string[];
  fromYear: number | null;
  toYear: number | null;
  institutionIds: string[];
  dimensions: string[];
};

function inRange(year: number, q: ExplorerQuery): boolean {
  return (q.fromYear === null || year >= q.fromYear) && (q.toYear === null || year <= q.toYear);
}

function rowsOf(s: IndicatorSeries, q: ExplorerQuery): ExplorerRow[] {
  const base = { indicatorId: s.indicator.id, indicator: s.indicator.name, unit: s.indicator.unit };
  const rows: ExplorerRow[] = [];
  for (const p of s.points) {
    if (!inRange(p.year, q)) continue;
    const at = { ...base, year: p.year, published: p.published };
    rows.push({
      ...at,
      kind: "total",
      series: "Razem",
      dimension: null,
      value: p.total,
      approximate: p.approximate,
      withheld: !p.complete,
    });
    for (const c of p.contributions) {
      if (!q.institutionIds.includes(c.institutionId)) continue;
      rows.push({
        ...at,
        kind: "contribution",
        series: c.name,
        dimension: null,
        value: c.value,
        approximate: false,
        withheld: false,
      });
    }
    for (const b of p.breakdowns) {
      if (!q.dimensions.includes(b.dimension)) continue;
      rows.push({
        ...at,
        kind: "breakdown",
        series: b.label,
        dimension: b.dimension,
        value: b.value,
        approximate: false,
        withheld: false,
      });
    }
  }
  return rows;
}

/** The selection's rows, in the order the indicators were chosen, then by year. */
export async function exploreIndicators(opts: {
  scope: TenantScope;
  query: ExplorerQuery;
}): Promise<ExplorerResult> {
  const { scope, query } = opts;
  authorize(canUseExplorer(scope.actor), { hide: true });
  const map = await loadIndicatorSeries({ scope, indicatorIds: query.indicatorIds });
  const series = query.indicatorIds.map((id) => map.get(id)).filter((s) => s !== undefined);
  const rows = series.flatMap((s) => rowsOf(s, query));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return { series, years, rows };
}
