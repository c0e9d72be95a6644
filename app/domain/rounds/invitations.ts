// Inviting a person at an institution: a single-use link by e-mail; following it creates the
// account with the password they choose and the partner's membership in the municipality.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { institutions, memberships, tenants, users } from "../../db/schema.ts";
import { authorize, canManageRounds } from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { UserInputError } from "../errors.ts";
import { createUser, addMembership } from "../users.ts";
import { findInTenant, inTransaction, type TenantScope } from "../scope.ts";
import { EXPIRED_LINK, findValidToken, issueToken, useToken } from "../auth/tokens.ts";
import { passwordProblem } from "../auth/password-policy.ts";
import { sendMail } from "../mail/send.ts";
import { invitationMail } from "../mail/templates.ts";
import { getMailTransport } from "../mail/transport.ts";
import { loadActor } from "../tenants.ts";

const VALID_DAYS = 14;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function invitePartner(opts: {
  scope: TenantScope;
  institutionId: string;
  email: string;
  name: string;
}): Promise<{ linkForInviter: string | null }> {
  authorize(canManageRounds(opts.scope.actor));
  const email = opts.email.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw new UserInputError("Wpisz poprawny adres e-mail, np. jan.kowalski@pup.pl.", "email");
  return inTransaction(opts.scope, async (scope) => {
    const institution = await findInTenant(scope, institutions, opts.institutionId);
    const { token, row } = await issueToken({
      db: scope.db,
      purpose: "invitation",
      email,
      name: opts.name.trim() || null,
      hours: VALID_DAYS * 24,
      tenantId: scope.tenant.id,
      institutionId: institution.id,
      createdBy: scope.actor.userId,
    });
    const transport = getMailTransport();
    const link = `${transport.publicUrl}/zaproszenie/${token}`;
    await sendMail({
      db: scope.db,
      tenantId: scope.tenant.id,
      kind: "invitation",
      message: invitationMail({
        to: email,
        tenantName: scope.tenant.name,
        institutionName: institution.name,
        link,
        expiresAt: row.expiresAt,
        invitedBy: scope.actor.name,
      }),
    });
    await recordChange(scope, {
      entityType: "invitation",
      entityId: row.id,
      action: "invite",
      before: null,
      after: { email, institutionId: institution.id, expiresAt: row.expiresAt.toISOString() },
    });
    // Without SMTP nothing leaves: the inviter, who could invite any address anyway, hands the
    // link over. The outbox hides it from everyone.
    return { linkForInviter: transport.kind === "outbox" ? link : null };
  });
}

/** What the invitation page shows before the password is set; null for a used or expired link. */
export async function describeInvitation(opts: { db: DbOrTx; token: string }) {
  const row = await findValidToken({ db: opts.db, token: opts.token, purpose: "invitation" });
  if (!row?.tenantId || !row.institutionId) return null;
  const [t] = await opts.db.select().from(tenants).where(eq(tenants.id, row.tenantId));
  const [inst] = await opts.db
    .select()
    .from(institutions)
    .where(eq(institutions.id, row.institutionId));
  const [existing] = await opts.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, row.email));
  return {
    email: row.email,
    name: row.name ?? "",
    tenantName: t?.name ?? "",
    institutionName: inst?.name ?? "",
    hasAccount: !!existing,
  };
}

/**
 * Accept: a new person sets name and password; a person who already has an account only gains
 * the membership (their password is not touched). Returns the user and the municipality.
 */
export async function acceptInvitation(opts: {
  db: DbOrTx;
  token: string;
  name: string;
  password: string;
}): Promise<{ userId: string; tenantSlug: string; newAccount: boolean }> {
  return opts.db.transaction(async (tx) => {
    const row = await useToken({ db: tx, token: opts.token, purpose: "invitation" });
    if (!row?.tenantId || !row.institutionId) throw new UserInputError(EXPIRED_LINK);
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, row.tenantId));
    let [user] = await tx.select().from(users).where(eq(users.email, row.email));
    const newAccount = !user;
    if (!user) {
      const problem = passwordProblem(opts.password);
      if (problem) throw new UserInputError(problem, "password");
      const created = await createUser({
        db: tx,
        email: row.email,
        name: opts.name,
        password: opts.password,
      });
      [user] = await tx.select().from(users).where(eq(users.id, created.id));
    }
    const [already] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenant!.id), eq(memberships.userId, user!.id)));
    let membershipId = already?.id;
    if (!already) {
      membershipId = await addMembership({
        db: tx,
        tenantId: tenant!.id,
        userId: user!.id,
        role: "partner",
        institutionId: row.institutionId,
      });
    }
    const actor = await loadActor(
      tx,
      {
        sessionId: "",
        userId: user!.id,
        email: user!.email,
        name: user!.name,
        isSystemAdmin: user!.isSystemAdmin,
        expiresAt: new Date(),
      },
      tenant!.id,
    );
    await recordChange(
      { db: tx, tenant: tenant!, actor },
      {
        entityType: "invitation",
        entityId: row.id,
        action: "join",
        before: null,
        after: { email: row.email, membershipId, institutionId: row.institutionId, newAccount },
      },
    );
    return { userId: user!.id, tenantSlug: tenant!.slug, newAccount };
  });
}
