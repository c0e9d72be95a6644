// A partner's save of its own contribution, checked against the contribution's own version
// (decision 018), and the conflict it reports.
import { and, eq } from "drizzle-orm";
import { indicatorContributions, indicatorValues, institutions } from "../../db/schema.ts";
import { authorize } from "../../policies/index.ts";
import { listHistory, recordChange } from "../audit.ts";
import { ConflictError } from "../errors.ts";
import { findInTenant, type TenantScope } from "../scope.ts";
import { bumpVersion, conflictOnDuplicate } from "../versioned-update.ts";
import type { IndicatorValueRow, SaveValueInput } from "./types.ts";
import { readValueState, valueSnapshot } from "./snapshot.ts";
import { replaceBreakdowns } from "./breakdowns.ts";

/**
 * A partner's save of its own contribution: serialised with every other save of the value by
 * the lock its version bump takes, but checked only against the contribution's own version.
 */
export async function saveOwnContribution(
  scope: TenantScope,
  input: SaveValueInput & { goalId: string; existing: IndicatorValueRow | null },
): Promise<IndicatorValueRow> {
  const own = scope.actor.membership?.institutionId ?? null;
  const mine = input.contributions.filter((c) => c.institutionId === own);
  // canEditContribution has already refused other institutions' rows.
  authorize(!!own && mine.length === 1 && input.contributions.length === 1);
  const contribution = mine[0]!;
  const expected = input.expectedContributionVersion ?? null;
  let value: IndicatorValueRow;
  let created = false;
  if (!input.existing) {
    // Two institutions' first reports of a new value: both join the same row.
    const [row] = await scope.db
      .insert(indicatorValues)
      .values({
        tenantId: scope.tenant.id,
        indicatorId: input.indicatorId,
        year: input.year,
        updatedBy: scope.actor.userId,
      })
      .onConflictDoNothing({ target: [indicatorValues.indicatorId, indicatorValues.year] })
      .returning();
    if (row) {
      value = row;
      created = true;
    }
  }
  if (!created) {
    // Bumping the value's version (without checking it) tells a coordinator's form that a
    // contribution changed, and locks the value until commit, so the snapshots are consistent.
    const [row] = await bumpVersion({
      scope,
      table: indicatorValues,
      where: and(
        eq(indicatorValues.indicatorId, input.indicatorId),
        eq(indicatorValues.year, input.year),
      ),
      expectedVersion: null,
      values: { updatedBy: scope.actor.userId },
    });
    value = row!;
  }
  // The state before the save also gives the institution's stored contribution and the
  // value's contribution ids: a partner's save reads each once (decision 077).
  const state = created ? null : await readValueState(scope, value!);
  const before = state?.snapshot ?? null;
  const contributions = state?.contributions ?? [];
  const stored = contributions.find((c) => c.institutionId === own);
  if ((stored?.version ?? null) !== expected) {
    throw await contributionConflict(scope, value!, own!, expected, stored ?? null);
  }
  if (stored) {
    await bumpVersion({
      scope,
      table: indicatorContributions,
      where: eq(indicatorContributions.id, stored.id),
      expectedVersion: stored.version,
      values: {
        value: contribution.value,
        approximate: contribution.approximate,
        note: contribution.note,
      },
    });
  } else {
    const [inserted] = await scope.db
      .insert(indicatorContributions)
      .values({
        tenantId: scope.tenant.id,
        valueId: value!.id,
        institutionId: own!,
        value: contribution.value,
        approximate: contribution.approximate,
        note: contribution.note,
        position: contributions.length,
      })
      .returning()
      .catch(conflictOnDuplicate);
    contributions.push(inserted!);
  }
  if (input.breakdowns)
    await replaceBreakdowns(scope, value!.id, input.goalId, input.breakdowns, contributions);
  await recordChange(scope, {
    entityType: "indicator_value",
    entityId: value!.id,
    action: created ? "create" : "update",
    before,
    after: await valueSnapshot(scope, value!),
    entityVersion: value!.version,
  });
  return value!;
}

type ContributionState = { value: number | null; version?: number } & Record<string, unknown>;

/** Who saved this institution's contribution after the version the user's form showed. */
async function contributionConflict(
  scope: TenantScope,
  value: IndicatorValueRow,
  institutionId: string,
  expected: number | null,
  stored: typeof indicatorContributions.$inferSelect | null,
): Promise<ConflictError> {
  const entries = await listHistory({
    scope,
    entityType: "indicator_value",
    entityIds: [value.id],
    limit: 50,
  });
  const ownOf = (v: unknown) =>
    ((v as Record<string, ContributionState> | null) ?? {})[institutionId] ?? null;
  // Newest first: keep the entries that changed this contribution past the user's version.
  const since = entries.filter((e) =>
    e.changes.some((c) => {
      if (c.field !== "contributions") return false;
      const after = ownOf(c.after);
      return (
        JSON.stringify(ownOf(c.before)) !== JSON.stringify(after) &&
        (after?.version ?? Number.MAX_SAFE_INTEGER) > (expected ?? 0)
      );
    }),
  );
  const current = stored
    ? { value: stored.value, approximate: stored.approximate, note: stored.note }
    : null;
  const oldest = since.at(-1)?.changes.find((c) => c.field === "contributions");
  const institution = await findInTenant(scope, institutions, institutionId);
  return new ConflictError({
    institutionNames: new Map([[institutionId, institution.shortName ?? institution.name]]),
    by: since[0]?.userName ?? "inny użytkownik",
    at: since[0]?.at ?? null,
    changes: [
      {
        field: "contributions",
        before: { [institutionId]: oldest ? ownOf(oldest.before) : null },
        after: { [institutionId]: current },
      },
    ],
    current: {
      contributions: { [institutionId]: current },
      version: value.version,
      contributionVersion: stored?.version ?? null,
    },
  });
}
