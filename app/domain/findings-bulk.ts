// Findings of a document's year, worked on many at once (issue 14 item 10): the coordinator
// acknowledges a whole rule's or goal's findings — or a chosen few — with one comment, and
// resolves "reported in another program" findings by pointing at that program's document.
// The open findings are always recomputed from the data inside the transaction, so what is
// acknowledged is what the data says now, never a stale list the browser sent.
import { and, eq, isNull, ne } from "drizzle-orm";
import { findingAcknowledgements, planDocuments, projectCards } from "../db/schema.ts";
import {
  authorize,
  canAcknowledgeFinding,
  canEditProjectCard,
  canReviewFindings,
} from "../policies/index.ts";
import { recordChanges } from "./audit.ts";
import { UserInputError } from "./errors.ts";
import { readReportData } from "./report-data/load.ts";
import type { FindingTarget, ReportFinding } from "./report-data/types.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import { updateVersioned } from "./versioned-update.ts";

/** A finding that can be acknowledged: it names its record, key and goal. */
export type OpenFinding = ReportFinding & { id: string; target: FindingTarget; goalId: string };

/** Which findings a page shows or an action takes: by rule, goal and severity. */
export type FindingFilter = {
  rule?: string | null;
  goal?: string | null;
  severity?: string | null;
};

/** The rule whose findings a pointer to another document resolves. */
export const REPORTED_ELSEWHERE_RULE = "reported_in_missing";

/** How a finding is named in a form: its record and key. */
export function findingId(t: FindingTarget): string {
  return `${t.entityId}|${t.key}`;
}

export function matchesFilter(f: OpenFinding, filter: FindingFilter): boolean {
  return (
    (!filter.rule || f.target.rule === filter.rule) &&
    (!filter.goal || f.goal === filter.goal) &&
    (!filter.severity || f.severity === filter.severity)
  );
}

type Counted = { code: string; count: number };

function countBy(findings: OpenFinding[], key: (f: OpenFinding) => string): Counted[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count }));
}

async function openFindingsOf(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
}): Promise<OpenFinding[]> {
  const data = await readReportData(opts);
  return data.findings.flatMap((f) =>
    f.target && f.goalId && canAcknowledgeFinding(opts.scope.actor, f.goalId)
      ? [{ ...f, target: f.target, goalId: f.goalId, id: findingId(f.target) }]
      : [],
  );
}

/** The year's open findings the reader may acknowledge, with counts by rule and goal. */
export async function listOpenFindings(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  filter?: FindingFilter;
}) {
  authorize(canReviewFindings(opts.scope.actor));
  const all = await openFindingsOf(opts);
  return {
    all: all.length,
    shown: all.filter((f) => matchesFilter(f, opts.filter ?? {})),
    rules: countBy(all, (f) => f.target.rule),
    goals: countBy(all, (f) => f.goal ?? ""),
  };
}

export type BulkResult = { done: number; changedMeanwhile: number };

/** Chosen findings: the ids sent, or every finding the filter names (a rule or goal is needed). */
function choose(all: OpenFinding[], ids: string[] | undefined, filter: FindingFilter) {
  if (ids && ids.length > 0) {
    const wanted = new Set(ids);
    const chosen = all.filter((f) => wanted.has(f.id));
    return { chosen, changedMeanwhile: wanted.size - chosen.length };
  }
  if (!filter.rule && !filter.goal) {
    throw new UserInputError(
      "Zaznacz uwagi na liście albo wybierz regułę lub cel, których uwagi chcesz potwierdzić.",
      "uwagi",
    );
  }
  return { chosen: all.filter((f) => matchesFilter(f, filter)), changedMeanwhile: 0 };
}

function nothingLeft(): never {
  throw new UserInputError(
    "Wybrane uwagi zostały w międzyczasie potwierdzone albo zmieniły się ich liczby — lista została odświeżona.",
    "uwagi",
    "stale",
  );
}

