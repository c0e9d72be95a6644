// Which server a piece of read-only work reads from (decision 056). The rule lives here, free
// of HTTP: the web layer only says whether the work is read-only and what the reader last
// wrote; the pages, the public API and the domain's read functions just use the handle they
// are given.
//
// The rule: read-only work reads from the standby, unless its reader wrote something the
// standby has not replayed yet — then, and for anything that writes, the primary. "Wrote" is
// the primary's WAL position right after the reader's last write (the write mark), so the
// rule holds whatever the lag: a standby paused for an hour keeps an author on the primary
// for an hour, and a standby a millisecond behind costs them nothing.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import type { ReplicaLink } from "../db/read-replica.ts";
import { tenants } from "../db/schema.ts";
import type { TenantScope } from "./scope.ts";

/** A database handle as the layers above the domain see it (they may not import app/db). */
export type ReadHandle = Db;

export type ReadRoute = {
  /** The primary. */
  db: Db;
  /** The standby's handle (falling back to the primary by itself), or `db` without one. */
  readDb: Db;
  replica: ReplicaLink | null;
};

export type ReadRequest = {
  /** Nothing of this work writes: GET and HEAD. */
  readOnly: boolean;
  /** The primary's WAL position after the reader's last write; null: none recently. */
  writeMark: string | null;
};

/** The handle this work reads from. */
export async function chooseReadDb(route: ReadRoute, request: ReadRequest): Promise<Db> {
  if (!route.replica || route.readDb === route.db || !request.readOnly) return route.db;
  if (request.writeMark === null) return route.readDb;
  return (await route.replica.hasReplayed(request.writeMark)) ? route.readDb : route.db;
}

/**
 * The write mark to hand the author after a write: the primary's WAL position, which holds
 * every transaction committed so far. Null without a standby (nothing to mark) or when the
 * primary cannot tell.
 */
export async function writeMarkAfterWrite(route: ReadRoute): Promise<string | null> {
  if (!route.replica) return null;
  try {
    return await route.replica.writePosition();
  } catch (error) {
    console.warn("Busola: nie udało się odczytać pozycji WAL serwera głównego:", error);
    return null;
  }
}

/**
 * The tenant scope moved to the read handle. Authorization (the tenant and the actor) was
 * decided on the primary; the data version is read again from the handle the data will come
 * from, because the read cache (decision 007) and the page cache (037) file what they compute
 * under it: data of an older version must not be kept under the newer one. A municipality the
 * standby does not have yet (just created) stays on the primary.
 */
export async function scopeOnReadDb(scope: TenantScope, readDb: Db): Promise<TenantScope> {
  if (readDb === scope.db) return scope;
  const [row] = await readDb
    .select({ dataVersion: tenants.dataVersion })
    .from(tenants)
    .where(eq(tenants.id, scope.tenant.id))
    .limit(1);
  if (!row) return scope;
  return { ...scope, db: readDb, tenant: { ...scope.tenant, dataVersion: row.dataVersion } };
}
