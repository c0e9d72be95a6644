// Single-use, expiring links (invitations, password reset). The link carries a random
// 256-bit token; the database keeps only its SHA-256, like sessions (decision 004).
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { authTokens } from "../../db/schema.ts";

export type TokenPurpose = "invitation" | "password_reset";
export type AuthToken = typeof authTokens.$inferSelect;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueToken(opts: {
  db: DbOrTx;
  purpose: TokenPurpose;
  email: string;
  hours: number;
  name?: string | null;
  tenantId?: string | null;
  institutionId?: string | null;
  userId?: string | null;
  createdBy?: string | null;
}): Promise<{ token: string; row: AuthToken }> {
  const token = randomBytes(32).toString("base64url");
  const [row] = await opts.db
    .insert(authTokens)
    .values({
      tokenHash: hashToken(token),
      purpose: opts.purpose,
      email: opts.email,
      name: opts.name ?? null,
      tenantId: opts.tenantId ?? null,
      institutionId: opts.institutionId ?? null,
      userId: opts.userId ?? null,
      createdBy: opts.createdBy || null,
      expiresAt: new Date(Date.now() + opts.hours * 3600_000),
    })
    .returning();
  return { token, row: row! };
}

/** The token's row while it is unused and unexpired; null otherwise (no reason given away). */
export async function findValidToken(opts: {
  db: DbOrTx;
  token: string;
  purpose: TokenPurpose;
}): Promise<AuthToken | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(opts.token)) return null;
  const [row] = await opts.db
    .select()
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(opts.token)),
        eq(authTokens.purpose, opts.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** Marks the token used; of two simultaneous uses only one gets the row back. */
export async function useToken(opts: {
  db: DbOrTx;
  token: string;
  purpose: TokenPurpose;
}): Promise<AuthToken | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(opts.token)) return null;
  const [row] = await opts.db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(opts.token)),
        eq(authTokens.purpose, opts.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  return row ?? null;
}

export const EXPIRED_LINK = "Ten link wygasł albo został już użyty. Poproś o nowy.";
