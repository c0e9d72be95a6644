// What uses an item (decision 070): an item anything refers to is archived, never deleted, so
// nothing referenced is lost. Each use is named in Polish for the refusal's message.
import { count, eq, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  auditLog,
  finalReports,
  importDrafts,
  indicatorContributions,
  indicators,
  indicatorValues,
  memberships,
  membershipGoals,
  operationalGoals,
  projectCards,
  projectInstitutions,
  projects,
  publications,
  reportingRounds,
  roundAssignments,
  strategicGoals,
  workbookUploads,
} from "../../db/schema.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import type { ArchiveKind } from "./kinds.ts";

type Use = { label: string; table: PgTable & { tenantId: PgColumn }; where: SQL | undefined };

function uses(kind: ArchiveKind, id: string, userId: string | null): Use[] {
  const u = (label: string, table: PgTable, where: SQL | undefined): Use => ({
    label,
    table: table as Use["table"],
    where,
  });
  switch (kind) {
    case "document":
      return [
        u("cele strategiczne", strategicGoals, eq(strategicGoals.documentId, id)),
        u("sprawozdania końcowe", finalReports, eq(finalReports.documentId, id)),
        u("publikacje", publications, eq(publications.documentId, id)),
        u("rundy sprawozdawcze", reportingRounds, eq(reportingRounds.documentId, id)),
        u("importy", importDrafts, eq(importDrafts.documentId, id)),
        u("karty projektów", projectCards, eq(projectCards.reportedInDocumentId, id)),
      ];
    case "goal":
      return [
        u("kierunki działań", operationalGoals, eq(operationalGoals.strategicGoalId, id)),
        u("przypisania koordynatorów", membershipGoals, eq(membershipGoals.goalId, id)),
      ];
    case "direction":
      return [
        u("projekty", projects, eq(projects.operationalGoalId, id)),
        u("wskaźniki", indicators, eq(indicators.operationalGoalId, id)),
      ];
    case "project":
      return [
        u("karty sprawozdań", projectCards, eq(projectCards.projectId, id)),
        u("wskaźniki", indicators, eq(indicators.projectId, id)),
        u("zadania rund", roundAssignments, eq(roundAssignments.projectId, id)),
      ];
    case "indicator":
      return [
        u("wartości", indicatorValues, eq(indicatorValues.indicatorId, id)),
        u("zadania rund", roundAssignments, eq(roundAssignments.indicatorId, id)),
      ];
    case "institution":
      return [
        u("projekty", projectInstitutions, eq(projectInstitutions.institutionId, id)),
        u(
          "wkłady we wskaźniki",
          indicatorContributions,
          eq(indicatorContributions.institutionId, id),
        ),
        u("konta osób", memberships, eq(memberships.institutionId, id)),
        u("zadania rund", roundAssignments, eq(roundAssignments.institutionId, id)),
        u("przesłane arkusze", workbookUploads, eq(workbookUploads.institutionId, id)),
      ];
    case "member":
      return userId ? [u("zmiany w historii", auditLog, eq(auditLog.userId, userId))] : [];
  }
}

/** The uses of an item, as "karty sprawozdań (3)"; empty when it was never used. */
export async function usesOf(opts: {
  scope: TenantScope;
  kind: ArchiveKind;
  id: string;
  /** For a member: the person's account, whose changes in the history are uses. */
  userId?: string | null;
}): Promise<string[]> {
  const found: string[] = [];
  for (const use of uses(opts.kind, opts.id, opts.userId ?? null)) {
    const [row] = await opts.scope.db
      .select({ n: count() })
      .from(use.table)
      .where(inTenant(opts.scope, use.table, use.where));
    if (row && row.n > 0) found.push(`${use.label} (${row.n})`);
  }
  return found;
}
