// Publishing a document's year, and withdrawing a publication (decision 030). A publication is
// never updated in place: publishing again adds the next version; withdrawing marks a version
// withdrawn with the reason, and it stays in the register.
import { and, desc, eq, isNull } from "drizzle-orm";
import { finalReports, planDocuments, publications } from "../../db/schema.ts";
import { authorize, canPublish } from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { formatNumber } from "../../format/polish-numbers.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { UserInputError } from "../errors.ts";
import { refreshComparisonRollup } from "../comparison/rollup.ts";
import { buildSnapshot, countPublishedItems } from "./build-snapshot.ts";
import { invalidatePublicCache } from "./cache.ts";
import { canonicalFingerprint } from "./fingerprint.ts";
import { proseCountsOf } from "./prose-counts.ts";
import type { ProseCount, PublicSnapshot } from "./types.ts";

export type PublicationPreview = {
  snapshot: PublicSnapshot;
  /** Cards and values that will be public. */
  items: number;
  /** Small numbers of people in card texts the publisher must see and confirm. */
  proseCounts: ProseCount[];
  /** The version the public sees now, if any, and whether the new one would differ from it. */
  current: { id: string; versionNumber: number; unchanged: boolean } | null;
};

/** What publishing would put out now: shown on the confirmation page before publishing. */
export async function previewPublication(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  minCount: number;
}): Promise<PublicationPreview> {
  const { scope } = opts;
  authorize(canPublish(scope.actor), { hide: true });
  await findInTenant(scope, planDocuments, opts.documentId);
  const { snapshot } = await buildSnapshot(opts);
  const [current] = await scope.db
    .select({
      id: publications.id,
      versionNumber: publications.versionNumber,
      fingerprint: publications.fingerprint,
    })
    .from(publications)
    .where(
      inTenant(
        scope,
        publications,
        eq(publications.documentId, opts.documentId),
        eq(publications.year, opts.year),
        isNull(publications.withdrawnAt),
      ),
    )
    .orderBy(desc(publications.versionNumber))
    .limit(1);
  return {
    snapshot,
    items: countPublishedItems(snapshot),
    proseCounts: proseCountsOf(snapshot, opts.minCount),
    current: current
      ? {
          id: current.id,
          versionNumber: current.versionNumber,
          unchanged: current.fingerprint === canonicalFingerprint(snapshot),
        }
      : null,
  };
}

