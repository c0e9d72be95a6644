// Deleting for good (decision 070): only an item nothing uses; anything else is archived. The
// audit entry keeps what the item was.
import { and, eq } from "drizzle-orm";
import { memberships } from "../../db/schema.ts";
import { authorize, canDeletePermanently } from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { UserInputError } from "../errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { conflictSince } from "../versioned-update.ts";
import { KIND_NAMES, VERSIONED_KINDS, type ArchiveKind, type VersionedKind } from "./kinds.ts";
import { usesOf } from "./usage.ts";

function refuse(kind: ArchiveKind, found: string[]): never {
  throw new UserInputError(
    `${KIND_NAMES[kind]} jest już używany(a): ${found.join(", ")}. ` +
      "Trwale usunąć można tylko to, czego nigdy nie użyto — zarchiwizuj zamiast tego; " +
      "z archiwum można przywrócić.",
  );
}

async function deleteVersioned(opts: {
  scope: TenantScope;
  kind: VersionedKind;
  id: string;
  expectedVersion: number;
}): Promise<void> {
  const { kind } = opts;
  authorize(canDeletePermanently(opts.scope.actor, kind));
  const { table, entityType } = VERSIONED_KINDS[kind];
  await inTransaction(opts.scope, async (scope) => {
    const before = (await findInTenant(scope, table, opts.id)) as Record<string, unknown>;
    if (before.version !== opts.expectedVersion) {
      throw await conflictSince(scope, entityType, opts.id, opts.expectedVersion, before);
    }
    const found = await usesOf({ scope, kind, id: opts.id });
    if (found.length > 0) refuse(kind, found);
    await scope.db
      .delete(table)
      .where(
        inTenant(scope, table, eq(table.id, opts.id), eq(table.version, opts.expectedVersion)),
      );
    await recordChange(scope, {
      entityType,
      entityId: opts.id,
      action: "delete",
      before,
      after: null,
      entityVersion: opts.expectedVersion,
    });
  });
}

type DeleteOpts = { scope: TenantScope; id: string; expectedVersion: number };
export const deleteDocument = (o: DeleteOpts) => deleteVersioned({ ...o, kind: "document" });
export const deleteGoal = (o: DeleteOpts) => deleteVersioned({ ...o, kind: "goal" });
export const deleteDirection = (o: DeleteOpts) => deleteVersioned({ ...o, kind: "direction" });
export const deleteProject = (o: DeleteOpts) => deleteVersioned({ ...o, kind: "project" });
export const deleteIndicator = (o: DeleteOpts) => deleteVersioned({ ...o, kind: "indicator" });
export const deleteInstitution = (o: DeleteOpts) => deleteVersioned({ ...o, kind: "institution" });

/** A membership whose person never changed anything here; the account itself stays. */
export async function deleteMember(opts: {
  scope: TenantScope;
  membershipId: string;
}): Promise<void> {
  authorize(canDeletePermanently(opts.scope.actor, "member"));
  await inTransaction(opts.scope, async (scope) => {
    const before = await findInTenant(scope, memberships, opts.membershipId);
    if (before.userId === scope.actor.userId) {
      throw new UserInputError("Nie możesz usunąć własnego dostępu.");
    }
    const found = await usesOf({ scope, kind: "member", id: before.id, userId: before.userId });
    if (found.length > 0) refuse("member", found);
    await scope.db
      .delete(memberships)
      .where(inTenant(scope, memberships, and(eq(memberships.id, before.id))));
    await recordChange(scope, {
      entityType: "membership",
      entityId: before.id,
      action: "delete",
      before,
      after: null,
    });
  });
}
