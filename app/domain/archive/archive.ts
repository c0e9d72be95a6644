// Archiving and restoring (decision 070): an archived item leaves the working lists but stays
// readable where it is referenced. Each change checks the expected version, writes the audit
// entry with the reason and bumps the data version — through updateVersioned.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { memberships } from "../../db/schema.ts";
import { authorize, canArchive } from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { ConflictError, UserInputError } from "../errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { updateVersioned } from "../versioned-update.ts";
import { KIND_NAMES, requireReason, VERSIONED_KINDS, type VersionedKind } from "./kinds.ts";

type VersionedOpts = { scope: TenantScope; id: string; expectedVersion: number; reason: string };

async function setArchived(
  opts: VersionedOpts & { kind: VersionedKind; archive: boolean },
): Promise<{ id: string; version: number; archivedAt: Date | null }> {
  const { scope, kind, archive } = opts;
  authorize(canArchive(scope.actor, kind));
  const reason = requireReason(opts.reason);
  const { table, entityType } = VERSIONED_KINDS[kind];
  const current = (await findInTenant(scope, table, opts.id)) as { archivedAt: Date | null };
  if (archive && current.archivedAt) {
    throw new UserInputError(`${KIND_NAMES[kind]} jest już w archiwum.`);
  }
  if (!archive && !current.archivedAt) {
    throw new UserInputError(`${KIND_NAMES[kind]} nie jest w archiwum.`);
  }
  const row = await updateVersioned({
    scope,
    table,
    entityType,
    id: opts.id,
    expectedVersion: opts.expectedVersion,
    values: archive
      ? { archivedAt: new Date(), archivedBy: scope.actor.userId || null }
      : { archivedAt: null, archivedBy: null },
    action: archive ? "archive" : "restore",
    reason,
  });
  return row as { id: string; version: number; archivedAt: Date | null };
}

export const archiveDocument = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "document", archive: true });
export const restoreDocument = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "document", archive: false });
export const archiveGoal = (o: VersionedOpts) => setArchived({ ...o, kind: "goal", archive: true });
export const restoreGoal = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "goal", archive: false });
export const archiveDirection = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "direction", archive: true });
export const restoreDirection = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "direction", archive: false });
export const archiveProject = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "project", archive: true });
export const restoreProject = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "project", archive: false });
export const archiveIndicator = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "indicator", archive: true });
export const restoreIndicator = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "indicator", archive: false });
export const archiveInstitution = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "institution", archive: true });
export const restoreInstitution = (o: VersionedOpts) =>
  setArchived({ ...o, kind: "institution", archive: false });

/** A membership has no version: the expected state (archived or not) is the guard. */
async function setMemberArchived(opts: {
  scope: TenantScope;
  membershipId: string;
  reason: string;
  archive: boolean;
}) {
  authorize(canArchive(opts.scope.actor, "member"));
  const reason = requireReason(opts.reason);
  return inTransaction(opts.scope, async (scope) => {
    const before = await findInTenant(scope, memberships, opts.membershipId);
    if (opts.archive && before.userId === scope.actor.userId) {
      throw new UserInputError("Nie możesz zarchiwizować własnego dostępu.");
    }
    const [after] = await scope.db
      .update(memberships)
      .set(
        opts.archive
          ? { archivedAt: new Date(), archivedBy: scope.actor.userId || null }
          : { archivedAt: null, archivedBy: null },
      )
      .where(
        inTenant(
          scope,
          memberships,
          and(
            eq(memberships.id, opts.membershipId),
            opts.archive ? isNull(memberships.archivedAt) : isNotNull(memberships.archivedAt),
          ),
        ),
      )
      .returning();
    if (!after) {
      throw new ConflictError({ changes: [], by: "inny użytkownik", at: null, current: before });
    }
    await recordChange(scope, {
      entityType: "membership",
      entityId: after.id,
      action: opts.archive ? "archive" : "restore",
      before,
      after: { ...after, reason },
    });
    return after;
  });
}

type MemberOpts = { scope: TenantScope; membershipId: string; reason: string };
export const archiveMember = (o: MemberOpts) => setMemberArchived({ ...o, archive: true });
export const restoreMember = (o: MemberOpts) => setMemberArchived({ ...o, archive: false });