export async function publishYear(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  /** BUSOLA_PUBLIC_MIN_COUNT: numbers of people in card texts below it must be confirmed. */
  minCount: number;
  /** Keys of the prose counts the publisher saw (ProseCount.key); all of them must be here. */
  confirmedProseCounts?: string[];
  /** The demo's seeding: the seed texts' small numbers are the source's and were reviewed. */
  confirmAllProseCounts?: boolean;
  /** The final report the publication follows, if it was published from one. */
  sourceFinalReportId?: string | null;
}) {
  const { scope } = opts;
  authorize(canPublish(scope.actor), { hide: true });
  const doc = await findInTenant(scope, planDocuments, opts.documentId);
  // Generated demo years must never pass for a report on the portal (decision 054).
  if (doc.exampleYears.includes(opts.year)) {
    throw new UserInputError(
      `Dane za ${opts.year} r. są danymi przykładowymi (wygenerowanymi do demonstracji) — nie można ich opublikować.`,
      "year",
    );
  }
  if (opts.sourceFinalReportId) {
    const report = await findInTenant(scope, finalReports, opts.sourceFinalReportId);
    if (report.documentId !== opts.documentId || report.year !== opts.year) {
      throw new UserInputError(
        "Wybrany raport ostateczny dotyczy innego dokumentu albo roku.",
        "source",
      );
    }
  }
  const { snapshot, producedBy, producedAt } = await buildSnapshot(opts);
  if (countPublishedItems(snapshot) === 0) {
    throw new UserInputError(
      `Za ${opts.year} r. nie ma żadnej opublikowanej karty projektu ani wartości wskaźnika — nie ma czego udostępnić publicznie.`,
      "year",
    );
  }
  const counts = proseCountsOf(snapshot, opts.minCount);
  const confirmed = new Set(opts.confirmedProseCounts ?? []);
  const unseen = opts.confirmAllProseCounts ? [] : counts.filter((c) => !confirmed.has(c.key));
  if (unseen.length > 0) {
    throw new UserInputError(
      `W tekstach kart ${unseen.length === 1 ? "jest liczba osób mniejsza" : `jest ${formatNumber(unseen.length)} liczb osób mniejszych`} niż ${opts.minCount} (np. „${unseen[0]!.match}” w projekcie ${unseen[0]!.projectLabel}). Popraw tekst karty albo potwierdź, że może zostać opublikowany.`,
      "confirm",
    );
  }
  const fingerprint = canonicalFingerprint(snapshot);
  const row = await inTransaction(scope, async (tx) => {
    const [last] = await tx.db
      .select({ n: publications.versionNumber })
      .from(publications)
      .where(
        inTenant(
          tx,
          publications,
          eq(publications.documentId, opts.documentId),
          eq(publications.year, opts.year),
        ),
      )
      .orderBy(desc(publications.versionNumber))
      .limit(1);
    const [inserted] = await tx.db
      .insert(publications)
      .values({
        tenantId: tx.tenant.id,
        documentId: opts.documentId,
        year: opts.year,
        versionNumber: (last?.n ?? 0) + 1,
        snapshot: snapshot as unknown as Record<string, unknown>,
        fingerprint,
        producedBy,
        producedAt: producedAt ?? new Date(),
        publishedBy: tx.actor.userId || null,
        publishedByName: tx.actor.name,
        sourceFinalReportId: opts.sourceFinalReportId ?? null,
        confirmedProseCounts: counts,
      })
      .returning({
        id: publications.id,
        versionNumber: publications.versionNumber,
        publishedAt: publications.publishedAt,
      });
    await recordChange(tx, {
      entityType: "publication",
      entityId: inserted!.id,
      action: "publish",
      before: null,
      after: {
        documentId: opts.documentId,
        year: opts.year,
        versionNumber: inserted!.versionNumber,
        fingerprint,
      },
    });
    await refreshComparisonRollup(tx);
    return inserted!;
  });
  invalidatePublicCache(scope.tenant.id);
  return row;
}

export async function withdrawPublication(opts: {
  scope: TenantScope;
  publicationId: string;
  reason: string;
}) {
  const { scope } = opts;
  authorize(canPublish(scope.actor), { hide: true });
  const reason = opts.reason.trim();
  if (reason.length < 5) {
    throw new UserInputError(
      "Podaj powód wycofania publikacji — będzie widoczny w rejestrze zmian.",
      "reason",
    );
  }
  const existing = await findInTenant(scope, publications, opts.publicationId);
  if (existing.withdrawnAt) {
    throw new UserInputError("Ta wersja publikacji została już wycofana.", "reason");
  }
  await inTransaction(scope, async (tx) => {
    const [updated] = await tx.db
      .update(publications)
      .set({
        withdrawnAt: new Date(),
        withdrawnBy: tx.actor.userId || null,
        withdrawnByName: tx.actor.name,
        withdrawalReason: reason,
      })
      .where(
        and(
          inTenant(tx, publications, eq(publications.id, existing.id)),
          isNull(publications.withdrawnAt),
        ),
      )
      .returning({ id: publications.id });
    if (!updated) throw new UserInputError("Ta wersja publikacji została już wycofana.", "reason");
    await recordChange(tx, {
      entityType: "publication",
      entityId: existing.id,
      action: "withdraw",
      before: { withdrawnAt: null },
      after: { withdrawalReason: reason },
    });
    await refreshComparisonRollup(tx);
  });
  invalidatePublicCache(scope.tenant.id);
}
