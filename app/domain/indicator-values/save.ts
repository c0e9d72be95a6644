// Saving a value with its contributions: managers save everything; a partner saves only the
// contribution of their own institution.
import { eq } from "drizzle-orm";
import {
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
} from "../../db/schema.ts";
import { authorize, canEditContribution, canEditIndicatorValue } from "../../policies/index.ts";
import { diff, recordChange } from "../audit.ts";
import { ConflictError } from "../errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import {
  bumpVersion,
  conflictSince,
  conflictOnDuplicate,
  unlessUnchanged,
} from "../versioned-update.ts";
import { assertNotLockedForPartner } from "../rounds/item-rights.ts";
import type { IndicatorValueRow, ContributionInput, SaveValueInput } from "./types.ts";
import { saveOwnContribution } from "./save-own-contribution.ts";
import { valueSnapshot } from "./snapshot.ts";
import { replaceBreakdowns } from "./breakdowns.ts";
import { partnerMayReport, redactConflict } from "./rights.ts";

/**
 * Save a value and contributions. Managers save everything; a partner saves only the
 * contribution of their own institution (other rows in the input are refused).
 */
export async function saveIndicatorValue(input: SaveValueInput): Promise<IndicatorValueRow> {
  return unlessUnchanged<IndicatorValueRow>((nothingChanged) =>
    inTransaction(input.scope, async (scope) => {
      const indicator = await findInTenant(scope, indicators, input.indicatorId);
      const direction = await findInTenant(scope, operationalGoals, indicator.operationalGoalId);
      const goalId = direction.strategicGoalId;
      const canEditAll = canEditIndicatorValue(scope.actor, { goalId });
      for (const c of input.contributions) {
        // Checks the institution belongs to this tenant, and the actor may write its row.
        await findInTenant(scope, institutions, c.institutionId);
        authorize(canEditContribution(scope.actor, { goalId }, c.institutionId));
      }
      const [existing] = await scope.db
        .select()
        .from(indicatorValues)
        .where(
          inTenant(
            scope,
            indicatorValues,
            eq(indicatorValues.indicatorId, indicator.id),
            eq(indicatorValues.year, input.year),
          ),
        )
        .for("update");
      let value: IndicatorValueRow;
      let before: Awaited<ReturnType<typeof valueSnapshot>> | null = null;
      if (!canEditAll) {
        // A partner adds nothing new: only the value its institution already reports (or reported
        // last year), a first value of an indicator of a project its institution carries out, or
        // what a round assigns.
        authorize(await partnerMayReport(scope, indicator, existing ?? null, input.year), {
          hide: true,
        });
        const own = scope.actor.membership?.institutionId;
        if (own) {
          await assertNotLockedForPartner({
            scope,
            kind: "contribution",
            targetId: indicator.id,
            year: input.year,
            institutionId: own,
          });
        }
        if (input.expectedContributionVersion !== undefined) {
          return saveOwnContribution(scope, { ...input, goalId, existing: existing ?? null });
        }
      }
      if (!existing) {
        authorize(canEditAll || input.contributions.length > 0);
        if (input.expectedVersion !== null) {
          throw new ConflictError({ changes: [], by: "inny użytkownik", at: null, current: {} });
        }
        const [row] = await scope.db
          .insert(indicatorValues)
          .values({
            tenantId: scope.tenant.id,
            indicatorId: indicator.id,
            year: input.year,
            total: canEditAll ? (input.total ?? null) : null,
            totalReason: canEditAll ? (input.totalReason ?? null) : null,
            approximate: canEditAll ? (input.approximate ?? false) : false,
            remarks: canEditAll ? (input.remarks ?? null) : null,
            updatedBy: scope.actor.userId,
          })
          .returning()
          .catch(conflictOnDuplicate);
        value = row!;
      } else {
        before = await valueSnapshot(scope, existing);
        if (existing.version !== input.expectedVersion) {
          const conflict = await conflictSince(
            scope,
            "indicator_value",
            existing.id,
            input.expectedVersion ?? 0,
            {
              ...before,
              version: existing.version,
            },
          );
          throw canEditAll
            ? conflict
            : redactConflict(conflict, scope.actor.membership?.institutionId ?? null);
        }
        const [row] = await bumpVersion({
          scope,
          table: indicatorValues,
          where: eq(indicatorValues.id, existing.id),
          expectedVersion: existing.version,
          values: {
            ...(canEditAll
              ? {
                  total: input.total ?? null,
                  totalReason: input.totalReason ?? null,
                  approximate: input.approximate ?? false,
                  remarks: input.remarks ?? null,
                }
              : {}),
            updatedBy: scope.actor.userId,
          },
        });
        value = row!;
      }
      await writeContributions(scope, value, input.contributions);
      if (input.breakdowns) await replaceBreakdowns(scope, value.id, goalId, input.breakdowns);
      const after = await valueSnapshot(scope, value);
      if (existing && diff(before, after).length === 0) nothingChanged(existing);
      await recordChange(scope, {
        entityType: "indicator_value",
        entityId: value.id,
        action: existing ? "update" : "create",
        before,
        after,
        entityVersion: value.version,
      });
      return value;
    }),
  );
}

/** Contributions are updated in place so their own breakdowns ("w tym") survive. */
async function writeContributions(
  scope: TenantScope,
  value: IndicatorValueRow,
  contributions: ContributionInput[],
): Promise<void> {
  const stored = await scope.db
    .select()
    .from(indicatorContributions)
    .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, value.id)));
  for (const [i, c] of contributions.entries()) {
    const hit = stored.find((s) => s.institutionId === c.institutionId);
    if (hit) {
      if (hit.value === c.value && hit.approximate === c.approximate && hit.note === c.note) {
        // Unchanged rows keep their version: a partner editing it meanwhile is not refused.
        continue;
      }
      // The caller's bump of the value locks it: nobody changed this row since it was read.
      await bumpVersion({
        scope,
        table: indicatorContributions,
        where: eq(indicatorContributions.id, hit.id),
        expectedVersion: hit.version,
        values: { value: c.value, approximate: c.approximate, note: c.note },
      });
    } else {
      await scope.db.insert(indicatorContributions).values({
        tenantId: scope.tenant.id,
        valueId: value.id,
        institutionId: c.institutionId,
        value: c.value,
        approximate: c.approximate,
        note: c.note,
        position: stored.length + i,
      });
    }
  }
}
