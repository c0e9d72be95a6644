// The partner's side of a round: "Moje zadania", one item's form data (prefilled from last
// year's card), saving a draft and submitting. Content is saved through the ordinary card and
// value functions (versions, audit, findings); the item's status lives on the assignment.
import { eq } from "drizzle-orm";
import { indicators, reportingRounds, roundAssignments } from "../../db/schema.ts";
import { authorize, canWorkOnAssignment, ownInstitution } from "../../policies/index.ts";
import { ForbiddenError, UserInputError } from "../errors.ts";
import { loadValueBundles, saveIndicatorValue } from "../indicator-values/index.ts";
import { getProjectCard, saveProjectCard } from "../project-cards.ts";
import { CARD_FIELD_LABELS, type CardFields } from "../value-labels.ts";
import { carriedOverFields } from "./carry-over.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { updateVersioned } from "../versioned-update.ts";
import { loadAssignmentRow, loadAssignmentRows } from "./assignment-rows.ts";
import { yearChange } from "./change.ts";
import { LOCKED_STATUSES } from "./assignment-statuses.ts";
import { assertRoundOpen } from "./round-closing.ts";

/** "Moje zadania": the items assigned to the partner's institution in this municipality's rounds. */
export async function listMyTasks(opts: { scope: TenantScope }) {
  const own = ownInstitution(opts.scope.actor);
  if (!own) return [];
  return loadAssignmentRows(opts.scope, eq(roundAssignments.institutionId, own));
}

/** Last year's card of a project, the form's starting point and the carry-over check's base. */
async function previousCard(scope: TenantScope, projectId: string, year: number) {
  const view = await getProjectCard({ scope, projectId, year: year - 1 }).catch(() => null);
  return view?.card ?? null;
}

/** One item for its partner; another institution's item is "not found", never "forbidden". */
async function ownAssignment(scope: TenantScope, assignmentId: string) {
  const row = await loadAssignmentRow(scope, assignmentId);
  authorize(canWorkOnAssignment(scope.actor, row), { hide: true });
  return row;
}

/**
 * What a task is (card or contribution) and whose, without its form data: the save action
 * needs no more before it saves, and the form's thirteen reads cost a save as much again.
 */
export async function getTaskAssignment(opts: { scope: TenantScope; assignmentId: string }) {
  const row = await ownAssignment(opts.scope, opts.assignmentId);
  return { kind: row.kind, institutionId: row.institutionId };
}

export async function getTask(opts: { scope: TenantScope; assignmentId: string }) {
  const { scope } = opts;
  const assignment = await ownAssignment(scope, opts.assignmentId);
  const round = await findInTenant(scope, reportingRounds, assignment.roundId);
  const locked = LOCKED_STATUSES.includes(assignment.status) || round.status === "closed";
  if (assignment.kind === "card") {
    const view = await getProjectCard({
      scope,
      projectId: assignment.projectId!,
      year: round.year,
    });
    const previous = await previousCard(scope, assignment.projectId!, round.year);
    return {
      kind: "card" as const,
      assignment,
      round,
      locked,
      card: view.card,
      previousCard: previous,
      findings: view.findings,
    };
  }
  const own = assignment.institutionId;
  // Not getIndicatorValue: a value the institution has not contributed to yet is hidden from
  // partners there, while the round has assigned it to them.
  const indicator = await findInTenant(scope, indicators, assignment.indicatorId!);
  const bundle = (
    await loadValueBundles({ scope, indicatorIds: [indicator.id], year: round.year })
  ).get(indicator.id);
  const last = await loadValueBundles({
    scope,
    indicatorIds: [assignment.indicatorId!],
    year: round.year - 1,
  });
  const mine = bundle?.contributions.find((c) => c.institutionId === own) ?? null;
  const previous =
    last.get(assignment.indicatorId!)?.contributions.find((c) => c.institutionId === own) ?? null;
  return {
    kind: "contribution" as const,
    assignment,
    round,
    locked,
    indicator,
    /** The version of the institution's own contribution (null: not reported yet). Decision 018. */
    contributionVersion: mine?.version ?? null,
    contribution: mine,
    previousValue: previous?.value ?? null,
    change: yearChange(previous?.value ?? null, mine?.value ?? null, round.changeThreshold),
    findings: bundle?.findings ?? [],
  };
}

