// Building the strategy tree: documents, strategic goals, directions (operational goals),
// projects with their institutions, and indicators. Coordinators and administrators only;
// every change versioned and audited.
import type { EuFunding } from "./eu-funding/types.ts";
import { and, eq } from "drizzle-orm";
import {
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../db/schema.ts";
import { authorize, canEditStrategy } from "../policies/index.ts";
import { recordChange, type EntityType } from "./audit.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import { updateVersioned } from "./versioned-update.ts";
import { UserInputError } from "./errors.ts";
import { isUniqueViolation } from "../db/errors.ts";

export type DocumentFields = {
  kind: string;
  title: string;
  slug: string;
  periodStart: number;
  periodEnd: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  status: string;
  /** Percent of the expected progress counted "close to target"; null = 80 (decision 053). */
  closeThreshold?: number | null;
};

/** The forms check it too; the domain again, for every other caller (CLI, import). */
function checkDocumentFields(fields: DocumentFields): void {
  if (fields.periodEnd < fields.periodStart)
    throw new UserInputError("Koniec okresu nie może być przed jego początkiem.", "periodEnd");
  const t = fields.closeThreshold;
  if (t != null && !(Number.isInteger(t) && t >= 1 && t <= 99))
    throw new UserInputError(
      "Próg „blisko celu” musi być liczbą całkowitą od 1 do 99 (procent).",
      "closeThreshold",
    );
}
export type GoalFields = {
  code: string;
  title: string;
  coordinatorName: string | null;
  coordinatorPosition: string | null;
  position: number;
};
export type DirectionFields = {
  code: string;
  title: string;
  actionLines: string[];
  position: number;
};
export type ProjectFields = {
  symbol: string;
  title: string;
  sinceYear: number | null;
  position: number;
  leadInstitutionId: string | null;
  partnerInstitutionIds: string[];
  /** EU co-financing (decision 067); left as it is when absent, cleared by NO_EU_FUNDING. */
  eu?: EuFunding;
};
export type IndicatorFields = {
  name: string;
  unit: string;
  kind: string;
  direction: string;
  baseline: number | null;
  target: number | null;
  position: number;
  projectId: string | null;
};

async function created<T extends { id: string; version: number }>(
  scope: TenantScope,
  entityType: EntityType,
  row: T,
): Promise<T> {
  await recordChange(scope, {
    entityType,
    entityId: row.id,
    action: "create",
    before: null,
    after: row,
    entityVersion: row.version,
  });
  return row;
}

export async function createDocument(opts: { scope: TenantScope; fields: DocumentFields }) {
  authorize(canEditStrategy(opts.scope.actor));
  checkDocumentFields(opts.fields);
  return inTransaction(opts.scope, async (scope) => {
    const [clash] = await scope.db
      .select()
      .from(planDocuments)
      .where(inTenant(scope, planDocuments, eq(planDocuments.slug, opts.fields.slug)));
    if (clash)
      throw new UserInputError(
        `Adres „${opts.fields.slug}” jest już zajęty przez inny dokument.`,
        "slug",
      );
    const [row] = await scope.db
      .insert(planDocuments)
      .values({ ...opts.fields, tenantId: scope.tenant.id })
      .returning();
    return created(scope, "plan_document", row!);
  });
}

export async function updateDocument(opts: {
  scope: TenantScope;
  id: string;
  expectedVersion: number;
  fields: DocumentFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  checkDocumentFields(opts.fields);
  return updateVersioned({
    scope: opts.scope,
    table: planDocuments,
    entityType: "plan_document",
    id: opts.id,
    expectedVersion: opts.expectedVersion,
    values: opts.fields,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new UserInputError(
        `Adres „${opts.fields.slug}” jest już zajęty przez inny dokument.`,
        "slug",
      );
    }
    throw error;
  });
}

export async function createGoal(opts: {
  scope: TenantScope;
  documentId: string;
  fields: GoalFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    await findInTenant(scope, planDocuments, opts.documentId);
    const [clash] = await scope.db
      .select()
      .from(strategicGoals)
      .where(
        inTenant(
          scope,
          strategicGoals,
          eq(strategicGoals.documentId, opts.documentId),
          eq(strategicGoals.code, opts.fields.code),
        ),
      );
    if (clash)
      throw new UserInputError(
        `Cel o symbolu ${opts.fields.code} już istnieje w tym dokumencie.`,
        "code",
      );
    const [row] = await scope.db
      .insert(strategicGoals)
      .values({ ...opts.fields, tenantId: scope.tenant.id, documentId: opts.documentId })
      .returning();
    return created(scope, "strategic_goal", row!);
  });
}

export async function updateGoal(opts: {
  scope: TenantScope;
  id: string;
  expectedVersion: number;
  fields: GoalFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  return updateVersioned({
    scope: opts.scope,
    table: strategicGoals,
    entityType: "strategic_goal",
    id: opts.id,
    expectedVersion: opts.expectedVersion,
    values: opts.fields,
  });
}

export async function createDirection(opts: {
  scope: TenantScope;
  goalId: string;
  fields: DirectionFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    await findInTenant(scope, strategicGoals, opts.goalId);
    const [row] = await scope.db
      .insert(operationalGoals)
      .values({ ...opts.fields, tenantId: scope.tenant.id, strategicGoalId: opts.goalId })
      .returning();
    return created(scope, "operational_goal", row!);
  });
}

