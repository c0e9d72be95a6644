import { count, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { memberships, membershipGoals, users } from "../db/schema.ts";
import type { Role } from "./actor.ts";
import { hashPassword, passwordProblem } from "./auth/passwords.ts";
import { UserInputError } from "./errors.ts";
import { signalChange } from "./change-signal.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createUser(opts: {
  db: DbOrTx;
  email: string;
  name: string;
  password: string;
  isSystemAdmin?: boolean;
  isDemo?: boolean;
  /** Demo and test accounts may use short passwords; real accounts may not. */
  skipPasswordPolicy?: boolean;
}): Promise<{ id: string; email: string }> {
  const email = opts.email.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw new UserInputError("Podaj poprawny adres e-mail, np. jan.kowalski@mops.pl.", "email");
  if (!opts.name.trim()) throw new UserInputError("Podaj imię i nazwisko.", "name");
  const problem = opts.skipPasswordPolicy ? null : passwordProblem(opts.password);
  if (problem) throw new UserInputError(problem, "password");
  const existing = await opts.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing.length > 0) throw new UserInputError(`Konto ${email} już istnieje.`);
  const [row] = await opts.db
    .insert(users)
    .values({
      email,
      name: opts.name.trim(),
      passwordHash: await hashPassword(opts.password),
      isSystemAdmin: opts.isSystemAdmin ?? false,
      isDemo: opts.isDemo ?? false,
    })
    .returning({ id: users.id, email: users.email });
  return row!;
}

export async function countSystemAdmins(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.isSystemAdmin, true));
  return row?.n ?? 0;
}

export async function addMembership(opts: {
  db: DbOrTx;
  tenantId: string;
  userId: string;
  role: Role;
  institutionId?: string | null;
  goalIds?: string[];
}): Promise<string> {
  if (opts.role === "partner" && !opts.institutionId) {
    throw new UserInputError("Realizator musi być przypisany do instytucji.");
  }
  const [row] = await opts.db
    .insert(memberships)
    .values({
      tenantId: opts.tenantId,
      userId: opts.userId,
      role: opts.role,
      institutionId: opts.role === "partner" ? opts.institutionId : null,
    })
    .returning({ id: memberships.id });
  for (const goalId of opts.goalIds ?? []) {
    await opts.db
      .insert(membershipGoals)
      .values({ tenantId: opts.tenantId, membershipId: row!.id, goalId });
  }
  return row!.id;
}

/** Demo accounts exist for exploring; production must never accept them. */
export async function setDemoAccountsEnabled(db: DbOrTx, enabled: boolean): Promise<void> {
  await db.update(users).set({ disabled: !enabled }).where(eq(users.isDemo, true));
  await signalChange(db, "accounts");
}
