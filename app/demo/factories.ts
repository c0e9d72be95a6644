// Factories shared by the tests and the demo seed. They write rows directly (no audit entry:
// they stand for data that existed before), always inside the given tenant.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  budgetParts,
  budgets,
  documentLinks,
  indicatorBreakdowns,
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  projectCards,
  projectInstitutions,
  projects,
  strategicGoals,
  tenants,
} from "../db/schema.ts";
import type { Role } from "../domain/actor.ts";
import type { TENANT_KINDS } from "../domain/tenants.ts";
import { createTenant } from "../domain/tenants.ts";
import { addMembership, createUser } from "../domain/users.ts";
import type { Tenant } from "../domain/scope.ts";

let counter = 0;
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

// TERYT codes of test municipalities: "9" (no real voivodeship), two digits of the process id
// (test files run in parallel processes), four of a per-process sequence from a random start;
// a code already in the database (a shared PostgreSQL keeps earlier runs) is skipped.
let terytSequence = Math.floor(Math.random() * 10_000);
async function freeTeryt(db: DbOrTx): Promise<string> {
  for (;;) {
    const candidate = `9${String(process.pid % 100).padStart(2, "0")}${String(terytSequence++ % 10_000).padStart(4, "0")}`;
    const [taken] = await db
      .select({ id: tenants.id })
      .from(tenants)
      .where(eq(tenants.teryt, candidate))
      .limit(1);
    if (!taken) return candidate;
  }
}

export async function makeTenant(
  db: DbOrTx,
  over: Partial<{
    teryt: string;
    slug: string;
    name: string;
    kind: keyof typeof TENANT_KINDS;
    welfareCentreName: string;
  }> = {},
): Promise<Tenant> {
  const u = unique();
  return createTenant({
    db,
    teryt: over.teryt ?? (await freeTeryt(db)),
    slug: over.slug ?? `gmina-${u}`,
    name: over.name ?? `Gmina Testowa ${u}`,
    kind: over.kind ?? "gmina_miejska",
    welfareCentreName: over.welfareCentreName,
  });
}

export async function makeUser(
  db: DbOrTx,
  opts: {
    tenantId?: string;
    role?: Role;
    institutionId?: string | null;
    goalIds?: string[];
    email?: string;
    name?: string;
    password?: string;
    isSystemAdmin?: boolean;
    isDemo?: boolean;
  } = {},
): Promise<{ id: string; email: string; password: string }> {
  const password = opts.password ?? "haslo-testowe-123";
  const user = await createUser({
    db,
    email: opts.email ?? `user-${unique()}@example.pl`,
    name: opts.name ?? "Użytkownik Testowy",
    password,
    isSystemAdmin: opts.isSystemAdmin,
    isDemo: opts.isDemo,
    skipPasswordPolicy: true,
  });
  if (opts.tenantId && opts.role) {
    await addMembership({
      db,
      tenantId: opts.tenantId,
      userId: user.id,
      role: opts.role,
      institutionId: opts.institutionId,
      goalIds: opts.goalIds,
    });
  }
  return { ...user, password };
}

export async function makeInstitution(
  db: DbOrTx,
  tenantId: string,
  over: Partial<{ name: string; shortName: string | null; kind: string }> = {},
) {
  const [row] = await db
    .insert(institutions)
    .values({
      tenantId,
      name: over.name ?? `Instytucja ${unique()}`,
      shortName: over.shortName ?? null,
      kind: over.kind ?? "municipal_unit",
    })
    .returning();
  return row!;
}

export async function makeDocument(
  db: DbOrTx,
  tenantId: string,
  over: Partial<typeof planDocuments.$inferInsert> = {},
) {
  const [row] = await db
    .insert(planDocuments)
    .values({
      tenantId,
      slug: over.slug ?? `strategia-${unique()}`,
      kind: over.kind ?? "strategy",
      title: over.title ?? "Strategia Rozwiązywania Problemów Społecznych",
      periodStart: over.periodStart ?? 2016,
      periodEnd: over.periodEnd ?? 2025,
      resolutionNumber: over.resolutionNumber ?? null,
      resolutionDate: over.resolutionDate ?? null,
      status: over.status ?? "in_force",
    })
    .returning();
  return row!;
}

export async function linkDocuments(
  db: DbOrTx,
  tenantId: string,
  programId: string,
  strategyId: string,
) {
  await db
    .insert(documentLinks)
    .values({ tenantId, fromDocumentId: programId, toDocumentId: strategyId });
}

export async function makeGoal(
  db: DbOrTx,
  tenantId: string,
  documentId: string,
  over: Partial<typeof strategicGoals.$inferInsert> = {},
) {
  const [row] = await db
    .insert(strategicGoals)
    .values({
      tenantId,
      documentId,
      code: over.code ?? `C${unique()}`,
      title: over.title ?? "Cel strategiczny",
      coordinatorName: over.coordinatorName ?? null,
      coordinatorPosition: over.coordinatorPosition ?? null,
      position: over.position ?? 0,
    })
    .returning();
  return row!;
}

