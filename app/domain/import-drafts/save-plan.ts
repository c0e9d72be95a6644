// Carrying out a reviewed import plan: everything in one transaction — a failure anywhere leaves
// the municipality's data as it was. Rows get their ids here, so related rows are inserted in
// batches (an import of 124 project cards is a dozen statements, not a thousand), and every row
// created or changed gets its audit entry, attributed to the reviewer.
import { and, eq, sql } from "drizzle-orm";
import {
  budgetParts,
  budgets,
  indicatorBreakdowns,
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  projectCards,
  projects,
  strategicGoals,
} from "../../db/schema.ts";
import { authorize, canImportReports } from "../../policies/index.ts";
import { recordChanges, type EntityType } from "../audit.ts";
import { createDocument, type DocumentFields } from "../strategy-structure.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { institutionKey } from "./matching.ts";
import { isSubPart, type ImportPlan } from "./plan.ts";

export type ImportTarget = { documentId: string } | { newDocument: DocumentFields };

export type ImportSummary = {
  documentId: string;
  year: number;
  created: Record<string, number>;
  updated: Record<string, number>;
};

type ContributionRow = typeof indicatorContributions.$inferInsert & {
  id: string;
  value: number | null;
  note: string | null;
};

type Change = Parameters<typeof recordChanges>[1][number];

const CHUNK = 400;

