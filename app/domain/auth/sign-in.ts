import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { users } from "../../db/schema.ts";
import { verifyPassword } from "./passwords.ts";
import {
  attemptKey,
  clearAttempts,
  isLockedOut,
  recordFailedAttempt,
  type LoginLimit,
} from "./rate-limit.ts";
import { createSession } from "./sessions.ts";
import { plural } from "../../format/polish-plural.ts";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; reason: "invalid" | "locked"; message: string };

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0gRZbUNHyF0dKOWmgvfoRZZFR1mI1RF4ldrLn24Rr2w";

export async function signIn(opts: {
  db: DbOrTx;
  email: string;
  password: string;
  clientAddress: string;
  limit: LoginLimit;
  sessionHours: number;
}): Promise<SignInResult> {
  const email = opts.email.trim().toLowerCase();
  const key = attemptKey(email, opts.clientAddress);
  if (await isLockedOut({ db: opts.db, key, limit: opts.limit })) {
    return {
      ok: false,
      reason: "locked",
      message: `Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za ${opts.limit.windowMinutes} ${plural(opts.limit.windowMinutes, "minutę", "minuty", "minut")}.`,
    };
  }
  const [user] = await opts.db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, opts.password);
  if (!user || !valid || user.disabled) {
    await recordFailedAttempt({ db: opts.db, key, limit: opts.limit });
    return { ok: false, reason: "invalid", message: "Nieprawidłowy adres e-mail lub hasło." };
  }
  await clearAttempts({ db: opts.db, key });
  const session = await createSession({ db: opts.db, userId: user.id, hours: opts.sessionHours });
  return { ok: true, ...session, userId: user.id };
}
