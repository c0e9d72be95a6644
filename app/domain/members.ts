// People with access to a municipality and their roles. Only administrators manage them.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { institutions, memberships, membershipGoals, strategicGoals, users } from "../db/schema.ts";
import { authorize, canManageMembers } from "../policies/index.ts";
import type { Role } from "./actor.ts";
import { recordChange } from "./audit.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import { UserInputError } from "./errors.ts";
import { addMembership, createUser } from "./users.ts";

export type Member = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  institution: string | null;
  goals: string[];
  disabled: boolean;
};

export async function listMembers(opts: { scope: TenantScope }): Promise<Member[]> {
  const { scope } = opts;
  authorize(canManageMembers(scope.actor));
  const rows = await scope.db
    .select({ m: memberships, user: users, institution: institutions.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(inTenant(scope, memberships, isNull(memberships.archivedAt)))
    .orderBy(asc(users.name));
  const ids = rows.map((r) => r.m.id);
  const goals = ids.length
    ? await scope.db
        .select({ membershipId: membershipGoals.membershipId, code: strategicGoals.code })
        .from(membershipGoals)
        .innerJoin(strategicGoals, eq(strategicGoals.id, membershipGoals.goalId))
        .where(inTenant(scope, membershipGoals, inArray(membershipGoals.membershipId, ids)))
    : [];
  return rows.map((r) => ({
    membershipId: r.m.id,
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: r.m.role as Role,
    institution: r.institution,
    goals: goals.filter((g) => g.membershipId === r.m.id).map((g) => g.code),
    disabled: r.user.disabled,
  }));
}

/**
 * Give a person a role in this municipality. A new e-mail creates the account (with the
 * initial password given); an existing one is only granted the role.
 */
export async function addMember(opts: {
  scope: TenantScope;
  email: string;
  name: string;
  password: string | null;
  role: Role;
  institutionId: string | null;
  goalIds: string[];
}): Promise<string> {
  authorize(canManageMembers(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    if (opts.institutionId) await findInTenant(scope, institutions, opts.institutionId);
    for (const g of opts.goalIds) await findInTenant(scope, strategicGoals, g);
    if (opts.role === "goal_coordinator" && opts.goalIds.length === 0) {
      throw new UserInputError(
        "Koordynator celu musi mieć przypisany co najmniej jeden cel strategiczny.",
      );
    }
    const email = opts.email.trim().toLowerCase();
    const [existing] = await scope.db.select().from(users).where(eq(users.email, email)).limit(1);
    let userId = existing?.id;
    if (!userId) {
      if (!opts.password)
        throw new UserInputError("Podaj hasło początkowe dla nowego konta.", "password");
      userId = (await createUser({ db: scope.db, email, name: opts.name, password: opts.password }))
        .id;
    } else {
      const [already] = await scope.db
        .select()
        .from(memberships)
        .where(and(inTenant(scope, memberships), eq(memberships.userId, userId)));
      // An archived access is restored (with its history), not granted a second time.
      if (already?.archivedAt)
        throw new UserInputError(
          `Dostęp osoby ${email} jest w archiwum: przywróć go na stronie „Zarchiwizowane”.`,
          "email",
        );
      if (already) throw new UserInputError(`Osoba ${email} ma już dostęp do tej gminy.`);
    }
    const membershipId = await addMembership({
      db: scope.db,
      tenantId: scope.tenant.id,
      userId,
      role: opts.role,
      institutionId: opts.institutionId,
      goalIds: opts.role === "goal_coordinator" ? opts.goalIds : [],
    });
    await recordChange(scope, {
      entityType: "membership",
      entityId: membershipId,
      action: "create",
      before: null,
      after: { email, role: opts.role, institutionId: opts.institutionId, goalIds: opts.goalIds },
    });
    return membershipId;
  });
}
