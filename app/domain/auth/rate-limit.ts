// Failed sign-ins are counted in the database per (e-mail, client address), so the limit
// holds across restarts and across server processes sharing one PostgreSQL.
import { and, count, eq, gt, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { loginAttempts } from "../../db/schema.ts";

export type LoginLimit = { maxAttempts: number; windowMinutes: number };

export function attemptKey(email: string, clientAddress: string): string {
  return `${email.trim().toLowerCase()}|${clientAddress}`;
}

export async function isLockedOut(opts: {
  db: DbOrTx;
  key: string;
  limit: LoginLimit;
}): Promise<boolean> {
  const since = new Date(Date.now() - opts.limit.windowMinutes * 60_000);
  const [row] = await opts.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, opts.key), gt(loginAttempts.at, since)));
  return (row?.n ?? 0) >= opts.limit.maxAttempts;
}

export async function recordFailedAttempt(opts: {
  db: DbOrTx;
  key: string;
  limit: LoginLimit;
}): Promise<void> {
  await opts.db.insert(loginAttempts).values({ key: opts.key });
  const stale = new Date(Date.now() - opts.limit.windowMinutes * 60_000);
  await opts.db
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.key, opts.key), lt(loginAttempts.at, stale)));
}

export async function clearAttempts(opts: { db: DbOrTx; key: string }): Promise<void> {
  await opts.db.delete(loginAttempts).where(eq(loginAttempts.key, opts.key));
}
