// The reviewer's side: one item with what the partner entered, last year's value and the
// explanation; accept, return with a comment, or (coordinator) reopen an accepted item.
import { and, eq } from "drizzle-orm";
import { memberships, reportingRounds, roundAssignments, users } from "../../db/schema.ts";
import {
  authorize,
  canManageRounds,
  canReviewAssignment,
  canViewRounds,
} from "../../policies/index.ts";
import { listHistory } from "../audit.ts";
import { getIndicatorValue, loadValueBundles } from "../indicator-values/index.ts";
import { getProjectCard } from "../project-cards.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { UserInputError } from "../errors.ts";
import { updateVersioned } from "../versioned-update.ts";
import { sendMail } from "../mail/send.ts";
import { getMailTransport } from "../mail/transport.ts";
import { returnedMail } from "../mail/templates.ts";
import { itemLabel, loadAssignmentRow, type AssignmentRow } from "./assignment-rows.ts";
import { cardDifferences } from "./carry-over.ts";
import { yearChange } from "./change.ts";

async function reviewable(scope: TenantScope, assignmentId: string): Promise<AssignmentRow> {
  authorize(canViewRounds(scope.actor), { hide: true });
  const row = await loadAssignmentRow(scope, assignmentId);
  // A goal coordinator guessing another goal's item gets the same answer as a wrong id.
  authorize(canReviewAssignment(scope.actor, row), { hide: true });
  return row;
}

export async function getReviewItem(opts: { scope: TenantScope; assignmentId: string }) {
  const { scope } = opts;
  const assignment = await reviewable(scope, opts.assignmentId);
  const round = await findInTenant(scope, reportingRounds, assignment.roundId);
  const history = await listHistory({
    scope,
    entityType: "round_assignment",
    entityIds: [assignment.id],
  });
  const base = { assignment, round, history, canManage: canManageRounds(scope.actor) };
  if (assignment.kind === "card") {
    const view = await getProjectCard({
      scope,
      projectId: assignment.projectId!,
      year: round.year,
    });
    const previous = await getProjectCard({
      scope,
      projectId: assignment.projectId!,
      year: round.year - 1,
    }).catch(() => null);
    return {
      ...base,
      kind: "card" as const,
      card: view.card,
      findings: view.findings,
      // Every field against last year's card, so the reviewer sees what changed (issue 15 item 4).
      differences: cardDifferences(view.card, previous?.card ?? null),
    };
  }
  const view = await getIndicatorValue({
    scope,
    indicatorId: assignment.indicatorId!,
    year: round.year,
    // Last year's contribution is read below, for the institution's own difference.
    withPrevious: false,
  });
  const last = await loadValueBundles({
    scope,
    indicatorIds: [assignment.indicatorId!],
    year: round.year - 1,
  });
  const mine =
    view.bundle?.contributions.find((c) => c.institutionId === assignment.institutionId) ?? null;
  const prev =
    last
      .get(assignment.indicatorId!)
      ?.contributions.find((c) => c.institutionId === assignment.institutionId) ?? null;
  return {
    ...base,
    kind: "contribution" as const,
    indicator: view.indicator,
    bundle: view.bundle,
    contribution: mine,
    change: yearChange(prev?.value ?? null, mine?.value ?? null, round.changeThreshold),
    findings: view.bundle?.findings ?? [],
  };
}

type ReviewInput = { scope: TenantScope; assignmentId: string; expectedVersion: number };

export async function acceptAssignment(input: ReviewInput) {
  return inTransaction(input.scope, async (scope) => {
    const a = await reviewable(scope, input.assignmentId);
    if (a.status !== "submitted")
      throw new UserInputError("Zatwierdzić można tylko przekazaną pozycję.");
    return updateVersioned({
      scope,
      table: roundAssignments,
      entityType: "round_assignment",
      id: a.id,
      expectedVersion: input.expectedVersion,
      action: "accept",
      values: { status: "accepted", reviewedAt: new Date(), returnComment: null },
    });
  });
}

export async function returnAssignment(input: ReviewInput & { comment: string }) {
  const comment = input.comment.trim();
  if (!comment) throw new UserInputError("Napisz, co trzeba poprawić.", "comment");
  return inTransaction(input.scope, async (scope) => {
    const a = await reviewable(scope, input.assignmentId);
    if (a.status !== "submitted")
      throw new UserInputError("Zwrócić do poprawy można tylko przekazaną pozycję.");
    const updated = await updateVersioned({
      scope,
      table: roundAssignments,
      entityType: "round_assignment",
      id: a.id,
      expectedVersion: input.expectedVersion,
      action: "return",
      values: { status: "returned", reviewedAt: new Date(), returnComment: comment },
    });
    await notifyInstitution(scope, a, (to, link) =>
      returnedMail({ to, item: itemLabel(a), comment, link }),
    );
    return updated;
  });
}

export async function reopenAssignment(input: ReviewInput & { reason: string }) {
  authorize(canManageRounds(input.scope.actor));
  const reason = input.reason.trim();
  if (!reason) throw new UserInputError("Podaj powód ponownego otwarcia.", "reason");
  return inTransaction(input.scope, async (scope) => {
    const a = await reviewable(scope, input.assignmentId);
    if (a.status !== "accepted")
      throw new UserInputError("Ponownie otworzyć można tylko zatwierdzoną pozycję.");
    return updateVersioned({
      scope,
      table: roundAssignments,
      entityType: "round_assignment",
      id: a.id,
      expectedVersion: input.expectedVersion,
      action: "reopen",
      values: { status: "returned", reopenReason: reason, returnComment: reason },
    });
  });
}

/** The partners of the item's institution in this municipality (active accounts). */
export async function institutionPeople(scope: TenantScope, institutionId: string) {
  return scope.db
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      inTenant(
        scope,
        memberships,
        and(
          eq(memberships.institutionId, institutionId),
          eq(memberships.role, "partner"),
          eq(users.disabled, false),
        ),
      ),
    );
}

async function notifyInstitution(
  scope: TenantScope,
  a: AssignmentRow,
  message: (to: string, link: string) => Parameters<typeof sendMail>[0]["message"],
) {
  const link = `${getMailTransport().publicUrl}/g/${scope.tenant.slug}/moje-zadania/${a.id}`;
  for (const p of await institutionPeople(scope, a.institutionId)) {
    await sendMail({
      db: scope.db,
      tenantId: scope.tenant.id,
      kind: "returned",
      message: message(p.email, link),
    });
  }
}
