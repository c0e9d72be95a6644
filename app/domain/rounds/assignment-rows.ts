// The one query behind every list of a round's items: each assignment with what it is about
// (project or indicator), its strategic goal (for goal coordinators) and its institution.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { institutionLabel } from "../../format/names.ts";
import {
  indicators,
  institutions,
  operationalGoals,
  projects,
  reportingRounds,
  roundAssignments,
  strategicGoals,
} from "../../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { inTenant, isUuid, type TenantScope } from "../scope.ts";
import type { AssignmentKind, AssignmentStatus } from "./assignment-statuses.ts";

export type AssignmentRow = {
  id: string;
  roundId: string;
  year: number;
  deadline: string;
  kind: AssignmentKind;
  projectId: string | null;
  indicatorId: string | null;
  institutionId: string;
  institutionName: string;
  status: AssignmentStatus;
  version: number;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  returnComment: string | null;
  reopenReason: string | null;
  explanation: string | null;
  goalId: string;
  goalCode: string;
  /** Project symbol and title, or the indicator's name and unit. */
  symbol: string | null;
  title: string;
  unit: string | null;
};

/**
 * What a project or an indicator assignment is about, with its strategic goal: one lateral
 * subquery each, fenced by `limit 1` (one row by primary key anyway) so the planner plans them apart. As one seven-table join
 * (with the goal joined on `coalesce` of two outer joins) planning alone took 4–7 ms on PGlite
 * per call — more than the rest of a partner's save (decision 077).
 */
function subjectOf(scope: TenantScope, kind: "project" | "indicator") {
  const item = kind === "project" ? projects : indicators;
  const ref = kind === "project" ? roundAssignments.projectId : roundAssignments.indicatorId;
  return scope.db
    .select({
      label: sql<string | null>`${kind === "project" ? projects.symbol : indicators.name}`.as(
        `${kind}_label`,
      ),
      title: sql<string>`${kind === "project" ? projects.title : indicators.name}`.as(
        `${kind}_title`,
      ),
      unit: sql<string | null>`${kind === "project" ? sql`null` : indicators.unit}`.as(
        `${kind}_unit`,
      ),
      goalId: sql<string>`${strategicGoals.id}`.as(`${kind}_goal_id`),
      goalCode: sql<string>`${strategicGoals.code}`.as(`${kind}_goal_code`),
      goalPosition: sql<number>`${strategicGoals.position}`.as(`${kind}_goal_position`),
    })
    .from(item)
    .innerJoin(
      operationalGoals,
      and(
        eq(operationalGoals.tenantId, item.tenantId),
        eq(operationalGoals.id, item.operationalGoalId),
      ),
    )
    .innerJoin(
      strategicGoals,
      and(
        eq(strategicGoals.tenantId, operationalGoals.tenantId),
        eq(strategicGoals.id, operationalGoals.strategicGoalId),
      ),
    )
    .where(and(eq(item.tenantId, roundAssignments.tenantId), eq(item.id, ref)))
    .limit(1)
    .as(kind === "project" ? "assignment_project" : "assignment_indicator");
}

export async function loadAssignmentRows(
  scope: TenantScope,
  ...where: (SQL | undefined)[]
): Promise<AssignmentRow[]> {
  const project = subjectOf(scope, "project");
  const indicator = subjectOf(scope, "indicator");
  const goalId = sql<string>`coalesce(${project.goalId}, ${indicator.goalId})`;
  const rows = await scope.db
    .select({
      a: roundAssignments,
      year: reportingRounds.year,
      deadline: reportingRounds.deadline,
      institutionName: institutions.name,
      institutionShort: institutions.shortName,
      goalId,
      goalCode: sql<string>`coalesce(${project.goalCode}, ${indicator.goalCode})`,
      symbol: project.label,
      projectTitle: project.title,
      indicatorName: indicator.title,
      unit: indicator.unit,
    })
    .from(roundAssignments)
    .innerJoin(
      reportingRounds,
      and(
        eq(reportingRounds.tenantId, roundAssignments.tenantId),
        eq(reportingRounds.id, roundAssignments.roundId),
      ),
    )
    .innerJoin(
      institutions,
      and(
        eq(institutions.tenantId, roundAssignments.tenantId),
        eq(institutions.id, roundAssignments.institutionId),
      ),
    )
    .leftJoinLateral(project, sql`true`)
    .leftJoinLateral(indicator, sql`true`)
    .where(inTenant(scope, roundAssignments, sql`${goalId} is not null`, ...where))
    .orderBy(
      asc(sql`coalesce(${project.goalPosition}, ${indicator.goalPosition})`),
      asc(sql`coalesce(${project.goalCode}, ${indicator.goalCode})`),
      asc(roundAssignments.kind),
      asc(sql`coalesce(${project.label}, ${indicator.title})`),
      asc(institutions.name),
    );
  return rows.map((r) => ({
    id: r.a.id,
    roundId: r.a.roundId,
    year: r.year,
    deadline: r.deadline,
    kind: r.a.kind as AssignmentKind,
    projectId: r.a.projectId,
    indicatorId: r.a.indicatorId,
    institutionId: r.a.institutionId,
    institutionName: institutionLabel(r.institutionName, r.institutionShort),
    status: r.a.status as AssignmentStatus,
    version: r.a.version,
    submittedAt: r.a.submittedAt,
    reviewedAt: r.a.reviewedAt,
    returnComment: r.a.returnComment,
    reopenReason: r.a.reopenReason,
    explanation: r.a.explanation,
    goalId: r.goalId,
    goalCode: r.goalCode,
    symbol: r.symbol,
    title: r.projectTitle ?? r.indicatorName ?? "",
    unit: r.unit,
  }));
}

/** One assignment of the tenant, or NotFoundError (also for a malformed or foreign id). */
export async function loadAssignmentRow(scope: TenantScope, id: string): Promise<AssignmentRow> {
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await loadAssignmentRows(scope, eq(roundAssignments.id, id));
  if (!row) throw new NotFoundError();
  return row;
}

/** "C1K2 Klub Integracji Społecznej" or "wskaźnik: liczba osób…" — for lists and e-mails. */
export function itemLabel(a: Pick<AssignmentRow, "kind" | "symbol" | "title">): string {
  return a.kind === "card"
    ? `karta projektu ${a.symbol ?? ""} ${a.title}`.replace(/\s+/g, " ")
    : `wskaźnik: ${a.title}`;
}
