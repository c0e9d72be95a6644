// The one way to change an existing row: optimistic locking on `version`, the audit entry
// and the conflict report all happen here, in one transaction. `updateVersioned` is the whole
// of it for one row; `bumpVersion` is the guarded write alone, for the changes that record a
// richer entry of their own (a budget with its parts, a value with its contributions, the import's
// bulk save) — they call recordChange/recordChanges, which write the audit entry and bump the
// tenant's data version, in the same transaction. Nothing else writes `version`.
import { eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { listHistory, recordChange, snapshot, type AuditAction, type EntityType } from "./audit.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { ConflictError, type FieldChange } from "./errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";

type VersionedTable = PgTable & {
  tenantId: PgColumn;
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};

/**
 * Sets `values` and `version = version + 1` (and `updated_at`) on the tenant's rows that `where`
 * names and that still have `expectedVersion`, atomically: the rows written, none when another
 * save got there first. `expectedVersion: null` bumps without checking — a lock that serialises
 * the saves of one value whose parts carry their own versions (decision 018).
 */
export async function bumpVersion<
  T extends PgTable & { tenantId: PgColumn; version: PgColumn },
>(opts: {
  scope: TenantScope;
  table: T;
  where: SQL | undefined;
  expectedVersion: number | null;
  values?: Partial<T["$inferInsert"]>;
}): Promise<T["$inferSelect"][]> {
  const { scope, table } = opts;
  const set: Record<string, unknown> = { ...opts.values, version: sql`${table.version} + 1` };
  if ("updatedAt" in table) set.updatedAt = new Date();
  const guard = opts.expectedVersion === null ? undefined : eq(table.version, opts.expectedVersion);
  return (await scope.db
    .update(table as PgTable)
    .set(set as never)
    .where(inTenant(scope, table, opts.where, guard))
    .returning()) as T["$inferSelect"][];
}

/** Whether every value to set already is the row's value (compared as the audit trail stores them). */
function unchanged(row: Record<string, unknown>, values: Record<string, unknown>): boolean {
  const stored = snapshot(row) ?? {};
  const sent = snapshot(values) ?? {};
  return Object.keys(sent).every(
    (k) => JSON.stringify(stored[k] ?? null) === JSON.stringify(sent[k] ?? null),
  );
}

export async function updateVersioned<T extends VersionedTable>(opts: {
  scope: TenantScope;
  table: T;
  entityType: EntityType;
  id: string;
  expectedVersion: number;
  values: Partial<T["$inferInsert"]>;
  /** What the trail calls this change; "update" unless it is a named step (submit, accept…). */
  action?: AuditAction;
  /** Why (archiving, restoring): kept in the audit entry beside the values after. */
  reason?: string;
}): Promise<T["$inferSelect"]> {
  const { table, entityType, id, expectedVersion } = opts;
  return inTransaction(opts.scope, async (scope) => {
    const before = (await findInTenant(scope, table, id)) as Record<string, unknown>;
    if (before.version !== expectedVersion) {
      throw await conflictSince(scope, entityType, id, expectedVersion, before);
    }
    // Nothing to change (a form saved untouched): no write, no new version, no audit entry.
    if ((opts.action ?? "update") === "update" && unchanged(before, opts.values)) {
      return before as T["$inferSelect"];
    }
    const values: Record<string, unknown> = { ...opts.values };
    if ("updatedBy" in table) values.updatedBy = scope.actor.userId;
    const [after] = (await bumpVersion({
      scope,
      table,
      where: eq(table.id, id),
      expectedVersion,
      values: values as Partial<T["$inferInsert"]>,
    })) as Record<string, unknown>[];
    if (!after) {
      // Lost the race between our read and our write: report what the winner changed.
      const current = (await findInTenant(scope, table, id)) as Record<string, unknown>;
      throw await conflictSince(scope, entityType, id, expectedVersion, current);
    }
    await recordChange(scope, {
      entityType,
      entityId: id,
      action: opts.action ?? "update",
      before,
      after: opts.reason === undefined ? after : { ...after, reason: opts.reason },
      entityVersion: after.version as number,
    });
    return after as T["$inferSelect"];
  });
}

/** What changed since `baseVersion`, from the audit trail, as the error to show the user. */
export async function conflictSince(
  scope: TenantScope,
  entityType: EntityType,
  id: string,
  baseVersion: number,
  current: Record<string, unknown>,
): Promise<ConflictError> {
  const entries = await listHistory({
    scope,
    entityType,
    entityIds: [id],
    afterVersion: baseVersion,
  });
  const firstBefore = new Map<string, unknown>();
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (!firstBefore.has(change.field)) firstBefore.set(change.field, change.before);
    }
  }
  const now = snapshot(current) ?? {};
  const changes: FieldChange[] = [...firstBefore].map(([field, before]) => ({
    field,
    before,
    after: now[field] ?? null,
  }));
  const last = entries.at(-1);
  return new ConflictError({
    changes,
    by: last?.userName ?? "inny użytkownik",
    at: last?.at ?? null,
    current,
  });
}

/**
 * Two first saves of the same card, value or budget: the database's unique constraint lets one
 * through; the other is told someone saved first, like any other conflict.
 */
export function conflictOnDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new ConflictError({ changes: [], by: "inny użytkownik", at: null, current: {} });
  }
  throw error;
}

/** Thrown inside a save's transaction when the save changed nothing: rolls the writes back. */
class NothingChanged<R> extends Error {
  readonly row: R;
  constructor(row: R) {
    super("nothing changed");
    this.row = row;
  }
}

/**
 * For saves that write first and compare after (a value with its contributions, a budget with
 * its parts): call `nothingChanged(row)` once the before and after snapshots are equal, and
 * the transaction is rolled back — no new version, no audit entry — and `row` is returned.
 */
export async function unlessUnchanged<R>(
  save: (nothingChanged: (row: R) => never) => Promise<R>,
): Promise<R> {
  try {
    return await save((row) => {
      throw new NothingChanged(row);
    });
  } catch (error) {
    if (error instanceof NothingChanged) return error.row as R;
    throw error;
  }
}
