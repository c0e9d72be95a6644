// The breakdowns ("w tym", by sex, district…) of a value and of its contributions.
import { eq } from "drizzle-orm";
import { indicatorBreakdowns, indicatorContributions } from "../../db/schema.ts";
import { authorize, canEditContribution, canEditIndicatorValue } from "../../policies/index.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { UserInputError } from "../errors.ts";
import type { BreakdownRowInput } from "./types.ts";

export async function replaceBreakdowns(
  scope: TenantScope,
  valueId: string,
  goalId: string,
  rows: BreakdownRowInput[],
  /** The value's contributions, when the caller has just read them in this transaction. */
  known?: { id: string; institutionId: string }[],
) {
  const canEditAll = canEditIndicatorValue(scope.actor, { goalId });
  const contribs =
    known ??
    (await scope.db
      .select()
      .from(indicatorContributions)
      .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, valueId))));
  const contributionOf = new Map(contribs.map((c) => [c.institutionId, c.id]));
  for (const row of rows) {
    if (row.institutionId === null) authorize(canEditAll);
    else {
      authorize(canEditContribution(scope.actor, { goalId }, row.institutionId));
      if (!contributionOf.has(row.institutionId)) {
        throw new UserInputError(
          "Podział dotyczy instytucji, która nie przekazała wartości. Najpierw wpisz jej wartość.",
        );
      }
    }
  }
  // Replace only what this actor may edit: everything for a manager, their own rows for a partner.
  const own = scope.actor.membership?.institutionId;
  const editable = canEditAll ? null : own ? contributionOf.get(own) : undefined;
  if (editable === undefined) return;
  await scope.db
    .delete(indicatorBreakdowns)
    .where(
      inTenant(
        scope,
        indicatorBreakdowns,
        eq(indicatorBreakdowns.valueId, valueId),
        editable === null ? undefined : eq(indicatorBreakdowns.contributionId, editable),
      ),
    );
  for (const [i, row] of rows.entries()) {
    await scope.db.insert(indicatorBreakdowns).values({
      tenantId: scope.tenant.id,
      valueId,
      contributionId: row.institutionId ? contributionOf.get(row.institutionId)! : null,
      dimension: row.dimension,
      label: row.label,
      value: row.value,
      position: i,
    });
  }
}
