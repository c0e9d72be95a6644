// An indicator's values over every year it has, with each institution's contribution and the
// breakdowns — read year by year through loadValueBundles, so a partner sees exactly what the
// indicator page shows them: their own contribution of an unpublished value, no total, no other
// institution. The one series read behind the indicator page, the dashboards and the portal.
import { asc, eq, inArray } from "drizzle-orm";
import {
  indicatorValues,
  indicators,
  operationalGoals,
  planDocuments,
  strategicGoals,
} from "../../db/schema.ts";
import { authorize, canViewStrategy } from "../../policies/index.ts";
import { loadValueBundles, type Breakdown, type ValueBundle } from "../indicator-values/index.ts";
import { findInTenant, inTenant, type TenantScope } from "../scope.ts";
import { documentThresholds, targetStatus, type TargetStatus } from "./target-status.ts";

export type SeriesPoint = {
  year: number;
  /** Null when there is no total or the actor may not see it (see `complete`). */
  total: number | null;
  approximate: boolean;
  published: boolean;
  /** False when some contributions are withheld from this actor. */
  complete: boolean;
  contributions: {
    institutionId: string;
    name: string;
    value: number | null;
    /** The institution's own breakdowns of its contribution (sex, district…). */
    breakdowns: Breakdown[];
  }[];
  breakdowns: Breakdown[];
  /** Change of the total against the year before, when both are known. */
  change: number | null;
  status: TargetStatus;
  /** The year's data are generated example data (the demo), not a report. Decision 054. */
  example: boolean;
};

export type IndicatorSeries = {
  indicator: {
    id: string;
    name: string;
    unit: string;
    direction: string;
    baseline: number | null;
    baselineYear: number | null;
    target: number | null;
    targetYear: number | null;
    goalId: string;
  };
  points: SeriesPoint[];
};

function toPoint(year: number, b: ValueBundle): Omit<SeriesPoint, "change" | "status" | "example"> {
  return {
    year,
    total: b.complete ? b.value.total : null,
    approximate: b.value.approximate,
    published: b.value.published,
    complete: b.complete,
    contributions: b.contributions.map((c) => ({
      institutionId: c.institutionId,
      name: c.institutionShort ?? c.institutionName,
      value: c.value,
      breakdowns: c.breakdowns,
    })),
    breakdowns: b.breakdowns,
  };
}

/**
 * Values of many indicators over all their years (or only `years`), visible to the actor. A
 * caller that judges one year asks for that year alone: each year is a bundle read of every
 * indicator's contributions and breakdowns (decision 072).
 */
export async function loadIndicatorSeries(opts: {
  scope: TenantScope;
  indicatorIds: string[];
  years?: number[];
}): Promise<Map<string, IndicatorSeries>> {
  const { scope, indicatorIds } = opts;
  authorize(canViewStrategy(scope.actor), { hide: true });
  const out = new Map<string, IndicatorSeries>();
  if (indicatorIds.length === 0) return out;
  const inds = await scope.db
    .select({
      i: indicators,
      goalId: operationalGoals.strategicGoalId,
      periodEnd: planDocuments.periodEnd,
      closeThreshold: planDocuments.closeThreshold,
      exampleYears: planDocuments.exampleYears,
    })
    .from(indicators)
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .innerJoin(planDocuments, eq(planDocuments.id, strategicGoals.documentId))
    .where(inTenant(scope, indicators, inArray(indicators.id, indicatorIds)));
  const yearRows = opts.years
    ? [...new Set(opts.years)].sort((a, b) => a - b).map((year) => ({ year }))
    : await scope.db
        .selectDistinct({ year: indicatorValues.year })
        .from(indicatorValues)
        .where(inTenant(scope, indicatorValues, inArray(indicatorValues.indicatorId, indicatorIds)))
        .orderBy(asc(indicatorValues.year));
  const byYear = await Promise.all(
    yearRows.map(async ({ year }) => ({
      year,
      bundles: await loadValueBundles({ scope, indicatorIds, year }),
    })),
  );
  for (const { i, goalId, periodEnd, closeThreshold, exampleYears } of inds) {
    const thresholds = documentThresholds({ closeThreshold });
    const indicator = {
      id: i.id,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      target: i.target,
      targetYear: periodEnd,
      goalId,
    };
    const points: SeriesPoint[] = [];
    for (const { year, bundles } of byYear) {
      const b = bundles.get(i.id);
      if (!b || !b.visible) continue;
      const p = toPoint(year, b);
      const prev = points.at(-1);
      const change =
        prev && prev.year === year - 1 && prev.total !== null && p.total !== null
          ? p.total - prev.total
          : null;
      const status = targetStatus({ ...indicator, value: p.total, year }, thresholds);
      points.push({ ...p, change, status, example: exampleYears.includes(year) });
    }
    out.set(i.id, { indicator, points });
  }
  return out;
}

/** One indicator's series; NotFoundError for another municipality's indicator. */
export async function getIndicatorSeries(opts: {
  scope: TenantScope;
  indicatorId: string;
}): Promise<IndicatorSeries> {
  await findInTenant(opts.scope, indicators, opts.indicatorId);
  const map = await loadIndicatorSeries({ scope: opts.scope, indicatorIds: [opts.indicatorId] });
  return map.get(opts.indicatorId)!;
}
