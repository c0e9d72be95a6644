// What a partner may report: values its institution already reports, a first value of its
// project's indicator, or what a round assigns; and what a conflict may show them.
import { eq } from "drizzle-orm";
import {
  indicatorContributions,
  indicatorValues,
  indicators,
  operationalGoals,
  projectInstitutions,
} from "../../db/schema.ts";
import { canEditIndicatorValue } from "../../policies/index.ts";
import { ConflictError } from "../errors.ts";
import { findInTenant, inTenant, type TenantScope } from "../scope.ts";
import { isInRound, isAssigned } from "../rounds/item-rights.ts";
import type { IndicatorValueRow } from "./types.ts";

/** Whether a partner's institution may report this value (see saveIndicatorValue). */
export async function partnerMayReport(
  scope: TenantScope,
  indicator: typeof indicators.$inferSelect,
  existing: IndicatorValueRow | null,
  year: number,
): Promise<boolean> {
  const own = scope.actor.membership?.institutionId;
  if (!own) return false;
  if (
    await isAssigned({
      scope,
      kind: "contribution",
      targetId: indicator.id,
      year,
      institutionId: own,
    })
  )
    return true;
  if (existing) {
    const [row] = await scope.db
      .select({ id: indicatorContributions.id })
      .from(indicatorContributions)
      .where(
        inTenant(
          scope,
          indicatorContributions,
          eq(indicatorContributions.valueId, existing.id),
          eq(indicatorContributions.institutionId, own),
        ),
      );
    if (row) return true;
  }
  // Where a round covers the indicator this year, its assignments decide who reports.
  if (await isInRound({ scope, kind: "contribution", targetId: indicator.id, year })) return false;
  // Outside a round an institution may report again what it reported the year before.
  const [lastYear] = await scope.db
    .select({ id: indicatorContributions.id })
    .from(indicatorContributions)
    .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorContributions.valueId))
    .where(
      inTenant(
        scope,
        indicatorContributions,
        eq(indicatorValues.indicatorId, indicator.id),
        eq(indicatorValues.year, year - 1),
        eq(indicatorContributions.institutionId, own),
      ),
    );
  if (lastYear) return true;
  if (existing) return false;
  if (!indicator.projectId) return false;
  const [link] = await scope.db
    .select({ id: projectInstitutions.institutionId })
    .from(projectInstitutions)
    .where(
      inTenant(
        scope,
        projectInstitutions,
        eq(projectInstitutions.projectId, indicator.projectId),
        eq(projectInstitutions.institutionId, own),
      ),
    );
  return !!link;
}

/** A partner sees, in a conflict, only what it may see of the value: its own contribution. */
export function redactConflict(conflict: ConflictError, own: string | null): ConflictError {
  const keep = (v: unknown) => {
    if (!v || typeof v !== "object") return v;
    const entry = own ? (v as Record<string, unknown>)[own] : undefined;
    return own && entry !== undefined ? { [own]: entry } : {};
  };
  const current = conflict.current as { contributions?: unknown; version?: number };
  return new ConflictError({
    institutionNames: conflict.institutionNames,
    by: conflict.by,
    at: conflict.at,
    changes: conflict.changes
      .filter((c) => c.field === "contributions")
      .map((c) => ({ field: c.field, before: keep(c.before), after: keep(c.after) })),
    current: { contributions: keep(current.contributions), version: current.version },
  });
}

/** Whether the actor may open the entry form of this value (managers, or a reporting partner). */
export async function mayEnterValue(opts: {
  scope: TenantScope;
  indicatorId: string;
  year: number;
  /** What the page has just read (getIndicatorValue), so the check does not read it again. */
  known?: {
    indicator: typeof indicators.$inferSelect;
    goalId: string;
    value: IndicatorValueRow | null;
  };
}): Promise<boolean> {
  const { scope, known } = opts;
  const indicator = known?.indicator ?? (await findInTenant(scope, indicators, opts.indicatorId));
  const goalId =
    known?.goalId ??
    (await findInTenant(scope, operationalGoals, indicator.operationalGoalId)).strategicGoalId;
  if (canEditIndicatorValue(scope.actor, { goalId })) return true;
  if (known) return partnerMayReport(scope, indicator, known.value, opts.year);
  const [existing] = await scope.db
    .select()
    .from(indicatorValues)
    .where(
      inTenant(
        scope,
        indicatorValues,
        eq(indicatorValues.indicatorId, indicator.id),
        eq(indicatorValues.year, opts.year),
      ),
    );
  return partnerMayReport(scope, indicator, existing ?? null, opts.year);
}
