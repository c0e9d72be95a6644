// Adding round tasks many at once (issue 14 item 10): the card of every project of a goal, or
// of every project an institution carries out, each for the project's own institutions — the
// same pairs a coordinator would add one select-pair at a time, in one transaction.
import { asc, eq, isNull } from "drizzle-orm";
import { reportingRounds, roundAssignments, strategicGoals } from "../../db/schema.ts";
import { authorize, canManageRounds } from "../../policies/index.ts";
import { recordChanges } from "../audit.ts";
import { UserInputError } from "../errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { liveCardPairs } from "./card-pairs.ts";

/** The goals of the round's document a bulk addition may name. */
export async function roundGoals(opts: { scope: TenantScope; documentId: string }) {
  const { scope } = opts;
  authorize(canManageRounds(scope.actor));
  return scope.db
    .select({ id: strategicGoals.id, code: strategicGoals.code, title: strategicGoals.title })
    .from(strategicGoals)
    .where(
      inTenant(
        scope,
        strategicGoals,
        eq(strategicGoals.documentId, opts.documentId),
        isNull(strategicGoals.archivedAt),
      ),
    )
    .orderBy(asc(strategicGoals.position));
}

export type BulkAddResult = { added: number; alreadyThere: number };

/** Card tasks for the projects of a goal and/or an institution (at least one of the two). */
export async function addCardAssignmentsInBulk(opts: {
  scope: TenantScope;
  roundId: string;
  goalId: string | null;
  institutionId: string | null;
}): Promise<BulkAddResult> {
  authorize(canManageRounds(opts.scope.actor));
  if (!opts.goalId && !opts.institutionId) {
    throw new UserInputError("Wybierz cel strategiczny albo instytucję.", "bulkGoalId");
  }
  return inTransaction(opts.scope, async (scope) => {
    const round = await findInTenant(scope, reportingRounds, opts.roundId);
    if (round.status === "closed") {
      throw new UserInputError("Runda jest zamknięta — otwórz ją ponownie, aby dodać zadania.");
    }
    const pairs = await liveCardPairs(scope, {
      documentId: round.documentId,
      goalId: opts.goalId,
      institutionId: opts.institutionId,
    });
    if (pairs.length === 0) {
      throw new UserInputError(
        "Wybrany cel lub instytucja nie ma w tym dokumencie projektów z przypisanymi realizatorami.",
        opts.goalId ? "bulkGoalId" : "bulkInstitutionId",
      );
    }
    const created = await scope.db
      .insert(roundAssignments)
      .values(
        pairs.map((p) => ({
          tenantId: scope.tenant.id,
          roundId: round.id,
          kind: "card" as const,
          projectId: p.projectId,
          indicatorId: null,
          institutionId: p.institutionId,
        })),
      )
      // A pair already in the round stays as it is, with whatever was done on it.
      .onConflictDoNothing()
      .returning();
    await recordChanges(
      scope,
      created.map((a) => ({
        entityType: "round_assignment" as const,
        entityId: a.id,
        action: "create" as const,
        before: null,
        after: a,
        entityVersion: a.version,
      })),
    );
    return { added: created.length, alreadyThere: pairs.length - created.length };
  });
}