export type TaskInput = {
  scope: TenantScope;
  assignmentId: string;
  /** The assignment's version the form showed: status changes are versioned too. */
  assignmentVersion: number;
  submit: boolean;
  explanation: string | null;
  /** The partner confirmed that text the same as last year's is still right (issue 15 item 4). */
  confirmCarryOver?: boolean;
  card?: { expectedVersion: number | null; fields: CardFields };
  contribution?: {
    /**
     * The version of the institution's own contribution the form showed (null: none yet).
     * Checked like a partner's save on `/edycja`: another institution's save is no conflict.
     */
    expectedVersion: number | null;
    value: number | null;
    approximate: boolean;
    note: string | null;
  };
};

/** Save a draft (any time) or submit; a submitted change beyond the threshold needs an explanation. */
export async function saveTask(input: TaskInput) {
  return inTransaction(input.scope, async (scope) => {
    const a = await ownAssignment(scope, input.assignmentId);
    if (LOCKED_STATUSES.includes(a.status)) {
      throw new ForbiddenError(
        a.status === "accepted"
          ? "Ta pozycja została zatwierdzona i jest zablokowana. Jeśli trzeba ją poprawić, poproś koordynatora o ponowne otwarcie."
          : "Ta pozycja została przekazana do sprawdzenia. Zmienisz ją, gdy koordynator zwróci ją do poprawy.",
      );
    }
    const round = await findInTenant(scope, reportingRounds, a.roundId);
    assertRoundOpen(round);
    if (a.kind === "card") {
      if (!input.card) throw new UserInputError("Brak danych karty.");
      if (input.submit && !input.confirmCarryOver) {
        const carried = carriedOverFields(
          input.card.fields,
          await previousCard(scope, a.projectId!, round.year),
          round.year,
        );
        if (carried.length > 0) {
          throw new UserInputError(
            `${carried.length === 1 ? "Pole" : "Pola"} ${carried.map((f) => `„${CARD_FIELD_LABELS[f]}”`).join(", ")} ${carried.length === 1 ? "ma" : "mają"} ten sam tekst co w ${round.year - 1} r. Zaktualizuj tekst albo potwierdź, że treść jest nadal aktualna, i przekaż ponownie.`,
            "confirmCarryOver",
          );
        }
      }
      await saveProjectCard({
        scope,
        projectId: a.projectId!,
        year: round.year,
        expectedVersion: input.card.expectedVersion,
        fields: input.card.fields,
      });
    } else {
      const c = input.contribution;
      if (!c) throw new UserInputError("Brak wartości.");
      if (input.submit) {
        const last = await loadValueBundles({
          scope,
          indicatorIds: [a.indicatorId!],
          year: round.year - 1,
        });
        const prev = last
          .get(a.indicatorId!)
          ?.contributions.find((x) => x.institutionId === a.institutionId);
        const change = yearChange(prev?.value ?? null, c.value, round.changeThreshold);
        if (change.needsExplanation && !input.explanation) {
          throw new UserInputError(
            `Wartość zmieniła się względem poprzedniego roku o więcej niż ${round.changeThreshold}%. Wyjaśnij przyczynę zmiany, zanim przekażesz dane.`,
            "explanation",
          );
        }
        if (c.value === null)
          throw new UserInputError("Wpisz wartość instytucji, zanim przekażesz dane.", "value");
      }
      await saveIndicatorValue({
        scope,
        indicatorId: a.indicatorId!,
        year: round.year,
        expectedVersion: null,
        expectedContributionVersion: c.expectedVersion,
        contributions: [
          {
            institutionId: a.institutionId,
            value: c.value,
            approximate: c.approximate,
            note: c.note,
          },
        ],
      });
    }
    const status = input.submit
      ? "submitted"
      : a.status === "not_started"
        ? "in_progress"
        : a.status;
    return updateVersioned({
      scope,
      table: roundAssignments,
      entityType: "round_assignment",
      id: a.id,
      expectedVersion: input.assignmentVersion,
      action: input.submit ? "submit" : "update",
      values: {
        status,
        explanation: input.explanation,
        ...(input.submit ? { submittedAt: new Date() } : {}),
      },
    });
  });
}

/** Whether this tenant has any round item for the partner (to show the link on the home page). */
export async function hasTasks(scope: TenantScope): Promise<boolean> {
  const own = ownInstitution(scope.actor);
  if (!own) return false;
  const [row] = await scope.db
    .select({ id: roundAssignments.id })
    .from(roundAssignments)
    .where(inTenant(scope, roundAssignments, eq(roundAssignments.institutionId, own)))
    .limit(1);
  return !!row;
}
