// What every step of saving an import shares: the transaction's scope, the audit entries and
// counts collected on the way, batched inserts, and the version-checked change of a row read
// in the same transaction.
import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { recordChanges, EntityType } from "../audit.ts";
import { ConflictError } from "../errors.ts";
import type { TenantScope } from "../scope.ts";
import { bumpVersion } from "../versioned-update.ts";

export type Change = Parameters<typeof recordChanges>[1][number];

export type SaveContext = {
  scope: TenantScope;
  tenantId: string;
  userId: string | null;
  year: number;
  /** Where the data came from, kept with each value ("import: raport-2020.docx"). */
  sourceLabel: string;
  changes: Change[];
  created: Record<string, number>;
  updated: Record<string, number>;
};

export function newSaveContext(scope: TenantScope, year: number, sourceLabel: string): SaveContext {
  return {
    scope,
    tenantId: scope.tenant.id,
    userId: scope.actor.userId || null,
    year,
    sourceLabel,
    changes: [],
    created: {},
    updated: {},
  };
}

export function count(into: Record<string, number>, what: string, n = 1): void {
  if (n > 0) into[what] = (into[what] ?? 0) + n;
}

/** A row created by the import: its audit entry and its count. */
export function created(
  ctx: SaveContext,
  entityType: EntityType,
  row: { id: string } & Record<string, unknown>,
): void {
  ctx.changes.push({ entityType, entityId: row.id, action: "create", before: null, after: row });
  count(ctx.created, entityType);
}

/** A row the import changed: its audit entry with before and after, and its count. */
export function updated(
  ctx: SaveContext,
  entityType: EntityType,
  entityId: string,
  before: unknown,
  after: ({ version?: number } & Record<string, unknown>) | null | undefined,
): void {
  ctx.changes.push({
    entityType,
    entityId,
    action: "update",
    before: (before ?? null) as Change["before"],
    after: (after ?? null) as Change["after"],
    entityVersion: after?.version,
  });
  count(ctx.updated, entityType);
}

const CHUNK = 400;

export async function insertAll<T>(
  scope: TenantScope,
  table: Parameters<TenantScope["db"]["insert"]>[0],
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await scope.db.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

/**
 * The import's change of a row it has read in this transaction: checked against the version it
 * read, so an edit saved meanwhile is refused (a conflict) rather than overwritten.
 */
export async function bumpReadRow<
  T extends PgTable & { tenantId: PgColumn; id: PgColumn; version: PgColumn },
>(
  scope: TenantScope,
  table: T,
  before: { id: string; version: number } | undefined,
  values: Partial<T["$inferInsert"]>,
  id = before?.id,
): Promise<T["$inferSelect"]> {
  const [after] = await bumpVersion({
    scope,
    table,
    where: eq(table.id, id!),
    expectedVersion: before?.version ?? null,
    values,
  });
  if (!after)
    throw new ConflictError({ changes: [], by: "inny użytkownik", at: null, current: {} });
  return after;
}
