// Opening a round (with Busola's proposal of who reports what, from last year), the list of
// rounds and one round with its items and completeness; adjusting the assignments.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { institutionLabel } from "../../format/names.ts";
import {
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  projectInstitutions,
  projects,
  reportingRounds,
  roundAssignments,
  strategicGoals,
} from "../../db/schema.ts";
import {
  authorize,
  canManageRounds,
  canReviewAssignment,
  canViewRounds,
} from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { UserInputError } from "../errors.ts";
import { loadAssignmentRow, loadAssignmentRows, type AssignmentRow } from "./assignment-rows.ts";
import { completeness } from "./completeness.ts";
import type { AssignmentKind } from "./assignment-statuses.ts";
import { warsawDay } from "./round-dates.ts";
import { liveCardPairs } from "./card-pairs.ts";

export type Round = typeof reportingRounds.$inferSelect;

type Proposal = {
  kind: AssignmentKind;
  projectId: string | null;
  indicatorId: string | null;
  institutionId: string;
};

/**
 * Who reported what last year: project cards by their institutions, contributions by their
 * contributors. Nothing archived is proposed (decision 070): a project or an indicator that
 * ended, one under an archived goal or direction, or an archived institution — a partner would
 * get a task for something that left every working list.
 */
async function proposeAssignments(
  scope: TenantScope,
  documentId: string,
  year: number,
): Promise<Proposal[]> {
  const directionIds = (
    await scope.db
      .select({ id: operationalGoals.id })
      .from(operationalGoals)
      .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
      .where(
        inTenant(
          scope,
          operationalGoals,
          eq(strategicGoals.documentId, documentId),
          isNull(strategicGoals.archivedAt),
          isNull(operationalGoals.archivedAt),
        ),
      )
  ).map((d) => d.id);
  if (directionIds.length === 0) return [];
  const cards = await liveCardPairs(scope, { documentId });
  const contributions = await scope.db
    .select({
      indicatorId: indicatorValues.indicatorId,
      institutionId: indicatorContributions.institutionId,
    })
    .from(indicatorContributions)
    .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorContributions.valueId))
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(institutions, eq(institutions.id, indicatorContributions.institutionId))
    .where(
      inTenant(
        scope,
        indicatorContributions,
        eq(indicatorValues.year, year - 1),
        inArray(indicators.operationalGoalId, directionIds),
        isNull(indicators.archivedAt),
        isNull(institutions.archivedAt),
      ),
    );
  return [
    ...cards.map((c) => ({
      kind: "card" as const,
      projectId: c.projectId,
      indicatorId: null,
      institutionId: c.institutionId,
    })),
    ...contributions.map((c) => ({
      kind: "contribution" as const,
      projectId: null,
      indicatorId: c.indicatorId,
      institutionId: c.institutionId,
    })),
  ];
}

export async function openRound(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  /** YYYY-MM-DD */
  deadline: string;
  remindBefore: number[];
  remindAfter: number[];
  changeThreshold: number;
}): Promise<Round> {
  authorize(canManageRounds(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    const doc = await findInTenant(scope, planDocuments, opts.documentId);
    const [round] = await scope.db
      .insert(reportingRounds)
      .values({
        tenantId: scope.tenant.id,
        documentId: doc.id,
        year: opts.year,
        deadline: opts.deadline,
        remindBefore: opts.remindBefore,
        remindAfter: opts.remindAfter,
        changeThreshold: opts.changeThreshold,
        updatedBy: scope.actor.userId || null,
      })
      .returning()
      .catch((e: unknown) => {
        if (isUniqueViolation(e))
          throw new UserInputError(
            `Runda za rok ${opts.year} dla tego dokumentu już istnieje.`,
            "year",
          );
        throw e;
      });
    await recordChange(scope, {
      entityType: "reporting_round",
      entityId: round!.id,
      action: "create",
      before: null,
      after: round!,
      entityVersion: round!.version,
    });
    const proposal = await proposeAssignments(scope, doc.id, opts.year);
    if (proposal.length > 0) {
      const created = await scope.db
        .insert(roundAssignments)
        .values(proposal.map((p) => ({ ...p, tenantId: scope.tenant.id, roundId: round!.id })))
        .onConflictDoNothing()
        .returning();
      for (const a of created) {
        await recordChange(scope, {
          entityType: "round_assignment",
          entityId: a.id,
          action: "create",
          before: null,
          after: a,
          entityVersion: a.version,
        });
      }
    }
    return round!;
  });
}

export async function listRounds(opts: { scope: TenantScope }) {
  const { scope } = opts;
  authorize(canViewRounds(scope.actor), { hide: true });
  return scope.db
    .select({ round: reportingRounds, documentTitle: planDocuments.title })
    .from(reportingRounds)
    .innerJoin(planDocuments, eq(planDocuments.id, reportingRounds.documentId))
    .where(inTenant(scope, reportingRounds))
    .orderBy(desc(reportingRounds.year), asc(planDocuments.title));
}