/** Acknowledges the chosen findings with one comment, each in the audit trail. */
export async function acknowledgeFindings(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  ids?: string[];
  filter?: FindingFilter;
  comment: string;
}): Promise<BulkResult> {
  authorize(canReviewFindings(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    const all = await openFindingsOf({ ...opts, scope });
    const { chosen, changedMeanwhile } = choose(all, opts.ids, opts.filter ?? {});
    if (chosen.length === 0) nothingLeft();
    for (const f of chosen) authorize(canAcknowledgeFinding(scope.actor, f.goalId));
    const inserted = await scope.db
      .insert(findingAcknowledgements)
      .values(
        chosen.map((f) => ({
          tenantId: scope.tenant.id,
          entityType: f.target.entityType,
          entityId: f.target.entityId,
          findingKey: f.target.key,
          comment: opts.comment,
          userId: scope.actor.userId,
        })),
      )
      // Two coordinators acknowledging the same finding at once: the first one's stays.
      .onConflictDoNothing()
      .returning({
        entityId: findingAcknowledgements.entityId,
        key: findingAcknowledgements.findingKey,
      });
    const stored = new Set(inserted.map((r) => `${r.entityId}|${r.key}`));
    const done = chosen.filter((f) => stored.has(f.id));
    await recordChanges(
      scope,
      done.map((f) => ({
        entityType: f.target.entityType,
        entityId: f.target.entityId,
        action: "acknowledge" as const,
        before: null,
        after: { finding: f.message, comment: opts.comment },
      })),
    );
    return { done: done.length, changedMeanwhile: changedMeanwhile + chosen.length - done.length };
  });
}

/** The municipality's other documents a project may be reported in. */
export async function documentsToPointAt(opts: { scope: TenantScope; documentId: string }) {
  const { scope } = opts;
  return scope.db
    .select({ id: planDocuments.id, title: planDocuments.title })
    .from(planDocuments)
    .where(
      inTenant(
        scope,
        planDocuments,
        ne(planDocuments.id, opts.documentId),
        isNull(planDocuments.archivedAt),
      ),
    )
    .orderBy(planDocuments.title);
}

/**
 * Resolves "reported in another program" findings: each chosen card gets the document (its
 * title in "Sprawozdawany w dokumencie" and the link), as a versioned, audited card change.
 */
export async function pointFindingsAtDocument(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  ids?: string[];
  filter?: FindingFilter;
  targetDocumentId: string;
}): Promise<BulkResult> {
  authorize(canReviewFindings(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    if (opts.targetDocumentId === opts.documentId) {
      throw new UserInputError("Wskaż inny dokument niż ten, którego dotyczy raport.", "dokument");
    }
    const target = await findInTenant(scope, planDocuments, opts.targetDocumentId);
    const all = (await openFindingsOf({ ...opts, scope })).filter(
      (f) => f.target.rule === REPORTED_ELSEWHERE_RULE && f.target.entityType === "project_card",
    );
    const { chosen, changedMeanwhile } = choose(all, opts.ids, {
      ...opts.filter,
      rule: REPORTED_ELSEWHERE_RULE,
    });
    if (chosen.length === 0) nothingLeft();
    for (const f of chosen) {
      authorize(canEditProjectCard(scope.actor, { goalId: f.goalId, institutionIds: [] }));
      // The finding is open, so the card still names no document: nothing typed is replaced.
      const [card] = await scope.db
        .select({ version: projectCards.version })
        .from(projectCards)
        .where(and(inTenant(scope, projectCards, eq(projectCards.id, f.target.entityId))));
      await updateVersioned({
        scope,
        table: projectCards,
        entityType: "project_card",
        id: f.target.entityId,
        expectedVersion: card!.version,
        values: { reportedIn: target.title, reportedInDocumentId: target.id },
      });
    }
    return { done: chosen.length, changedMeanwhile };
  });
}
