// The documents a report names (plan-named-documents.ts), saved with the import: a new one is
// created as the reviewer accepted it, and each is linked to the imported document through
// linkDocuments, which keeps a link that exists and records what it adds.
import { linkDocuments } from "../document-links.ts";
import { createDocument } from "../strategy-structure.ts";
import type { ImportPlan } from "./plan.ts";
import { count, type SaveContext } from "./save-context.ts";

export async function saveNamedDocuments(
  ctx: SaveContext,
  plan: ImportPlan,
  documentId: string,
): Promise<void> {
  for (const d of plan.namedDocuments) {
    let id = d.existingId;
    if (!id) {
      const created = await createDocument({
        scope: ctx.scope,
        fields: {
          kind: d.kind,
          title: d.title,
          slug: d.slug,
          periodStart: d.periodStart,
          periodEnd: d.periodEnd,
          resolutionNumber: d.resolutionNumber,
          resolutionDate: d.resolutionDate,
          status: "in_force",
        },
      });
      id = created.id;
      count(ctx.created, "plan_document");
    }
    await linkDocuments({
      scope: ctx.scope,
      fromDocumentId: d.namedImplementsImported ? id : documentId,
      toDocumentId: d.namedImplementsImported ? documentId : id,
      relation: "implements",
    });
  }
}