/** A round with the items the actor may review (all for a coordinator, their goals for a goal coordinator). */
export async function getRound(opts: { scope: TenantScope; roundId: string; now?: Date }) {
  const { scope } = opts;
  authorize(canViewRounds(scope.actor), { hide: true });
  const round = await findInTenant(scope, reportingRounds, opts.roundId);
  const doc = await findInTenant(scope, planDocuments, round.documentId);
  const rows = (await loadAssignmentRows(scope, eq(roundAssignments.roundId, round.id))).filter(
    (a) => canReviewAssignment(scope.actor, a),
  );
  const today = warsawDay(opts.now ?? new Date());
  return {
    round,
    document: doc,
    assignments: rows,
    completeness: completeness(rows, today),
    today,
    canManage: canManageRounds(scope.actor),
  };
}

export async function addAssignment(opts: {
  scope: TenantScope;
  roundId: string;
  kind: AssignmentKind;
  /** The project (card) or indicator (contribution). */
  targetId: string;
  institutionId: string;
}): Promise<AssignmentRow> {
  authorize(canManageRounds(opts.scope.actor));
  const id = await inTransaction(opts.scope, async (scope) => {
    const round = await findInTenant(scope, reportingRounds, opts.roundId);
    const institution = await findInTenant(scope, institutions, opts.institutionId);
    if (opts.kind === "card") {
      await findInTenant(scope, projects, opts.targetId);
      // Editing a card is the right of the project's institutions (canEditProjectCard).
      const [link] = await scope.db
        .select()
        .from(projectInstitutions)
        .where(
          inTenant(
            scope,
            projectInstitutions,
            eq(projectInstitutions.projectId, opts.targetId),
            eq(projectInstitutions.institutionId, institution.id),
          ),
        );
      if (!link)
        throw new UserInputError(
          "Ta instytucja nie realizuje tego projektu. Dodaj ją najpierw do realizatorów projektu.",
          "institutionId",
        );
    } else {
      await findInTenant(scope, indicators, opts.targetId);
    }
    const [created] = await scope.db
      .insert(roundAssignments)
      .values({
        tenantId: scope.tenant.id,
        roundId: round.id,
        kind: opts.kind,
        projectId: opts.kind === "card" ? opts.targetId : null,
        indicatorId: opts.kind === "contribution" ? opts.targetId : null,
        institutionId: institution.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!created)
      throw new UserInputError("Ta instytucja ma już to zadanie w tej rundzie.", "target");
    await recordChange(scope, {
      entityType: "round_assignment",
      entityId: created.id,
      action: "create",
      before: null,
      after: created,
      entityVersion: created.version,
    });
    return created.id;
  });
  return loadAssignmentRow(opts.scope, id);
}

/** Removing is for items nobody has worked on yet; what was entered stays in the card or value. */
export async function removeAssignment(opts: { scope: TenantScope; assignmentId: string }) {
  authorize(canManageRounds(opts.scope.actor));
  await inTransaction(opts.scope, async (scope) => {
    const a = await findInTenant(scope, roundAssignments, opts.assignmentId);
    if (a.status === "submitted" || a.status === "accepted")
      throw new UserInputError("Nie można usunąć pozycji przekazanej lub zatwierdzonej.");
    await scope.db
      .delete(roundAssignments)
      .where(inTenant(scope, roundAssignments, and(eq(roundAssignments.id, a.id))));
    await recordChange(scope, {
      entityType: "round_assignment",
      entityId: a.id,
      action: "delete",
      before: a,
      after: null,
    });
  });
}

/** What may be added to a round: the document's projects and indicators, and the institutions. */
export async function assignmentOptions(opts: { scope: TenantScope; documentId: string }) {
  const { scope } = opts;
  authorize(canManageRounds(scope.actor));
  const items = await scope.db
    .select({ project: projects, indicator: indicators })
    .from(operationalGoals)
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .leftJoin(projects, eq(projects.operationalGoalId, operationalGoals.id))
    .leftJoin(indicators, eq(indicators.operationalGoalId, operationalGoals.id))
    .where(inTenant(scope, operationalGoals, eq(strategicGoals.documentId, opts.documentId)))
    .orderBy(asc(strategicGoals.position), asc(operationalGoals.position));
  const targets = new Map<string, string>();
  for (const r of items) {
    if (r.project)
      targets.set(`card:${r.project.id}`, `Karta: ${r.project.symbol} ${r.project.title}`);
  }
  for (const r of items) {
    if (r.indicator) targets.set(`contribution:${r.indicator.id}`, `Wskaźnik: ${r.indicator.name}`);
  }
  const insts = await scope.db
    .select()
    .from(institutions)
    .where(inTenant(scope, institutions, isNull(institutions.archivedAt)))
    .orderBy(asc(institutions.name));
  return {
    targets: [...targets].map(([value, label]) => ({ value, label })),
    institutions: insts.map((i) => ({
      value: i.id,
      label: institutionLabel(i.name, i.shortName),
    })),
  };
}
