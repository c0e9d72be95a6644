// Closing a reporting round (no more partner work: the coordinator moves on to the report) and
// reopening it with a reason. Both are versioned and recorded in the trail; the reason lives in
// the audit entry, which is where a round's history is read from (decision 046).
import { eq } from "drizzle-orm";
import { reportingRounds } from "../../db/schema.ts";
import { listHistory, recordChange, type HistoryEntry } from "../audit.ts";
import { ForbiddenError, UserInputError } from "../errors.ts";
import { authorize, canManageRounds, canViewRounds } from "../../policies/index.ts";
import { findInTenant, inTransaction, type TenantScope } from "../scope.ts";
import { bumpVersion, conflictSince } from "../versioned-update.ts";

export type RoundStatus = "open" | "closed";

async function setRoundStatus(opts: {
  scope: TenantScope;
  roundId: string;
  expectedVersion: number;
  status: RoundStatus;
  reason: string | null;
}) {
  authorize(canManageRounds(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    const before = await findInTenant(scope, reportingRounds, opts.roundId);
    if (before.version !== opts.expectedVersion) {
      throw await conflictSince(scope, "reporting_round", before.id, opts.expectedVersion, before);
    }
    const [after] = await bumpVersion({
      scope,
      table: reportingRounds,
      where: eq(reportingRounds.id, before.id),
      expectedVersion: opts.expectedVersion,
      values: { status: opts.status, updatedBy: scope.actor.userId || null },
    });
    if (!after) {
      const current = await findInTenant(scope, reportingRounds, before.id);
      throw await conflictSince(scope, "reporting_round", before.id, opts.expectedVersion, current);
    }
    const reasonField = opts.status === "closed" ? "closeReason" : "reopenReason";
    await recordChange(scope, {
      entityType: "reporting_round",
      entityId: before.id,
      action: opts.status === "closed" ? "close" : "reopen",
      before,
      after: opts.reason === null ? after : { ...after, [reasonField]: opts.reason },
      entityVersion: after.version,
    });
    return after;
  });
}

/** Closes an open round; partners can no longer save or submit its items. */
export async function closeRound(opts: {
  scope: TenantScope;
  roundId: string;
  expectedVersion: number;
}) {
  const round = await findInTenant(opts.scope, reportingRounds, opts.roundId);
  if (round.status === "closed") throw new UserInputError("Ta runda jest już zamknięta.");
  return setRoundStatus({ ...opts, status: "closed", reason: null });
}

/** Reopens a closed round; the reason is required and goes into the round's history. */
export async function reopenRound(opts: {
  scope: TenantScope;
  roundId: string;
  expectedVersion: number;
  reason: string;
}) {
  const reason = opts.reason.trim();
  if (reason === "") throw new UserInputError("Podaj powód ponownego otwarcia rundy.");
  const round = await findInTenant(opts.scope, reportingRounds, opts.roundId);
  if (round.status !== "closed") throw new UserInputError("Ta runda jest otwarta.");
  return setRoundStatus({ ...opts, status: "open", reason });
}

/** Refuses partner work in a closed round. */
export function assertRoundOpen(round: { status: string }): void {
  if (round.status === "closed") {
    throw new ForbiddenError(
      "Runda sprawozdawcza jest zamknięta: zmian nie można już zapisać. Jeśli trzeba coś poprawić, poproś koordynatora o ponowne otwarcie rundy.",
    );
  }
}

/** The round's own history: opening, closing, reopening (newest first). */
export async function roundHistory(opts: {
  scope: TenantScope;
  roundId: string;
}): Promise<HistoryEntry[]> {
  authorize(canViewRounds(opts.scope.actor), { hide: true });
  return listHistory({
    scope: opts.scope,
    entityType: "reporting_round",
    entityIds: [opts.roundId],
  });
}
