// Server-side sessions: the cookie holds a random token, the database only its SHA-256,
// so a leaked database does not yield usable sessions.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { sessions, users } from "../../db/schema.ts";
import { signalChange } from "../change-signal.ts";

export type SessionUser = {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  isSystemAdmin: boolean;
  expiresAt: Date;
};

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(opts: {
  db: DbOrTx;
  userId: string;
  hours: number;
}): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + opts.hours * 3600_000);
  await opts.db
    .insert(sessions)
    .values({ tokenHash: tokenHash(token), userId: opts.userId, expiresAt });
  return { token, expiresAt };
}

/**
 * The session's user, or null when the session is unknown or expired. With `renewHours`, an
 * active session past half its lifetime is extended, so people working are not signed out.
 */
export async function findSession(opts: {
  db: DbOrTx;
  token: string;
  renewHours?: number;
}): Promise<SessionUser | null> {
  const rows = await opts.db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      isSystemAdmin: users.isSystemAdmin,
      disabled: users.disabled,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(opts.token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.disabled) return null;
  if (opts.renewHours && row.expiresAt.getTime() - Date.now() < (opts.renewHours * 3600_000) / 2) {
    row.expiresAt = new Date(Date.now() + opts.renewHours * 3600_000);
    await opts.db
      .update(sessions)
      .set({ expiresAt: row.expiresAt })
      .where(eq(sessions.id, row.sessionId));
  }
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    email: row.email,
    name: row.name,
    isSystemAdmin: row.isSystemAdmin,
    expiresAt: row.expiresAt,
  };
}

/** Whose session this token was, even if it has expired (to keep their unsaved form). */
export async function findSessionOwner(opts: {
  db: DbOrTx;
  token: string;
}): Promise<string | null> {
  const [row] = await opts.db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash(opts.token)))
    .limit(1);
  return row?.userId ?? null;
}

export async function deleteSession(opts: { db: DbOrTx; token: string }): Promise<void> {
  await opts.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(opts.token)));
  // Pages kept for this session must not be served to its cookie any more.
  await signalChange(opts.db, "session");
}

export async function deleteExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
