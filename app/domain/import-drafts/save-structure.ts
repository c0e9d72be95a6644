// Saving an import, first steps: the institutions it names and the goals and directions of the
// document (ids of the rows the later steps hang on).
import { eq } from "drizzle-orm";
import { institutions, operationalGoals, strategicGoals } from "../../db/schema.ts";
import { inTenant } from "../scope.ts";
import type { GoalPlan, ImportPlan } from "./plan.ts";
import type { InstitutionPlan } from "./plan-institutions.ts";
import { bumpReadRow, created, insertAll, updated, type SaveContext } from "./save-context.ts";

/** Institution ids by every written form's key; two forms of one institution share a row. */
export async function saveInstitutions(
  ctx: SaveContext,
  plan: ImportPlan,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rowOf = new Map<InstitutionPlan, string>();
  const rows = [];
  for (const [key, inst] of plan.institutions) {
    if (inst.existingId) {
      ids.set(key, inst.existingId);
      continue;
    }
    const known = rowOf.get(inst);
    if (known) {
      ids.set(key, known);
      continue;
    }
    const row = {
      id: crypto.randomUUID(),
      tenantId: ctx.tenantId,
      name: inst.name,
      shortName: inst.shortName,
      kind: inst.kind || "other",
    };
    rowOf.set(inst, row.id);
    ids.set(key, row.id);
    rows.push(row);
    created(ctx, "institution", row);
  }
  await insertAll(ctx.scope, institutions, rows);
  return ids;
}

/** A stored goal's coordinator, changed when the report names another one. */
async function updateCoordinator(ctx: SaveContext, goalId: string, goal: GoalPlan): Promise<void> {
  const [before] = await ctx.scope.db
    .select()
    .from(strategicGoals)
    .where(inTenant(ctx.scope, strategicGoals, eq(strategicGoals.id, goalId)));
  if (
    !before ||
    (before.coordinatorName === goal.coordinatorName &&
      before.coordinatorPosition === goal.coordinatorPosition)
  ) {
    return;
  }
  const after = await bumpReadRow(ctx.scope, strategicGoals, before, {
    coordinatorName: goal.coordinatorName,
    coordinatorPosition: goal.coordinatorPosition,
  });
  updated(ctx, "strategic_goal", goalId, before, after);
}

/** Direction ids by the plan's direction keys. */
export async function saveGoals(
  ctx: SaveContext,
  plan: ImportPlan,
  documentId: string,
): Promise<Map<string, string>> {
  const directionIds = new Map<string, string>();
  const newGoals = [];
  const newDirections = [];
  for (const [gi, goal] of plan.goals.entries()) {
    let goalId = goal.existingId;
    if (!goalId) {
      const row = {
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        documentId,
        code: goal.code,
        title: goal.title || goal.code,
        coordinatorName: goal.coordinatorName,
        coordinatorPosition: goal.coordinatorPosition,
        position: gi,
      };
      goalId = row.id;
      newGoals.push(row);
      created(ctx, "strategic_goal", row);
    } else if (goal.coordinatorName) {
      await updateCoordinator(ctx, goalId, goal);
    }
    for (const [di, direction] of goal.directions.entries()) {
      if (direction.existingId) {
        directionIds.set(direction.key, direction.existingId);
        continue;
      }
      const row = {
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        strategicGoalId: goalId,
        code: direction.code,
        title: direction.title || direction.code,
        actionLines: direction.actionLines,
        position: di,
      };
      directionIds.set(direction.key, row.id);
      newDirections.push(row);
      created(ctx, "operational_goal", row);
    }
  }
  await insertAll(ctx.scope, strategicGoals, newGoals);
  await insertAll(ctx.scope, operationalGoals, newDirections);
  return directionIds;
}
