// Links between a municipality's documents (decision 063): a program "implements" the strategy,
// a new strategy period "continues" the previous one. Set on the document form (implements) and
// by starting a new period (continues); read by both documents' pages, the report's
// introduction and the publication snapshot. The import may propose links; it saves them
// through `linkDocuments` too.
import { and, eq, inArray, or } from "drizzle-orm";
import { documentLinks, planDocuments } from "../db/schema.ts";
import { authorize, canEditStrategy } from "../policies/index.ts";
import { recordChange } from "./audit.ts";
import { UserInputError } from "./errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";

export const DOCUMENT_RELATIONS = ["implements", "continues"] as const;
export type DocumentRelation = (typeof DOCUMENT_RELATIONS)[number];

export type LinkedDocument = {
  id: string;
  slug: string;
  title: string;
  kind: string;
  periodStart: number;
  periodEnd: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
};

/** Every link of one document, both ways, by relation. */
export type DocumentLinks = {
  /** Documents this one implements (a program → the strategy). */
  implements: LinkedDocument[];
  /** Documents implementing this one (the strategy ← its programs). */
  implementedBy: LinkedDocument[];
  /** The previous period this document continues. */
  continues: LinkedDocument[];
  /** The next period that continues this document. */
  continuedBy: LinkedDocument[];
};

/**
 * The links of a document for its page and for the report's introduction ("Programy
 * realizujące strategię", "kontynuacja strategii na lata …"). The caller has checked that the
 * reader may see the document; linked documents are the same municipality's.
 */
export async function readDocumentLinks(opts: {
  scope: TenantScope;
  documentId: string;
}): Promise<DocumentLinks> {
  const { scope, documentId } = opts;
  const links = await scope.db
    .select()
    .from(documentLinks)
    .where(
      inTenant(
        scope,
        documentLinks,
        or(
          eq(documentLinks.fromDocumentId, documentId),
          eq(documentLinks.toDocumentId, documentId),
        ),
      ),
    );
  const ids = [...new Set(links.flatMap((l) => [l.fromDocumentId, l.toDocumentId]))];
  const docs = ids.length
    ? await scope.db
        .select()
        .from(planDocuments)
        .where(inTenant(scope, planDocuments, inArray(planDocuments.id, ids)))
    : [];
  const byId = new Map(docs.map((d) => [d.id, linkedOf(d)]));
  const pick = (relation: DocumentRelation, outgoing: boolean) =>
    links
      .filter(
        (l) =>
          l.relation === relation &&
          (outgoing ? l.fromDocumentId === documentId : l.toDocumentId === documentId),
      )
      .map((l) => byId.get(outgoing ? l.toDocumentId : l.fromDocumentId)!)
      .sort((a, b) => a.periodStart - b.periodStart || a.title.localeCompare(b.title, "pl"));
  return {
    implements: pick("implements", true),
    implementedBy: pick("implements", false),
    continues: pick("continues", true),
    continuedBy: pick("continues", false),
  };
}

function linkedOf(d: typeof planDocuments.$inferSelect): LinkedDocument {
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    kind: d.kind,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    resolutionNumber: d.resolutionNumber,
    resolutionDate: d.resolutionDate,
  };
}

/**
 * Set what a document implements: exactly `targetIds` afterwards (an empty list removes the
 * links). Audited on the document as the field "implements" (titles before → after).
 */
export async function setImplementedDocuments(opts: {
  scope: TenantScope;
  documentId: string;
  targetIds: string[];
}): Promise<void> {
  authorize(canEditStrategy(opts.scope.actor));
  const targetIds = [...new Set(opts.targetIds)];
  if (targetIds.includes(opts.documentId))
    throw new UserInputError("Dokument nie może realizować samego siebie.", "implementsId");
  await inTransaction(opts.scope, async (scope) => {
    await findInTenant(scope, planDocuments, opts.documentId);
    const targets = [];
    for (const id of targetIds) targets.push(await findInTenant(scope, planDocuments, id));
    const before = (await readDocumentLinks({ scope, documentId: opts.documentId })).implements;
    const beforeIds = before.map((d) => d.id).sort();
    if (JSON.stringify(beforeIds) === JSON.stringify([...targetIds].sort())) return;
    await scope.db
      .delete(documentLinks)
      .where(
        inTenant(
          scope,
          documentLinks,
          eq(documentLinks.fromDocumentId, opts.documentId),
          eq(documentLinks.relation, "implements"),
        ),
      );
    if (targetIds.length)
      await scope.db
        .insert(documentLinks)
        .values(
          targetIds.map((toDocumentId) => ({
            tenantId: scope.tenant.id,
            fromDocumentId: opts.documentId,
            toDocumentId,
            relation: "implements",
          })),
        )
        .onConflictDoUpdate({
          target: [
            documentLinks.tenantId,
            documentLinks.fromDocumentId,
            documentLinks.toDocumentId,
          ],
          set: { relation: "implements" },
        });
    await recordChange(scope, {
      entityType: "plan_document",
      entityId: opts.documentId,
      action: "update",
      before: { implements: before.map((d) => d.title) },
      after: { implements: targets.map((t) => t.title) },
    });
  });
}

/**
 * Add one link in the caller's transaction (a new period continuing the previous one, an
 * accepted import proposal). Audited on the "from" document.
 */
export async function linkDocuments(opts: {
  scope: TenantScope;
  fromDocumentId: string;
  toDocumentId: string;
  relation: DocumentRelation;
}): Promise<void> {
  const { scope } = opts;
  authorize(canEditStrategy(scope.actor));
  if (opts.fromDocumentId === opts.toDocumentId)
    throw new UserInputError("Dokument nie może być powiązany sam ze sobą.");
  const to = await findInTenant(scope, planDocuments, opts.toDocumentId);
  await findInTenant(scope, planDocuments, opts.fromDocumentId);
  const [existing] = await scope.db
    .select()
    .from(documentLinks)
    .where(
      and(
        inTenant(scope, documentLinks),
        eq(documentLinks.fromDocumentId, opts.fromDocumentId),
        eq(documentLinks.toDocumentId, opts.toDocumentId),
      ),
    );
  if (existing?.relation === opts.relation) return;
  await scope.db
    .insert(documentLinks)
    .values({
      tenantId: scope.tenant.id,
      fromDocumentId: opts.fromDocumentId,
      toDocumentId: opts.toDocumentId,
      relation: opts.relation,
    })
    .onConflictDoUpdate({
      target: [documentLinks.tenantId, documentLinks.fromDocumentId, documentLinks.toDocumentId],
      set: { relation: opts.relation },
    });
  await recordChange(scope, {
    entityType: "plan_document",
    entityId: opts.fromDocumentId,
    action: "update",
    before: existing ? { [existing.relation]: [to.title] } : { [opts.relation]: [] },
    after: { [opts.relation]: [to.title] },
  });
}
