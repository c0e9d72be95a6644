// Failed sign-ins are counted in the database, so the limit holds across restarts and across
// server processes sharing one PostgreSQL. Two counters: per (e-mail, client address) guards
// one account against guessing; per client address guards against password spraying (many
// accounts, a few common passwords each), which the first counter never sees.
import { and, asc, count, eq, gt, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { loginAttempts } from "../../db/schema.ts";

export type LoginLimit = {
  /** Failed attempts per account and address within the window. */
  maxAttempts: number;
  /** Failed attempts from one address, whatever the accounts, within the window. */
  maxPerAddress: number;
  windowMinutes: number;
};

export function attemptKey(email: string, clientAddress: string): string {
  return `${email.trim().toLowerCase()}|${clientAddress}`;
}

/** The address counter's key; an e-mail never starts with "@", so the keys cannot collide. */
export function addressKey(clientAddress: string): string {
  return `@address|${clientAddress}`;
}

/** Seconds until the next attempt under `key` is allowed again; 0 when it is allowed now. */
export async function lockedForSeconds(opts: {
  db: DbOrTx;
  key: string;
  max: number;
  windowMinutes: number;
}): Promise<number> {
  const windowMs = opts.windowMinutes * 60_000;
  const since = new Date(Date.now() - windowMs);
  const inWindow = and(eq(loginAttempts.key, opts.key), gt(loginAttempts.at, since));
  const [row] = await opts.db.select({ n: count() }).from(loginAttempts).where(inWindow);
  const n = row?.n ?? 0;
  if (n < opts.max) return 0;
  // The lock lifts when enough of the oldest attempts have left the window.
  const [oldest] = await opts.db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(inWindow)
    .orderBy(asc(loginAttempts.at))
    .offset(n - opts.max)
    .limit(1);
  const until = (oldest?.at.getTime() ?? Date.now()) + windowMs;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

export async function recordFailedAttempt(opts: {
  db: DbOrTx;
  key: string;
  windowMinutes: number;
}): Promise<void> {
  await opts.db.insert(loginAttempts).values({ key: opts.key });
  const stale = new Date(Date.now() - opts.windowMinutes * 60_000);
  await opts.db
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.key, opts.key), lt(loginAttempts.at, stale)));
}

export async function clearAttempts(opts: { db: DbOrTx; key: string }): Promise<void> {
  await opts.db.delete(loginAttempts).where(eq(loginAttempts.key, opts.key));
}