export async function updateDirection(opts: {
  scope: TenantScope;
  id: string;
  expectedVersion: number;
  fields: DirectionFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  return updateVersioned({
    scope: opts.scope,
    table: operationalGoals,
    entityType: "operational_goal",
    id: opts.id,
    expectedVersion: opts.expectedVersion,
    values: opts.fields,
  });
}

async function setProjectInstitutions(
  scope: TenantScope,
  projectId: string,
  fields: ProjectFields,
) {
  const ids = [fields.leadInstitutionId, ...fields.partnerInstitutionIds].filter(
    (x): x is string => !!x,
  );
  for (const id of ids) await findInTenant(scope, institutions, id);
  await scope.db
    .delete(projectInstitutions)
    .where(inTenant(scope, projectInstitutions, eq(projectInstitutions.projectId, projectId)));
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const role = i === 0 && fields.leadInstitutionId ? "lead" : "partner";
    await scope.db
      .insert(projectInstitutions)
      .values({ tenantId: scope.tenant.id, projectId, institutionId: id, role });
  }
}

function projectColumns(f: ProjectFields) {
  const base = { symbol: f.symbol, title: f.title, sinceYear: f.sinceYear, position: f.position };
  if (!f.eu) return base;
  return {
    ...base,
    euProgramme: f.eu.programme,
    euPriorityAxis: f.eu.priorityAxis,
    euMeasure: f.eu.measure,
    euSubMeasure: f.eu.subMeasure,
    euFund: f.eu.fund,
    euAgreementNumber: f.eu.agreementNumber,
  };
}

export async function createProject(opts: {
  scope: TenantScope;
  directionId: string;
  fields: ProjectFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    await findInTenant(scope, operationalGoals, opts.directionId);
    const [row] = await scope.db
      .insert(projects)
      .values({
        ...projectColumns(opts.fields),
        tenantId: scope.tenant.id,
        operationalGoalId: opts.directionId,
      })
      .returning();
    await setProjectInstitutions(scope, row!.id, opts.fields);
    await recordChange(scope, {
      entityType: "project",
      entityId: row!.id,
      action: "create",
      before: null,
      after: {
        ...row!,
        institutions: [opts.fields.leadInstitutionId, ...opts.fields.partnerInstitutionIds],
      },
      entityVersion: row!.version,
    });
    return row!;
  });
}

export async function updateProject(opts: {
  scope: TenantScope;
  id: string;
  expectedVersion: number;
  fields: ProjectFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    const before = await projectInstitutionIds(scope, opts.id);
    const row = await updateVersioned({
      scope,
      table: projects,
      entityType: "project",
      id: opts.id,
      expectedVersion: opts.expectedVersion,
      values: projectColumns(opts.fields),
    });
    await setProjectInstitutions(scope, row.id, opts.fields);
    const after = await projectInstitutionIds(scope, row.id);
    // Institutions decide which partners see and edit the project: their change is audited too.
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordChange(scope, {
        entityType: "project",
        entityId: row.id,
        action: "update",
        before: { institutions: [before.lead, ...before.partners] },
        after: { institutions: [after.lead, ...after.partners] },
        entityVersion: row.version,
      });
    }
    return row;
  });
}

export async function projectInstitutionIds(scope: TenantScope, projectId: string) {
  const rows = await scope.db
    .select()
    .from(projectInstitutions)
    .where(and(inTenant(scope, projectInstitutions, eq(projectInstitutions.projectId, projectId))));
  return {
    lead: rows.find((r) => r.role === "lead")?.institutionId ?? null,
    partners: rows.filter((r) => r.role !== "lead").map((r) => r.institutionId),
  };
}

export async function createIndicator(opts: {
  scope: TenantScope;
  directionId: string;
  fields: IndicatorFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    await findInTenant(scope, operationalGoals, opts.directionId);
    if (opts.fields.projectId) await findInTenant(scope, projects, opts.fields.projectId);
    const [row] = await scope.db
      .insert(indicators)
      .values({ ...opts.fields, tenantId: scope.tenant.id, operationalGoalId: opts.directionId })
      .returning();
    return created(scope, "indicator", row!);
  });
}

export async function updateIndicator(opts: {
  scope: TenantScope;
  id: string;
  expectedVersion: number;
  fields: IndicatorFields;
}) {
  authorize(canEditStrategy(opts.scope.actor));
  if (opts.fields.projectId) await findInTenant(opts.scope, projects, opts.fields.projectId);
  return updateVersioned({
    scope: opts.scope,
    table: indicators,
    entityType: "indicator",
    id: opts.id,
    expectedVersion: opts.expectedVersion,
    values: opts.fields,
  });
}
