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

export async function loadAssignmentRows(
  scope: TenantScope,
  ...where: (SQL | undefined)[]
): Promise<AssignmentRow[]> {
  const rows = await scope.db
    .select({
      a: roundAssignments,
      year: reportingRounds.year,
      deadline: reportingRounds.deadline,
      institutionName: institutions.name,
      institutionShort: institutions.shortName,
      goalId: strategicGoals.id,
      goalCode: strategicGoals.code,
      symbol: projects.symbol,
      projectTitle: projects.title,
      indicatorName: indicators.name,
      unit: indicators.unit,
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
    .leftJoin(
      projects,
      and(
        eq(projects.tenantId, roundAssignments.tenantId),
        eq(projects.id, roundAssignments.projectId),
      ),
    )
    .leftJoin(
      indicators,
      and(
        eq(indicators.tenantId, roundAssignments.tenantId),
        eq(indicators.id, roundAssignments.indicatorId),
      ),
    )
    .innerJoin(
      operationalGoals,
      and(
        eq(operationalGoals.tenantId, roundAssignments.tenantId),
        eq(
          operationalGoals.id,
          sql`coalesce(${projects.operationalGoalId}, ${indicators.operationalGoalId})`,
        ),
      ),
    )
    .innerJoin(
      strategicGoals,
      and(
        eq(strategicGoals.tenantId, roundAssignments.tenantId),
        eq(strategicGoals.id, operationalGoals.strategicGoalId),
      ),
    )
    .where(inTenant(scope, roundAssignments, ...where))
    .orderBy(
      asc(strategicGoals.position),
      asc(strategicGoals.code),
      asc(roundAssignments.kind),
      asc(sql`coalesce(${projects.symbol}, ${indicators.name})`),
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
