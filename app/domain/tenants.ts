import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { memberships, membershipGoals, tenants } from "../db/schema.ts";
import type { Actor, Role } from "./actor.ts";
import type { SessionUser } from "./auth/sessions.ts";
import type { Tenant } from "./scope.ts";

export const TENANT_KINDS = {
  gmina_miejska: "gmina miejska",
  gmina_wiejska: "gmina wiejska",
  gmina_miejsko_wiejska: "gmina miejsko-wiejska",
  miasto_na_prawach_powiatu: "miasto na prawach powiatu",
  powiat: "powiat",
} as const;

export async function createTenant(opts: {
  db: DbOrTx;
  teryt: string;
  slug: string;
  name: string;
  kind: keyof typeof TENANT_KINDS;
  welfareCentreName?: string;
}): Promise<Tenant> {
  if (!/^\d{7}$/.test(opts.teryt)) throw new Error(`TERYT must have 7 digits, got "${opts.teryt}"`);
  const [row] = await opts.db
    .insert(tenants)
    .values({
      teryt: opts.teryt,
      slug: opts.slug,
      name: opts.name,
      kind: opts.kind,
      welfareCentreName: opts.welfareCentreName ?? null,
    })
    .returning();
  return row!;
}

/** By slug or TERYT code. */
export async function findTenant(db: DbOrTx, slugOrTeryt: string): Promise<Tenant | null> {
  const [row] = await db
    .select()
    .from(tenants)
    .where(or(eq(tenants.slug, slugOrTeryt), eq(tenants.teryt, slugOrTeryt)))
    .limit(1);
  return row ?? null;
}

/** The actor for one tenant: the user plus their membership there, if any. */
export async function loadActor(db: DbOrTx, user: SessionUser, tenantId: string): Promise<Actor> {
  const [m] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, user.userId),
        eq(memberships.tenantId, tenantId),
        // An archived access is no access (decision 070); it stays for the history.
        isNull(memberships.archivedAt),
      ),
    )
    .limit(1);
  return actorOf(db, user, tenantId, m ?? null);
}

/** The tenant (by slug or TERYT) and the user's actor there, in one query: every page needs both. */
export async function findTenantWithActor(
  db: DbOrTx,
  slugOrTeryt: string,
  user: SessionUser,
): Promise<{ tenant: Tenant; actor: Actor } | null> {
  const [row] = await db
    .select({ tenant: tenants, membership: memberships })
    .from(tenants)
    .leftJoin(
      memberships,
      and(
        eq(memberships.tenantId, tenants.id),
        eq(memberships.userId, user.userId),
        isNull(memberships.archivedAt),
      ),
    )
    .where(or(eq(tenants.slug, slugOrTeryt), eq(tenants.teryt, slugOrTeryt)))
    .limit(1);
  if (!row) return null;
  return { tenant: row.tenant, actor: await actorOf(db, user, row.tenant.id, row.membership) };
}

async function actorOf(
  db: DbOrTx,
  user: SessionUser,
  tenantId: string,
  m: typeof memberships.$inferSelect | null,
): Promise<Actor> {
  let goalIds: string[] = [];
  if (m?.role === "goal_coordinator") {
    const rows = await db
      .select({ goalId: membershipGoals.goalId })
      .from(membershipGoals)
      .where(eq(membershipGoals.membershipId, m.id));
    goalIds = rows.map((r) => r.goalId);
  }
  return {
    userId: user.userId,
    name: user.name,
    isSystemAdmin: user.isSystemAdmin,
    membership: m
      ? { tenantId, role: m.role as Role, institutionId: m.institutionId, goalIds }
      : null,
  };
}

/** Municipalities the user can open: all for a system administrator, else their memberships. */
export async function listTenantsForUser(
  db: DbOrTx,
  user: SessionUser,
): Promise<(Tenant & { role: Role | null })[]> {
  if (user.isSystemAdmin) {
    const rows = await db.select().from(tenants).orderBy(asc(tenants.name));
    const mine = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.userId), isNull(memberships.archivedAt)));
    return rows.map((t) => ({
      ...t,
      role: (mine.find((m) => m.tenantId === t.id)?.role as Role) ?? null,
    }));
  }
  const rows = await db
    .select({ tenant: tenants, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, user.userId), isNull(memberships.archivedAt)))
    .orderBy(asc(tenants.name));
  return rows.map((r) => ({ ...r.tenant, role: r.role as Role }));
}