async function insertAll<T>(
  scope: TenantScope,
  table: Parameters<TenantScope["db"]["insert"]>[0],
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await scope.db.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

/** Where a budget part's money comes from, from the document's words. */
export function fundingSourceKind(label: string): string {
  if (/\bUE\b|EFS|europejsk|unii|unijn/iu.test(label)) return "eu";
  if (/PFRON/u.test(label)) return "pfron";
  if (/ministerst|MRPiPS|MPiPS|MRiPS/iu.test(label)) return "ministry";
  if (/państw|wojewod/iu.test(label)) return "state";
  if (/alkohol/iu.test(label)) return "alcohol_fund";
  if (/partner/iu.test(label)) return "partner_own";
  if (/własn|gmin|miast|samorząd/iu.test(label)) return "own";
  return "other";
}

export async function savePlan(opts: {
  scope: TenantScope;
  plan: ImportPlan;
  target: ImportTarget;
  /** Where the data came from, kept with each value ("import: raport-2020.docx"). */
  sourceLabel: string;
}): Promise<ImportSummary> {
  authorize(canImportReports(opts.scope.actor));
  const { plan } = opts;
  const year = plan.year;

  return inTransaction(opts.scope, async (scope) => {
    const tenantId = scope.tenant.id;
    const userId = scope.actor.userId || null;
    const changes: Change[] = [];
    const created: Record<string, number> = {};
    const updated: Record<string, number> = {};
    const count = (into: Record<string, number>, what: string, n = 1) => {
      if (n > 0) into[what] = (into[what] ?? 0) + n;
    };
    const create = (entityType: EntityType, row: { id: string } & Record<string, unknown>) => {
      changes.push({ entityType, entityId: row.id, action: "create", before: null, after: row });
      count(created, entityType);
    };

    const documentId =
      "documentId" in opts.target
        ? (await findInTenant(scope, planDocuments, opts.target.documentId)).id
        : (await createDocument({ scope, fields: opts.target.newDocument })).id;
    if (!("documentId" in opts.target)) count(created, "plan_document");

    // Institutions named in contributions.
    const institutionIds = new Map<string, string>();
    const newInstitutions = [];
    for (const [key, inst] of plan.institutions) {
      if (inst.existingId) {
        institutionIds.set(key, inst.existingId);
        continue;
      }
      const row = {
        id: crypto.randomUUID(),
        tenantId,
        name: inst.name,
        shortName: /\s/u.test(inst.name) || inst.name.length > 16 ? null : inst.name,
        kind: "other",
      };
      institutionIds.set(key, row.id);
      newInstitutions.push(row);
      create("institution", row);
    }
    await insertAll(scope, institutions, newInstitutions);

    // Goals and directions.
    const directionIds = new Map<string, string>();
    const newGoals = [];
    const newDirections = [];
    for (const [gi, goal] of plan.goals.entries()) {
      let goalId = goal.existingId;
      if (!goalId) {
        const row = {
          id: crypto.randomUUID(),
          tenantId,
          documentId,
          code: goal.code,
          title: goal.title || goal.code,
          coordinatorName: goal.coordinatorName,
          coordinatorPosition: goal.coordinatorPosition,
          position: gi,
        };
        goalId = row.id;
        newGoals.push(row);
        create("strategic_goal", row);
      } else if (goal.coordinatorName) {
        const [before] = await scope.db
          .select()
          .from(strategicGoals)
          .where(inTenant(scope, strategicGoals, eq(strategicGoals.id, goalId)));
        if (
          before &&
          (before.coordinatorName !== goal.coordinatorName ||
            before.coordinatorPosition !== goal.coordinatorPosition)
        ) {
          const [after] = await scope.db
            .update(strategicGoals)
            .set({
              coordinatorName: goal.coordinatorName,
              coordinatorPosition: goal.coordinatorPosition,
              version: sql`${strategicGoals.version} + 1`,
              updatedAt: new Date(),
            })
            .where(inTenant(scope, strategicGoals, eq(strategicGoals.id, goalId)))
            .returning();
          changes.push({
            entityType: "strategic_goal",
            entityId: goalId,
            action: "update",
            before,
            after: after ?? null,
            entityVersion: after?.version,
          });
          count(updated, "strategic_goal");
        }
      }
      for (const [di, direction] of goal.directions.entries()) {
        if (direction.existingId) {
          directionIds.set(direction.key, direction.existingId);
          continue;
        }
        const row = {
          id: crypto.randomUUID(),
          tenantId,
          strategicGoalId: goalId,
          code: direction.code,
          title: direction.title || direction.code,
          actionLines: direction.actionLines,
          position: di,
        };
        directionIds.set(direction.key, row.id);
        newDirections.push(row);
        create("operational_goal", row);
      }
    }
    await insertAll(scope, strategicGoals, newGoals);
    await insertAll(scope, operationalGoals, newDirections);

    // Projects, their cards for the year, and budgets.
    const continuing = new Set(
      plan.nextYear.map((n) => n.continuesProjectKey).filter((k): k is string => k !== null),
    );
    const projectIds = new Map<string, string>();
    const newProjects = [];
    const newCards = [];
    const newBudgets = [];
    const newParts: (typeof budgetParts.$inferInsert)[] = [];
    for (const [pi, p] of plan.projects.entries()) {
      const proposal = p.proposal;
      let projectId = p.existingId;
      if (!projectId) {
        const row = {
          id: crypto.randomUUID(),
          tenantId,
          operationalGoalId: directionIds.get(p.directionKey)!,
          symbol: proposal.symbol,
          // A page that names no project still needs a name to be listed and linked by.
          title: proposal.title.trim() || `Projekt bez nazwy ${proposal.symbol}`.trim(),
          position: pi,
        };
        projectId = row.id;
        newProjects.push(row);
        create("project", row);
      }
      projectIds.set(p.key, projectId);
      const fields = {
        status: proposal.status,
        statusReason: proposal.status === "carried_out" ? null : proposal.statusReason,
        goalText: proposal.fields.goal,
        addressees: proposal.fields.addressees,
        implementers: proposal.fields.implementers,
        stages: proposal.fields.stages,
        effects: proposal.fields.effects,
        funding: proposal.fields.funding,
        timeframe: proposal.fields.timeframe,
        ...(continuing.has(p.key) ? { continuation: "yes" } : {}),
      };
      if (p.existingCardId) {
        const [before] = await scope.db
          .select()
          .from(projectCards)
          .where(inTenant(scope, projectCards, eq(projectCards.id, p.existingCardId)));
        const [after] = await scope.db
          .update(projectCards)
          .set({
            ...fields,
            version: sql`${projectCards.version} + 1`,
            updatedAt: new Date(),
            updatedBy: userId,
          })
          .where(inTenant(scope, projectCards, eq(projectCards.id, p.existingCardId)))
          .returning();
        changes.push({
          entityType: "project_card",
          entityId: p.existingCardId,
          action: "update",
          before: before ?? null,
          after: after ?? null,
          entityVersion: after?.version,
        });
        count(updated, "project_card");
      } else {
        const row = {
          id: crypto.randomUUID(),
          tenantId,
          projectId,
          year,
          published: true,
          updatedBy: userId,
          ...fields,
        };
        newCards.push(row);
        create("project_card", row);
      }
      if (proposal.budget) {
        // Project web pages give the budget of the whole project; cards give the year's.
        const budgetYear = proposal.goalCode === null ? null : year;
        // Only a project already stored can have a budget to replace: no query for new ones.
        const [stored] = !p.existingId
          ? []
          : await scope.db
              .select()
              .from(budgets)
              .where(
                inTenant(
                  scope,
                  budgets,
                  and(
                    eq(budgets.projectId, projectId),
                    budgetYear === null
                      ? sql`${budgets.year} is null`
                      : eq(budgets.year, budgetYear),
                  ),
                ),
              );
        let budgetId: string;
        if (stored) {
          budgetId = stored.id;
          await scope.db
            .delete(budgetParts)
            .where(inTenant(scope, budgetParts, eq(budgetParts.budgetId, budgetId)));
          const [after] = await scope.db
            .update(budgets)
            .set({
              total: proposal.budget.total,
              version: sql`${budgets.version} + 1`,
              updatedAt: new Date(),
            })
            .where(inTenant(scope, budgets, eq(budgets.id, budgetId)))
            .returning();
          changes.push({
            entityType: "budget",
            entityId: budgetId,
            action: "update",
            before: stored,
            after: { ...after, parts: proposal.budget.parts },
            entityVersion: after?.version,
          });
          count(updated, "budget");
        } else {
          const row = {
            id: crypto.randomUUID(),
            tenantId,
            projectId,
            year: budgetYear,
            total: proposal.budget.total,
          };
          budgetId = row.id;
          newBudgets.push(row);
          create("budget", { ...row, parts: proposal.budget.parts });
        }
        // "w tym" parts are inside their parent: only the leaves of the split are stored.
        proposal.budget.parts
          .filter((part) => !isSubPart(part))
          .forEach((part, position) =>
            newParts.push({
              id: crypto.randomUUID(),
              tenantId,
              budgetId,
              sourceKind: fundingSourceKind(part.source),
              sourceLabel: part.source,
              amount: part.amount,
              percent: part.percent,
              position,
            }),
          );
      }
    }
    await insertAll(scope, projects, newProjects);
    await insertAll(scope, projectCards, newCards);
    await insertAll(scope, budgets, newBudgets);
    await insertAll(scope, budgetParts, newParts);

    // Next year's new projects: created without a card, from the year after.
    const nextProjects: (typeof projects.$inferInsert & { id: string })[] = [];
    for (const n of plan.nextYear) {
      if (n.continuesProjectKey || n.continuesExistingId || !n.directionKey) continue;
      const row = {
        id: crypto.randomUUID(),
        tenantId,
        operationalGoalId: directionIds.get(n.directionKey)!,
        symbol: n.symbol ?? "",
        title: n.title,
        sinceYear: year + 1,
        position: plan.projects.length + nextProjects.length,
      };
      nextProjects.push(row);
      create("project", row);
    }
    await insertAll(scope, projects, nextProjects);
    for (const n of plan.nextYear) {
      if (!n.continuesExistingId) continue;
      await scope.db
        .update(projectCards)
        .set({ continuation: "yes", version: sql`${projectCards.version} + 1` })
        .where(
          inTenant(
            scope,
            projectCards,
            and(eq(projectCards.projectId, n.continuesExistingId), eq(projectCards.year, year)),
          ),
        );
    }

    // Indicators and their values for the year, with contributions and "w tym" parts.
    const newIndicators = [];
    const newValues = [];
    const newContributions: ContributionRow[] = [];
    const newBreakdowns: (typeof indicatorBreakdowns.$inferInsert)[] = [];
    for (const [ii, i] of plan.indicators.entries()) {
      const proposal = i.proposal;
      let indicatorId = i.existingId;
      if (!indicatorId) {
        const row = {
          id: crypto.randomUUID(),
          tenantId,
          operationalGoalId: directionIds.get(i.directionKey)!,
          projectId: i.projectKey ? (projectIds.get(i.projectKey) ?? null) : null,
          name: proposal.name,
          unit: proposal.unit ?? "",
          target: proposal.target,
          position: ii,
        };
        indicatorId = row.id;
        newIndicators.push(row);
        create("indicator", row);
      }
      const valueFields = {
        total: proposal.value,
        approximate: proposal.approximate,
        remarks: proposal.remarks,
        source: opts.sourceLabel,
      };
      let valueId: string;
      if (i.existingValueId) {
        valueId = i.existingValueId;
        const [before] = await scope.db
          .select()
          .from(indicatorValues)
          .where(inTenant(scope, indicatorValues, eq(indicatorValues.id, valueId)));
        await scope.db
          .delete(indicatorContributions)
          .where(
            inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, valueId)),
          );
        await scope.db
          .delete(indicatorBreakdowns)
          .where(inTenant(scope, indicatorBreakdowns, eq(indicatorBreakdowns.valueId, valueId)));
        const [after] = await scope.db
          .update(indicatorValues)
          .set({
            ...valueFields,
            version: sql`${indicatorValues.version} + 1`,
            updatedAt: new Date(),
            updatedBy: userId,
          })
          .where(inTenant(scope, indicatorValues, eq(indicatorValues.id, valueId)))
          .returning();
        changes.push({
          entityType: "indicator_value",
          entityId: valueId,
          action: "update",
          before: before ?? null,
          after: { ...after, contributions: proposal.contributions },
          entityVersion: after?.version,
        });
        count(updated, "indicator_value");
      } else {
        const row = {
          id: crypto.randomUUID(),
          tenantId,
          indicatorId,
          year,
          published: true,
          updatedBy: userId,
          ...valueFields,
        };
        valueId = row.id;
        newValues.push(row);
        create("indicator_value", { ...row, contributions: proposal.contributions });
      }
      (proposal.breakdowns ?? []).forEach((b, position) =>
        newBreakdowns.push({
          id: crypto.randomUUID(),
          tenantId,
          valueId,
          contributionId: null,
          dimension: b.dimension,
          label: b.label,
          value: b.value,
          position,
        }),
      );
      // One row per institution: a report naming one twice ("UM WEiSS", "UM WEISS") is summed.
      const byInstitution = new Map<string, ContributionRow>();
      for (const c of proposal.contributions) {
        const institutionId = institutionIds.get(institutionKey(c.institution));
        if (!institutionId) continue;
        const known = byInstitution.get(institutionId);
        if (known) {
          known.value =
            known.value === null || c.value === null ? known.value : known.value + c.value;
          known.note = "suma kilku pozycji sprawozdania";
        } else {
          const row: ContributionRow = {
            id: crypto.randomUUID(),
            tenantId,
            valueId,
            institutionId,
            value: c.value,
            approximate: c.approximate,
            note: null as string | null,
            position: byInstitution.size,
          };
          byInstitution.set(institutionId, row);
          newContributions.push(row);
        }
        const contributionId = byInstitution.get(institutionId)!.id;
        c.ofWhich.forEach((o, position) =>
          newBreakdowns.push({
            id: crypto.randomUUID(),
            tenantId,
            valueId,
            contributionId,
            dimension: "of_which",
            label: o.label,
            value: o.value,
            position,
          }),
        );
      }
    }
    await insertAll(scope, indicators, newIndicators);
    await insertAll(scope, indicatorValues, newValues);
    await insertAll(scope, indicatorContributions, newContributions);
    await insertAll(scope, indicatorBreakdowns, newBreakdowns);

    await recordChanges(scope, changes);
    return { documentId, year, created, updated };
  });
}
