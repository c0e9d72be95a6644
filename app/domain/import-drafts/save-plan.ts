// Carrying out a reviewed import plan: everything in one transaction — a failure anywhere leaves
// the municipality's data as it was. Rows get their ids here, so related rows are inserted in
// batches (an import of 124 project cards is a dozen statements, not a thousand), and every row
// created or changed gets its audit entry, attributed to the reviewer. The steps, in order:
// institutions and the structure (save-structure.ts), projects with their cards, budgets and
// institutions (save-projects.ts), indicators with their values (save-indicators.ts), the
// documents the report names, linked (save-named-documents.ts).
import { planDocuments } from "../../db/schema.ts";
import { authorize, canImportReports } from "../../policies/index.ts";
import { recordChanges } from "../audit.ts";
import { createDocument, type DocumentFields } from "../strategy-structure.ts";
import { findInTenant, inTransaction, type TenantScope } from "../scope.ts";
import type { ImportPlan } from "./plan.ts";
import { count, newSaveContext } from "./save-context.ts";
import { saveIndicators } from "./save-indicators.ts";
import { saveNextYear, saveProjectInstitutions, saveProjects } from "./save-projects.ts";
import { saveGoals, saveInstitutions } from "./save-structure.ts";
import { saveNamedDocuments } from "./save-named-documents.ts";

export { fundingSourceKind } from "./save-projects.ts";

export type ImportTarget = { documentId: string } | { newDocument: DocumentFields };

export type ImportSummary = {
  documentId: string;
  year: number;
  created: Record<string, number>;
  updated: Record<string, number>;
};

export async function savePlan(opts: {
  scope: TenantScope;
  plan: ImportPlan;
  target: ImportTarget;
  /** Where the data came from, kept with each value ("import: raport-2020.docx"). */
  sourceLabel: string;
}): Promise<ImportSummary> {
  authorize(canImportReports(opts.scope.actor));
  const { plan } = opts;
  return inTransaction(opts.scope, async (scope) => {
    const ctx = newSaveContext(scope, plan.year, opts.sourceLabel);
    const documentId =
      "documentId" in opts.target
        ? (await findInTenant(scope, planDocuments, opts.target.documentId)).id
        : (await createDocument({ scope, fields: opts.target.newDocument })).id;
    if (!("documentId" in opts.target)) count(ctx.created, "plan_document");

    const institutionIds = await saveInstitutions(ctx, plan);
    const directionIds = await saveGoals(ctx, plan, documentId);
    const projectIds = await saveProjects(ctx, plan, directionIds);
    await saveProjectInstitutions(ctx, plan, projectIds, institutionIds);
    await saveNextYear(ctx, plan, directionIds);
    await saveIndicators(ctx, plan, {
      directions: directionIds,
      projects: projectIds,
      institutions: institutionIds,
    });

    await saveNamedDocuments(ctx, plan, documentId);

    await recordChanges(scope, ctx.changes);
    return { documentId, year: plan.year, created: ctx.created, updated: ctx.updated };
  });
}
