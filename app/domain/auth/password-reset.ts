// "Nie pamiętasz hasła?": a single-use link by e-mail, valid for an hour. The answer to the
// request never says whether the account exists.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { memberships, sessions, users } from "../../db/schema.ts";
import { signalChange } from "../change-signal.ts";
import { authorize, canManageMembers } from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { findInTenant, inTransaction, type TenantScope } from "../scope.ts";
import { sendMail } from "../mail/send.ts";
import { passwordResetMail } from "../mail/templates.ts";
import { getMailTransport } from "../mail/transport.ts";
import { UserInputError } from "../errors.ts";
import { hashPassword, passwordProblem } from "./passwords.ts";
import { EXPIRED_LINK, issueToken, useToken } from "./tokens.ts";

const HOURS = 1;

export async function requestPasswordReset(opts: { db: DbOrTx; email: string }): Promise<void> {
  const email = opts.email.trim().toLowerCase();
  const [user] = await opts.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user || user.disabled || user.isDemo) return;
  const { token } = await issueToken({
    db: opts.db,
    purpose: "password_reset",
    email,
    hours: HOURS,
    userId: user.id,
  });
  // Logged under a municipality of the user, so its administrator can read it in the outbox.
  const [m] = await opts.db
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .limit(1);
  await sendMail({
    db: opts.db,
    tenantId: m?.tenantId ?? null,
    kind: "password_reset",
    message: passwordResetMail({
      to: email,
      link: `${getMailTransport().publicUrl}/haslo/${token}`,
      hours: HOURS,
    }),
  });
}

/**
 * An administrator sends a member the reset link: the link goes to the member only (the outbox
 * hides it from everyone), the member is told who asked, and the audit records it.
 */
export async function sendPasswordResetToMember(opts: {
  scope: TenantScope;
  membershipId: string;
}): Promise<void> {
  authorize(canManageMembers(opts.scope.actor));
  await inTransaction(opts.scope, async (scope) => {
    const membership = await findInTenant(scope, memberships, opts.membershipId);
    const [user] = await scope.db.select().from(users).where(eq(users.id, membership.userId));
    if (!user || user.disabled)
      throw new UserInputError("To konto jest wyłączone: nie można ustawić mu nowego hasła.");
    const { token, row } = await issueToken({
      db: scope.db,
      purpose: "password_reset",
      email: user.email,
      hours: HOURS,
      userId: user.id,
      createdBy: scope.actor.userId || null,
    });
    await sendMail({
      db: scope.db,
      tenantId: scope.tenant.id,
      kind: "password_reset",
      message: passwordResetMail({
        to: user.email,
        link: `${getMailTransport().publicUrl}/haslo/${token}`,
        hours: HOURS,
        requestedBy: { name: scope.actor.name, tenantName: scope.tenant.name },
      }),
    });
    await recordChange(scope, {
      entityType: "membership",
      entityId: membership.id,
      action: "password_reset",
      before: null,
      after: { email: user.email, linkExpiresAt: row.expiresAt.toISOString() },
    });
  });
}

export async function resetPassword(opts: {
  db: DbOrTx;
  token: string;
  password: string;
}): Promise<void> {
  const problem = passwordProblem(opts.password);
  if (problem) throw new UserInputError(problem, "password");
  await opts.db.transaction(async (tx) => {
    const row = await useToken({ db: tx, token: opts.token, purpose: "password_reset" });
    if (!row?.userId) throw new UserInputError(EXPIRED_LINK);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(opts.password) })
      .where(eq(users.id, row.userId));
    // Whoever knew the old password is signed out everywhere.
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    await signalChange(tx, "session");
  });
}