export async function makeDirection(
  db: DbOrTx,
  tenantId: string,
  strategicGoalId: string,
  over: Partial<typeof operationalGoals.$inferInsert> = {},
) {
  const [row] = await db
    .insert(operationalGoals)
    .values({
      tenantId,
      strategicGoalId,
      code: over.code ?? `K${unique()}`,
      title: over.title ?? "Kierunek działań",
      actionLines: over.actionLines ?? [],
      position: over.position ?? 0,
    })
    .returning();
  return row!;
}

export async function makeProject(
  db: DbOrTx,
  tenantId: string,
  operationalGoalId: string,
  over: Partial<typeof projects.$inferInsert> & {
    lead?: string;
    partners?: string[];
  } = {},
) {
  const [row] = await db
    .insert(projects)
    .values({
      tenantId,
      operationalGoalId,
      symbol: over.symbol ?? "C1K1",
      title: over.title ?? `Projekt ${unique()}`,
      sinceYear: over.sinceYear ?? null,
      position: over.position ?? 0,
      archivedAt: over.archivedAt ?? null,
    })
    .returning();
  if (over.lead) {
    await db
      .insert(projectInstitutions)
      .values({ tenantId, projectId: row!.id, institutionId: over.lead, role: "lead" });
  }
  for (const p of over.partners ?? []) {
    await db
      .insert(projectInstitutions)
      .values({ tenantId, projectId: row!.id, institutionId: p, role: "partner" });
  }
  return row!;
}

export async function makeCard(
  db: DbOrTx,
  tenantId: string,
  projectId: string,
  year: number,
  over: Partial<typeof projectCards.$inferInsert> = {},
) {
  const [row] = await db
    .insert(projectCards)
    .values({ status: "carried_out", ...over, tenantId, projectId, year })
    .returning();
  return row!;
}

export async function makeIndicator(
  db: DbOrTx,
  tenantId: string,
  operationalGoalId: string,
  over: Partial<typeof indicators.$inferInsert> = {},
) {
  const [row] = await db
    .insert(indicators)
    .values({
      tenantId,
      operationalGoalId,
      name: over.name ?? `liczba osób ${unique()}`,
      unit: over.unit ?? "osoby",
      kind: over.kind ?? "product",
      direction: over.direction ?? "increase",
      projectId: over.projectId ?? null,
      baseline: over.baseline ?? null,
      target: over.target ?? null,
      position: over.position ?? 0,
    })
    .returning();
  return row!;
}

export type BreakdownSpec = {
  dimension: "sex" | "district" | "age" | "of_which" | "other";
  label: string;
  value: number | null;
};

export async function makeValue(
  db: DbOrTx,
  tenantId: string,
  indicatorId: string,
  year: number,
  spec: {
    total: number | null;
    approximate?: boolean;
    remarks?: string;
    published?: boolean;
    contributions?: {
      institutionId: string;
      value: number | null;
      approximate?: boolean;
      note?: string;
      breakdowns?: BreakdownSpec[];
    }[];
    breakdowns?: BreakdownSpec[];
  },
) {
  const [value] = await db
    .insert(indicatorValues)
    .values({
      tenantId,
      indicatorId,
      year,
      total: spec.total,
      approximate: spec.approximate ?? false,
      remarks: spec.remarks ?? null,
      published: spec.published ?? false,
    })
    .returning();
  for (const [i, c] of (spec.contributions ?? []).entries()) {
    const [contribution] = await db
      .insert(indicatorContributions)
      .values({
        tenantId,
        valueId: value!.id,
        institutionId: c.institutionId,
        value: c.value,
        approximate: c.approximate ?? false,
        note: c.note ?? null,
        position: i,
      })
      .returning();
    for (const [j, b] of (c.breakdowns ?? []).entries()) {
      await db.insert(indicatorBreakdowns).values({
        tenantId,
        valueId: value!.id,
        contributionId: contribution!.id,
        ...b,
        position: j,
      });
    }
  }
  for (const [j, b] of (spec.breakdowns ?? []).entries()) {
    await db
      .insert(indicatorBreakdowns)
      .values({ tenantId, valueId: value!.id, ...b, position: j });
  }
  return value!;
}

export async function makeBudget(
  db: DbOrTx,
  tenantId: string,
  projectId: string,
  spec: {
    year?: number | null;
    total: number | null;
    parts: {
      sourceKind: string;
      sourceLabel: string;
      amount: number | null;
      percent?: number | null;
    }[];
  },
) {
  const [budget] = await db
    .insert(budgets)
    .values({ tenantId, projectId, year: spec.year ?? null, total: spec.total })
    .returning();
  for (const [i, p] of spec.parts.entries()) {
    await db
      .insert(budgetParts)
      .values({ tenantId, budgetId: budget!.id, ...p, percent: p.percent ?? null, position: i });
  }
  return budget!;
}
