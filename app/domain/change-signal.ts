// A signal sent by the database when a change that caches depend on commits: every audited
// change (recordChange, which also bumps the tenant's data version), a sign-out, sessions ended
// by a password reset, accounts disabled. NOTIFY inside a transaction is delivered on commit
// and never on rollback. On PGlite — one process owns the data directory (decision 025) — the
// listener runs before the committing call returns, so nothing can read the old state after
// the change without the signal having arrived first; the page cache then keeps what it
// checked in memory (decision 038). On PostgreSQL delivery is asynchronous and other
// processes may write: no listener is offered, and callers check the database every time.
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.ts";

export const CHANGE_CHANNEL = "busola_changes";

/** Part of the caller's transaction: the signal goes out when (and if) it commits. */
export async function signalChange(db: DbOrTx, what: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${what})`);
}

type PgliteListener = {
  listen: (channel: string, callback: (payload: string) => void) => Promise<unknown>;
};

/**
 * Calls `listener` on every committed change; resolves to false (and never calls it) where the
 * signal cannot be trusted to arrive before the next read (PostgreSQL).
 */
export async function listenForChanges(opts: {
  db: Db;
  engine: "pglite" | "postgres";
  listener: (what: string) => void;
}): Promise<boolean> {
  if (opts.engine !== "pglite") return false;
  const client = (opts.db as unknown as { $client: PgliteListener }).$client;
  await client.listen(CHANGE_CHANNEL, opts.listener);
  return true;
}
