// What a round's assignments mean for the ordinary card and value forms: an assignment gives
// the partner's institution the right to report a contribution it did not report before, and
// an item under review or accepted is locked for the partner wherever it is edited.
import { and, eq, inArray } from "drizzle-orm";
import { reportingRounds, roundAssignments } from "../../db/schema.ts";
import { ForbiddenError } from "../errors.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { LOCKED_STATUSES, type AssignmentKind } from "./assignment-statuses.ts";

type Item = {
  scope: TenantScope;
  kind: AssignmentKind;
  /** The project (card) or indicator (contribution). */
  targetId: string;
  year: number;
  institutionId: string;
};

/** Assignments of a target (project card or indicator contribution) in rounds of the year. */
function assignmentsOfTarget(
  item: Omit<Item, "institutionId">,
  ...more: Parameters<typeof inTenant>[2][]
) {
  const { scope } = item;
  const target =
    item.kind === "card"
      ? eq(roundAssignments.projectId, item.targetId)
      : eq(roundAssignments.indicatorId, item.targetId);
  return scope.db
    .select({ id: roundAssignments.id, status: roundAssignments.status })
    .from(roundAssignments)
    .innerJoin(
      reportingRounds,
      and(
        eq(reportingRounds.tenantId, roundAssignments.tenantId),
        eq(reportingRounds.id, roundAssignments.roundId),
      ),
    )
    .where(
      inTenant(
        scope,
        roundAssignments,
        eq(roundAssignments.kind, item.kind),
        target,
        eq(reportingRounds.year, item.year),
        ...more,
      ),
    );
}

function assignmentsOf(item: Item, statuses?: readonly string[]) {
  return assignmentsOfTarget(
    item,
    eq(roundAssignments.institutionId, item.institutionId),
    statuses ? inArray(roundAssignments.status, [...statuses]) : undefined,
  );
}

export async function isAssigned(item: Item): Promise<boolean> {
  return (await assignmentsOf(item)).length > 0;
}

/** Whether a round covers the item this year at all (for any institution). */
export async function isInRound(item: Omit<Item, "institutionId">): Promise<boolean> {
  return (await assignmentsOfTarget(item).limit(1)).length > 0;
}

/** Refuses a partner's change of an item that was submitted for review or accepted. */
export async function assertNotLockedForPartner(item: Item): Promise<void> {
  if (item.scope.actor.membership?.role !== "partner") return;
  if ((await assignmentsOf(item, LOCKED_STATUSES)).length > 0) {
    throw new ForbiddenError(
      "Ta pozycja została przekazana do sprawdzenia lub zatwierdzona — nie można jej już zmienić. Jeśli trzeba ją poprawić, poproś koordynatora o ponowne otwarcie.",
    );
  }
}
