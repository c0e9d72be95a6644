// A value as the audit trail and the conflict report show it: total, contributions, breakdowns.
import { asc, eq } from "drizzle-orm";
import { indicatorBreakdowns, indicatorContributions } from "../../db/schema.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import type { IndicatorValueRow } from "./types.ts";

/** The value with its contributions and breakdowns, as stored in the audit trail. */
export async function valueSnapshot(scope: TenantScope, v: IndicatorValueRow) {
  return (await readValueState(scope, v)).snapshot;
}

/** The snapshot and the contribution rows it was made of, for a save that needs both. */
export async function readValueState(scope: TenantScope, v: IndicatorValueRow) {
  const contribs = await scope.db
    .select()
    .from(indicatorContributions)
    .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, v.id)));
  const parts = await scope.db
    .select()
    .from(indicatorBreakdowns)
    .where(inTenant(scope, indicatorBreakdowns, eq(indicatorBreakdowns.valueId, v.id)))
    .orderBy(asc(indicatorBreakdowns.position));
  const institutionOf = new Map(contribs.map((c) => [c.id, c.institutionId]));
  const snapshot = {
    total: v.total,
    totalReason: v.totalReason,
    approximate: v.approximate,
    remarks: v.remarks,
    published: v.published,
    contributions: Object.fromEntries(
      contribs.map((c) => [
        c.institutionId,
        // The version lets a contribution-level conflict find the saves since the user's read.
        { value: c.value, approximate: c.approximate, note: c.note, version: c.version },
      ]),
    ),
    breakdowns: parts.map((b) => ({
      institutionId: b.contributionId ? (institutionOf.get(b.contributionId) ?? null) : null,
      dimension: b.dimension,
      label: b.label,
      value: b.value,
    })),
  };
  return { snapshot, contributions: contribs };
}
