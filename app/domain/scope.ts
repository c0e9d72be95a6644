// Tenant scoping lives here and only here. A TenantScope is created after the policy
// `canAccessTenant` has passed; every read and write of a municipality's rows goes through
// its helpers, which add the tenant condition themselves. Composite (tenant_id, id) foreign
// keys make the database refuse cross-tenant references as a second line. See decision 003.
import { and, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import { NotFoundError } from "./errors.ts";

export type Tenant = {
  id: string;
  slug: string;
  teryt: string;
  name: string;
  kind: string;
  /** As read at the start of the request; see read-cache.ts. */
  dataVersion: number;
};

export type TenantScope = {
  db: DbOrTx;
  tenant: Tenant;
  actor: Actor;
};

type TenantTable = PgTable & { tenantId: PgColumn; id: PgColumn };

/** The tenant condition for a table, combined with any further conditions. */
export function inTenant(
  scope: TenantScope,
  table: { tenantId: PgColumn },
  ...more: (SQL | undefined)[]
): SQL {
  return and(eq(table.tenantId, scope.tenant.id), ...more) as SQL;
}

/**
 * The join condition to a parent row in the scope's municipality. With the id alone the
 * planner may hash every municipality's rows of the parent table (decision 058); with the
 * tenant it reads this municipality's through the (tenant_id, id) key.
 */
export function joinInTenant(
  scope: TenantScope,
  parent: { tenantId: PgColumn; id: PgColumn },
  ref: PgColumn,
): SQL {
  return and(eq(parent.tenantId, scope.tenant.id), eq(parent.id, ref)) as SQL;
}

/** One row of the tenant by id, or NotFoundError — the same answer for "absent" and "another tenant's". */
export async function findInTenant<T extends TenantTable>(
  scope: TenantScope,
  table: T,
  id: string,
): Promise<T["$inferSelect"]> {
  if (!isUuid(id)) throw new NotFoundError();
  const rows = await scope.db
    .select()
    .from(table as PgTable)
    .where(inTenant(scope, table, eq(table.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError();
  return row as T["$inferSelect"];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Run `fn` in a transaction with a scope bound to it. */
export async function inTransaction<R>(
  scope: TenantScope,
  fn: (txScope: TenantScope) => Promise<R>,
): Promise<R> {
  // Inside a transaction this opens a savepoint, so callers can nest freely.
  return scope.db.transaction((tx) => fn({ ...scope, db: tx }));
}
