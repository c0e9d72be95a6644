// Saving an import: projects, their cards for the year, budgets, the next year's new projects,
// and the cards' implementers as project–institution links (what a reporting round proposes
// tasks from).
import { and, eq, sql } from "drizzle-orm";
import {
  budgetParts,
  budgets,
  projectCards,
  projectInstitutions,
  projects,
} from "../../db/schema.ts";
import type { ProposedProject } from "../../report-reader/types.ts";
import { inTenant } from "../scope.ts";
import { bumpVersion } from "../versioned-update.ts";
import { isSubPart, type ImportPlan, type ProjectPlan } from "./plan.ts";
import {
  bumpReadRow,
  count,
  created,
  insertAll,
  updated,
  type SaveContext,
} from "./save-context.ts";

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

type Batch = {
  projects: (typeof projects.$inferInsert)[];
  cards: (typeof projectCards.$inferInsert)[];
  budgets: (typeof budgets.$inferInsert)[];
  parts: (typeof budgetParts.$inferInsert)[];
};

function cardFields(proposal: ProposedProject, continues: boolean) {
  return {
    status: proposal.status,
    statusReason: proposal.status === "carried_out" ? null : proposal.statusReason,
    goalText: proposal.fields.goal,
    addressees: proposal.fields.addressees,
    implementers: proposal.fields.implementers,
    stages: proposal.fields.stages,
    effects: proposal.fields.effects,
    funding: proposal.fields.funding,
    timeframe: proposal.fields.timeframe,
    ...(continues ? { continuation: "yes" } : {}),
  };
}

async function saveCard(
  ctx: SaveContext,
  p: ProjectPlan,
  projectId: string,
  continues: boolean,
  batch: Batch,
): Promise<void> {
  const fields = cardFields(p.proposal, continues);
  if (!p.existingCardId) {
    const row = {
      id: crypto.randomUUID(),
      tenantId: ctx.tenantId,
      projectId,
      year: ctx.year,
      published: true,
      updatedBy: ctx.userId,
      ...fields,
    };
    batch.cards.push(row);
    created(ctx, "project_card", row);
    return;
  }
  const [before] = await ctx.scope.db
    .select()
    .from(projectCards)
    .where(inTenant(ctx.scope, projectCards, eq(projectCards.id, p.existingCardId)));
  const after = await bumpReadRow(
    ctx.scope,
    projectCards,
    before,
    { ...fields, updatedBy: ctx.userId },
    p.existingCardId,
  );
  updated(ctx, "project_card", p.existingCardId, before, after);
}

async function saveBudget(
  ctx: SaveContext,
  p: ProjectPlan,
  projectId: string,
  batch: Batch,
): Promise<void> {
  const budget = p.proposal.budget;
  if (!budget) return;
  // Project web pages give the budget of the whole project; cards give the year's.
  const budgetYear = p.proposal.goalCode === null ? null : ctx.year;
  // Only a project already stored can have a budget to replace: no query for new ones.
  const [stored] = !p.existingId
    ? []
    : await ctx.scope.db
        .select()
        .from(budgets)
        .where(
          inTenant(
            ctx.scope,
            budgets,
            and(
              eq(budgets.projectId, projectId),
              budgetYear === null ? sql`${budgets.year} is null` : eq(budgets.year, budgetYear),
            ),
          ),
        );
  let budgetId: string;
  if (stored) {
    budgetId = stored.id;
    await ctx.scope.db
      .delete(budgetParts)
      .where(inTenant(ctx.scope, budgetParts, eq(budgetParts.budgetId, budgetId)));
    const after = await bumpReadRow(ctx.scope, budgets, stored, { total: budget.total });
    updated(ctx, "budget", budgetId, stored, { ...after, parts: budget.parts });
  } else {
    const row = {
      id: crypto.randomUUID(),
      tenantId: ctx.tenantId,
      projectId,
      year: budgetYear,
      total: budget.total,
    };
    budgetId = row.id;
    batch.budgets.push(row);
    created(ctx, "budget", { ...row, parts: budget.parts });
  }
  // "w tym" parts are inside their parent: only the leaves of the split are stored.
  budget.parts
    .filter((part) => !isSubPart(part))
    .forEach((part, position) =>
      batch.parts.push({
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        budgetId,
        sourceKind: fundingSourceKind(part.source),
        sourceLabel: part.source,
        amount: part.amount,
        percent: part.percent,
        position,
      }),
    );
}

