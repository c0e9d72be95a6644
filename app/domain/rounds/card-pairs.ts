// The card tasks a document's projects can have: each live project with each of its live
// institutions — what opening a round proposes and what a bulk addition adds (decision 070:
// nothing archived — project, direction, goal or institution).
import { and, asc, eq, isNull } from "drizzle-orm";
import {
  institutions,
  operationalGoals,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../../db/schema.ts";
import { inTenant, type TenantScope } from "../scope.ts";

export async function liveCardPairs(
  scope: TenantScope,
  where: { documentId: string; goalId?: string | null; institutionId?: string | null },
): Promise<{ projectId: string; institutionId: string }[]> {
  return scope.db
    .select({
      projectId: projectInstitutions.projectId,
      institutionId: projectInstitutions.institutionId,
    })
    .from(projectInstitutions)
    .innerJoin(projects, eq(projects.id, projectInstitutions.projectId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, projects.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .innerJoin(institutions, eq(institutions.id, projectInstitutions.institutionId))
    .where(
      inTenant(
        scope,
        projectInstitutions,
        and(
          eq(strategicGoals.documentId, where.documentId),
          isNull(projects.archivedAt),
          isNull(operationalGoals.archivedAt),
          isNull(strategicGoals.archivedAt),
          isNull(institutions.archivedAt),
          where.goalId ? eq(strategicGoals.id, where.goalId) : undefined,
          where.institutionId
            ? eq(projectInstitutions.institutionId, where.institutionId)
            : undefined,
        ),
      ),
    )
    .orderBy(asc(operationalGoals.position), asc(projects.position));
}
