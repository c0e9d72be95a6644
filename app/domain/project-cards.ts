// A project's card for a year, with its budget, institutions, findings and permissions.
import { asc, eq } from "drizzle-orm";
import {
  institutions,
  operationalGoals,
  projectCards,
  projectInstitutions,
  projects,
  planDocuments,
  strategicGoals,
} from "../db/schema.ts";
import { authorize, canEditProjectCard, canViewProjectCard } from "../policies/index.ts";
import { recordChange } from "./audit.ts";
import { readBudgetsWithParts } from "./budgets.ts";
import { ConflictError } from "./errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import {
  checkBudget,
  checkProjectCard,
  type Finding,
  type ProjectCardInput,
} from "./validation/index.ts";
import { updateVersioned, conflictOnDuplicate } from "./versioned-update.ts";
import type { CardFields } from "./value-labels.ts";
import { assertNotLockedForPartner } from "./rounds/item-rights.ts";

export {
  CARD_FIELDS,
  CARD_FIELD_LABELS,
  CARD_STATUS_LABELS,
  CONTINUATION_LABELS,
  GOAL_VERDICT_LABELS,
  type CardFields,
} from "./value-labels.ts";

export type ProjectCard = typeof projectCards.$inferSelect;

export type BudgetView = {
  id: string;
  year: number | null;
  total: number | null;
  version: number;
  parts: {
    sourceKind: string;
    sourceLabel: string;
    amount: number | null;
    percent: number | null;
  }[];
  findings: Finding[];
};

async function projectFacts(scope: TenantScope, projectId: string) {
  const project = await findInTenant(scope, projects, projectId);
  const direction = await findInTenant(scope, operationalGoals, project.operationalGoalId);
  const goal = await findInTenant(scope, strategicGoals, direction.strategicGoalId);
  const document = await findInTenant(scope, planDocuments, goal.documentId);
  const links = await scope.db
    .select({ role: projectInstitutions.role, institution: institutions })
    .from(projectInstitutions)
    .innerJoin(institutions, eq(institutions.id, projectInstitutions.institutionId))
    .where(inTenant(scope, projectInstitutions, eq(projectInstitutions.projectId, project.id)));
  return {
    project,
    direction,
    goal,
    document,
    links,
    institutionIds: links.map((l) => l.institution.id),
  };
}

export async function getProjectCard(opts: {
  scope: TenantScope;
  projectId: string;
  year: number;
}) {
  const { scope, year } = opts;
  const facts = await projectFacts(scope, opts.projectId);
  const [card] = await scope.db
    .select()
    .from(projectCards)
    .where(
      inTenant(
        scope,
        projectCards,
        eq(projectCards.projectId, facts.project.id),
        eq(projectCards.year, year),
      ),
    );
  authorize(
    canViewProjectCard(scope.actor, {
      goalId: facts.goal.id,
      institutionIds: facts.institutionIds,
      published: card?.published ?? false,
    }),
    { hide: true },
  );
  const years = await scope.db
    .select({ year: projectCards.year })
    .from(projectCards)
    .where(inTenant(scope, projectCards, eq(projectCards.projectId, facts.project.id)))
    .orderBy(asc(projectCards.year));
  const { budgets: budgetRows, parts } = await readBudgetsWithParts({
    scope,
    projectIds: [facts.project.id],
    year,
  });
  const budgetViews: BudgetView[] = budgetRows.map((b) => {
    const ps = parts.filter((p) => p.budgetId === b.id);
    return {
      id: b.id,
      year: b.year,
      total: b.total,
      version: b.version,
      parts: ps.map((p) => ({
        sourceKind: p.sourceKind,
        sourceLabel: p.sourceLabel,
        amount: p.amount,
        percent: p.percent,
      })),
      findings: checkBudget({
        total: b.total,
        parts: ps.map((p) => ({ label: p.sourceLabel, amount: p.amount, percent: p.percent })),
      }),
    };
  });
  return {
    ...facts,
    card: card ?? null,
    years: years.map((y) => y.year),
    budgets: budgetViews,
    findings: card ? checkProjectCard(card as ProjectCardInput) : [],
    canEdit: canEditProjectCard(scope.actor, {
      goalId: facts.goal.id,
      institutionIds: facts.institutionIds,
    }),
  };
}

/** Create the year's card (expectedVersion null) or update it over the version the form saw. */
export async function saveProjectCard(opts: {
  scope: TenantScope;
  projectId: string;
  year: number;
  expectedVersion: number | null;
  fields: CardFields;
}): Promise<ProjectCard> {
  return inTransaction(opts.scope, async (scope) => {
    const facts = await projectFacts(scope, opts.projectId);
    authorize(
      canEditProjectCard(scope.actor, {
        goalId: facts.goal.id,
        institutionIds: facts.institutionIds,
      }),
    );
    const own = scope.actor.membership?.institutionId;
    if (own) {
      await assertNotLockedForPartner({
        scope,
        kind: "card",
        targetId: facts.project.id,
        year: opts.year,
        institutionId: own,
      });
    }
    const [existing] = await scope.db
      .select()
      .from(projectCards)
      .where(
        inTenant(
          scope,
          projectCards,
          eq(projectCards.projectId, facts.project.id),
          eq(projectCards.year, opts.year),
        ),
      );
    if (existing) {
      return updateVersioned({
        scope,
        table: projectCards,
        entityType: "project_card",
        id: existing.id,
        expectedVersion: opts.expectedVersion ?? 0,
        values: { ...opts.fields, status: opts.fields.status ?? "carried_out" },
      });
    }
    if (opts.expectedVersion !== null) {
      throw new ConflictError({ changes: [], by: "inny użytkownik", at: null, current: {} });
    }
    const [created] = await scope.db
      .insert(projectCards)
      .values({
        ...opts.fields,
        status: opts.fields.status ?? "carried_out",
        tenantId: scope.tenant.id,
        projectId: facts.project.id,
        year: opts.year,
        updatedBy: scope.actor.userId,
      })
      .returning()
      .catch(conflictOnDuplicate);
    await recordChange(scope, {
      entityType: "project_card",
      entityId: created!.id,
      action: "create",
      before: null,
      after: created!,
      entityVersion: created!.version,
    });
    return created!;
  });
}