/** Project ids by the plan's project keys. */
export async function saveProjects(
  ctx: SaveContext,
  plan: ImportPlan,
  directionIds: Map<string, string>,
): Promise<Map<string, string>> {
  const continuing = new Set(
    plan.nextYear.map((n) => n.continuesProjectKey).filter((k): k is string => k !== null),
  );
  const projectIds = new Map<string, string>();
  const batch: Batch = { projects: [], cards: [], budgets: [], parts: [] };
  for (const [pi, p] of plan.projects.entries()) {
    let projectId = p.existingId;
    if (!projectId) {
      const row = {
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        operationalGoalId: directionIds.get(p.directionKey)!,
        symbol: p.proposal.symbol,
        // A page that names no project still needs a name to be listed and linked by.
        title: p.proposal.title.trim() || `Projekt bez nazwy ${p.proposal.symbol}`.trim(),
        position: pi,
      };
      projectId = row.id;
      batch.projects.push(row);
      created(ctx, "project", row);
    }
    projectIds.set(p.key, projectId);
    await saveCard(ctx, p, projectId, continuing.has(p.key), batch);
    await saveBudget(ctx, p, projectId, batch);
  }
  await insertAll(ctx.scope, projects, batch.projects);
  await insertAll(ctx.scope, projectCards, batch.cards);
  await insertAll(ctx.scope, budgets, batch.budgets);
  await insertAll(ctx.scope, budgetParts, batch.parts);
  return projectIds;
}

/** The cards' implementers as project links; a link already stored stays as it is. */
export async function saveProjectInstitutions(
  ctx: SaveContext,
  plan: ImportPlan,
  projectIds: Map<string, string>,
  institutionIds: Map<string, string>,
): Promise<void> {
  const rows = [];
  const seen = new Set<string>();
  for (const link of plan.projectInstitutions) {
    const projectId = projectIds.get(link.projectKey);
    const institutionId = institutionIds.get(link.institutionKey);
    if (!projectId || !institutionId || seen.has(`${projectId}/${institutionId}`)) continue;
    seen.add(`${projectId}/${institutionId}`);
    rows.push({ tenantId: ctx.tenantId, projectId, institutionId, role: link.role });
  }
  const added = new Map<string, { institutionId: string; role: string }[]>();
  for (let i = 0; i < rows.length; i += 400) {
    const inserted = await ctx.scope.db
      .insert(projectInstitutions)
      .values(rows.slice(i, i + 400))
      .onConflictDoNothing()
      .returning();
    for (const row of inserted) {
      const list = added.get(row.projectId) ?? [];
      list.push({ institutionId: row.institutionId, role: row.role });
      added.set(row.projectId, list);
    }
  }
  // One audit entry per project: the institutions the import linked to it.
  for (const [projectId, links] of added) {
    ctx.changes.push({
      entityType: "project",
      entityId: projectId,
      action: "update",
      before: null,
      after: { institutions: links },
    });
  }
  count(ctx.created, "project_institution", [...added.values()].flat().length);
}

/** Next year's new projects: created without a card, from the year after. */
export async function saveNextYear(
  ctx: SaveContext,
  plan: ImportPlan,
  directionIds: Map<string, string>,
): Promise<void> {
  const rows: (typeof projects.$inferInsert & { id: string })[] = [];
  for (const n of plan.nextYear) {
    if (n.continuesProjectKey || n.continuesExistingId || !n.directionKey) continue;
    const row = {
      id: crypto.randomUUID(),
      tenantId: ctx.tenantId,
      operationalGoalId: directionIds.get(n.directionKey)!,
      symbol: n.symbol ?? "",
      title: n.title,
      sinceYear: ctx.year + 1,
      position: plan.projects.length + rows.length,
    };
    rows.push(row);
    created(ctx, "project", row);
  }
  await insertAll(ctx.scope, projects, rows);
  for (const n of plan.nextYear) {
    if (!n.continuesExistingId) continue;
    await bumpVersion({
      scope: ctx.scope,
      table: projectCards,
      where: and(
        eq(projectCards.projectId, n.continuesExistingId),
        eq(projectCards.year, ctx.year),
      ),
      // Only the continuation flag changes, whatever else the card holds: no version to check.
      expectedVersion: null,
      values: { continuation: "yes" },
    });
  }
}
