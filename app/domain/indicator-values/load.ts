// Reading indicator values for a year: the total, each institution's contribution, breakdowns and
// the validation findings computed from them. Partners see only their own contribution of a
// value that is not yet published (policy canViewContribution).
import { asc, eq, inArray } from "drizzle-orm";
import {
  indicatorBreakdowns,
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  strategicGoals,
} from "../../db/schema.ts";
import {
  authorize,
  canEditIndicatorValue,
  canViewContribution,
  canViewIndicatorValue,
  type ValueFacts,
} from "../../policies/index.ts";
import { findInTenant, inTenant, joinInTenant, type TenantScope } from "../scope.ts";
import { checkIndicatorValue } from "../validation/index.ts";
import type { Breakdown, Contribution, ValueBundle } from "./types.ts";

/** Values of many indicators for one year, keyed by indicator id, filtered for the actor. */
export async function loadValueBundles(opts: {
  scope: TenantScope;
  indicatorIds: string[];
  year: number;
}): Promise<Map<string, ValueBundle>> {
  const { scope, indicatorIds, year } = opts;
  const out = new Map<string, ValueBundle>();
  if (indicatorIds.length === 0) return out;
  // The values first: a year without any (last year's, on a first report) costs one read.
  const values = await scope.db
    .select()
    .from(indicatorValues)
    .where(
      inTenant(
        scope,
        indicatorValues,
        inArray(indicatorValues.indicatorId, indicatorIds),
        eq(indicatorValues.year, year),
      ),
    );
  if (values.length === 0) return out;
  // Each indicator's unit and strategic goal (for the policies), in one read.
  const inds = await scope.db
    .select({ id: indicators.id, unit: indicators.unit, goalId: operationalGoals.strategicGoalId })
    .from(indicators)
    .innerJoin(
      operationalGoals,
      joinInTenant(scope, operationalGoals, indicators.operationalGoalId),
    )
    .where(inTenant(scope, indicators, inArray(indicators.id, indicatorIds)));
  const valueIds = values.map((v) => v.id);
  const [contribs, breakdowns] = await Promise.all([
    scope.db
      .select({ c: indicatorContributions, name: institutions.name, short: institutions.shortName })
      .from(indicatorContributions)
      .innerJoin(institutions, eq(institutions.id, indicatorContributions.institutionId))
      .where(
        inTenant(scope, indicatorContributions, inArray(indicatorContributions.valueId, valueIds)),
      )
      .orderBy(asc(indicatorContributions.position)),
    scope.db
      .select()
      .from(indicatorBreakdowns)
      .where(inTenant(scope, indicatorBreakdowns, inArray(indicatorBreakdowns.valueId, valueIds)))
      .orderBy(asc(indicatorBreakdowns.position)),
  ]);
  const indById = new Map(inds.map((i) => [i.id, i]));
  // Grouped once: filtering the whole year's rows per value was quadratic in the indicators.
  const contribsByValue = groupBy(contribs, (c) => c.c.valueId);
  const breakdownsByContribution = groupBy(
    breakdowns.filter((b) => b.contributionId),
    (b) => b.contributionId!,
  );
  const totalBreakdownsByValue = groupBy(
    breakdowns.filter((b) => !b.contributionId),
    (b) => b.valueId,
  );
  for (const value of values) {
    const ind = indById.get(value.indicatorId)!;
    const own = contribsByValue.get(value.id) ?? [];
    const facts: ValueFacts = {
      goalId: ind.goalId,
      contributorIds: own.map((c) => c.c.institutionId),
      published: value.published,
    };
    const visible = canViewIndicatorValue(scope.actor, facts);
    const shown = own.filter((c) => canViewContribution(scope.actor, facts, c.c.institutionId));
    const complete = shown.length === own.length;
    const toBreakdown = (b: typeof indicatorBreakdowns.$inferSelect): Breakdown => ({
      dimension: b.dimension as Breakdown["dimension"],
      label: b.label,
      value: b.value,
    });
    const contributions: Contribution[] = shown.map(({ c, name, short }) => ({
      id: c.id,
      institutionId: c.institutionId,
      institutionName: name,
      institutionShort: short,
      value: c.value,
      approximate: c.approximate,
      note: c.note,
      version: c.version,
      breakdowns: (breakdownsByContribution.get(c.id) ?? []).map(toBreakdown),
    }));
    const totalBreakdowns = complete
      ? (totalBreakdownsByValue.get(value.id) ?? []).map(toBreakdown)
      : [];
    const shownValue = complete ? value : { ...value, total: null, remarks: null };
    const findings = visible
      ? checkIndicatorValue({
          unit: ind.unit,
          total: shownValue.total,
          totalReason: complete ? value.totalReason : null,
          approximate: value.approximate,
          contributions: contributions.map((c) => ({
            institution: c.institutionShort ?? c.institutionName,
            value: c.value,
            approximate: c.approximate,
            breakdowns: c.breakdowns,
          })),
          breakdowns: totalBreakdowns,
        })
      : [];
    out.set(value.indicatorId, {
      value: shownValue,
      facts,
      visible,
      complete,
      contributions,
      breakdowns: totalBreakdowns,
      findings,
    });
  }
  return out;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export async function getIndicatorValue(opts: {
  scope: TenantScope;
  indicatorId: string;
  year: number;
  /** Last year's total beside this year's (the value page); false spares its reads. */
  withPrevious?: boolean;
}) {
  const { scope, indicatorId, year } = opts;
  const indicator = await findInTenant(scope, indicators, indicatorId);
  const direction = await findInTenant(scope, operationalGoals, indicator.operationalGoalId);
  const goal = await findInTenant(scope, strategicGoals, direction.strategicGoalId);
  const document = await findInTenant(scope, planDocuments, goal.documentId);
  const bundles = await loadValueBundles({ scope, indicatorIds: [indicatorId], year });
  const previous =
    opts.withPrevious === false
      ? new Map<string, ValueBundle>()
      : await loadValueBundles({ scope, indicatorIds: [indicatorId], year: year - 1 });
  const bundle = bundles.get(indicatorId) ?? null;
  if (bundle) authorize(bundle.visible, { hide: true });
  const prev = previous.get(indicatorId);
  return {
    indicator,
    direction,
    goal,
    document,
    bundle,
    previousTotal: prev?.visible && prev.complete ? prev.value.total : null,
    canEditValue: canEditIndicatorValue(scope.actor, { goalId: goal.id }),
  };
}
