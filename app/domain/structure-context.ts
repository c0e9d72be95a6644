// Where a node of the strategy tree sits: its document, goal and direction. The structure
// forms show this context and create new nodes under the parent named in the URL.
import { asc, eq, isNull } from "drizzle-orm";
import {
  indicators,
  operationalGoals,
  planDocuments,
  projects,
  strategicGoals,
} from "../db/schema.ts";
import { findInTenant, inTenant, type TenantScope } from "./scope.ts";

/** An existing goal (goalId), or the document a new goal goes into (documentId). */
export async function goalContext(opts: {
  scope: TenantScope;
  goalId: string | null;
  documentId: string;
}) {
  const { scope } = opts;
  const goal = opts.goalId ? await findInTenant(scope, strategicGoals, opts.goalId) : null;
  const doc = await findInTenant(scope, planDocuments, goal?.documentId ?? opts.documentId);
  return { doc, goal };
}

export async function directionContext(opts: {
  scope: TenantScope;
  directionId: string | null;
  goalId: string;
}) {
  const { scope } = opts;
  const direction = opts.directionId
    ? await findInTenant(scope, operationalGoals, opts.directionId)
    : null;
  const goal = await findInTenant(scope, strategicGoals, direction?.strategicGoalId ?? opts.goalId);
  const doc = await findInTenant(scope, planDocuments, goal.documentId);
  return { doc, goal, direction };
}

async function underDirection(scope: TenantScope, directionId: string) {
  const direction = await findInTenant(scope, operationalGoals, directionId);
  const goal = await findInTenant(scope, strategicGoals, direction.strategicGoalId);
  const doc = await findInTenant(scope, planDocuments, goal.documentId);
  return { doc, goal, direction };
}

export async function projectContext(opts: {
  scope: TenantScope;
  projectId: string | null;
  directionId: string;
}) {
  const { scope } = opts;
  const project = opts.projectId ? await findInTenant(scope, projects, opts.projectId) : null;
  return {
    ...(await underDirection(scope, project?.operationalGoalId ?? opts.directionId)),
    project,
  };
}

export async function indicatorContext(opts: {
  scope: TenantScope;
  indicatorId: string | null;
  directionId: string;
}) {
  const { scope } = opts;
  const indicator = opts.indicatorId
    ? await findInTenant(scope, indicators, opts.indicatorId)
    : null;
  const context = await underDirection(scope, indicator?.operationalGoalId ?? opts.directionId);
  const directionProjects = await scope.db
    .select()
    .from(projects)
    .where(inTenant(scope, projects, eq(projects.operationalGoalId, context.direction.id)))
    .orderBy(asc(projects.position));
  return { ...context, indicator, directionProjects };
}

/** For choosing a goal (a goal coordinator's): archived goals are not offered (decision 070). */
export async function listStrategicGoals(opts: { scope: TenantScope }) {
  return opts.scope.db
    .select()
    .from(strategicGoals)
    .where(inTenant(opts.scope, strategicGoals, isNull(strategicGoals.archivedAt)))
    .orderBy(asc(strategicGoals.code));
}
