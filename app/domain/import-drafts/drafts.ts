// Import drafts: an uploaded report read and parsed, waiting for review; committed exactly once.
import { stat } from "node:fs/promises";
import { and, desc, eq } from "drizzle-orm";
import { importDrafts, planDocuments } from "../../db/schema.ts";
import { readAndParse, type ReadAndParse } from "../../report-reader/read-and-parse.ts";
import { ImportInputError, type ReadReportOptions } from "../../report-reader/read-file.ts";
import type { ImportProposal } from "../../report-reader/types.ts";
import { authorize, canImportReports } from "../../policies/index.ts";
import { recordChanges } from "../audit.ts";
import { bumpVersion } from "../versioned-update.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { NotFoundError, UserInputError } from "../errors.ts";
import { applyDecisions, type ImportDecisions } from "./decisions.ts";
import { loadExistingStructure } from "./existing.ts";
import { planImport, type ImportPlan } from "./plan.ts";
import { savePlan, type ImportSummary, type ImportTarget } from "./save-plan.ts";

export type ImportDraft = Omit<typeof importDrafts.$inferSelect, "proposal" | "result"> & {
  proposal: ImportProposal;
  result: ImportSummary | null;
};

function asDraft(row: typeof importDrafts.$inferSelect): ImportDraft {
  return {
    ...row,
    proposal: row.proposal as unknown as ImportProposal,
    result: row.result as unknown as ImportSummary | null,
  };
}

/** Reads and parses the file; nothing of the municipality's data is touched. */
export async function createDraft(opts: {
  scope: TenantScope;
  file: string;
  fileName: string;
  limits?: Omit<ReadReportOptions, "file">;
  /** Where the reading happens; in-process by default. */
  reader?: ReadAndParse;
}): Promise<ImportDraft> {
  authorize(canImportReports(opts.scope.actor));
  const { text, proposal } = await (opts.reader ?? readAndParse)({
    ...opts.limits,
    file: opts.file,
  });
  if (
    proposal.goals.length === 0 &&
    proposal.projects.length === 0 &&
    proposal.indicators.length === 0
  ) {
    throw new ImportInputError(
      "Nie rozpoznano w pliku sprawozdania: nie ma w nim ani celów, ani kart projektów, ani tabel wskaźników. Sprawdź, czy to właściwy plik.",
    );
  }
  const { size } = await stat(opts.file);
  const [row] = await opts.scope.db
    .insert(importDrafts)
    .values({
      tenantId: opts.scope.tenant.id,
      userId: opts.scope.actor.userId || null,
      fileName: opts.fileName,
      fileSize: size,
      proposal: proposal as unknown as Record<string, unknown>,
      sourceText: text,
      year: proposal.document.year,
    })
    .returning();
  return asDraft(row!);
}

export async function getDraft(opts: {
  scope: TenantScope;
  draftId: string;
}): Promise<ImportDraft> {
  authorize(canImportReports(opts.scope.actor), { hide: true });
  return asDraft(await findInTenant(opts.scope, importDrafts, opts.draftId));
}

export async function listDrafts(opts: { scope: TenantScope }) {
  authorize(canImportReports(opts.scope.actor), { hide: true });
  return opts.scope.db
    .select({
      id: importDrafts.id,
      fileName: importDrafts.fileName,
      fileSize: importDrafts.fileSize,
      status: importDrafts.status,
      year: importDrafts.year,
      createdAt: importDrafts.createdAt,
      committedAt: importDrafts.committedAt,
      documentId: importDrafts.documentId,
    })
    .from(importDrafts)
    .where(inTenant(opts.scope, importDrafts))
    .orderBy(desc(importDrafts.createdAt))
    .limit(50);
}

/** The plan the review page shows: what saving would do against the chosen document. */
export async function planDraft(opts: {
  scope: TenantScope;
  draft: ImportDraft;
  documentId: string | null;
  year: number;
}): Promise<ImportPlan> {
  authorize(canImportReports(opts.scope.actor), { hide: true });
  if (opts.documentId) await findInTenant(opts.scope, planDocuments, opts.documentId);
  const existing = await loadExistingStructure(opts);
  return planImport({ proposal: opts.draft.proposal, existing, year: opts.year });
}

export async function commitDraft(opts: {
  scope: TenantScope;
  draftId: string;
  target: ImportTarget;
  year: number;
  decisions: ImportDecisions;
}): Promise<ImportSummary> {
  authorize(canImportReports(opts.scope.actor), { hide: true });
  return inTransaction(opts.scope, async (scope) => {
    // The row lock makes a second commit of the same draft wait, then see it committed.
    const [row] = await scope.db
      .select()
      .from(importDrafts)
      .where(inTenant(scope, importDrafts, eq(importDrafts.id, opts.draftId)))
      .for("update");
    if (!row) throw new NotFoundError();
    if (row.status !== "draft")
      throw new UserInputError(
        row.status === "committed"
          ? "Ten import został już zapisany — nie zapisuję go drugi raz."
          : "Ten import został odrzucony.",
      );
    const draft = asDraft(row);
    const documentId = "documentId" in opts.target ? opts.target.documentId : null;
    const existing = await loadExistingStructure({ scope, documentId, year: opts.year });
    const plan = applyDecisions(
      planImport({ proposal: draft.proposal, existing, year: opts.year }),
      opts.decisions,
    );
    const summary = await savePlan({
      scope,
      plan,
      target: opts.target,
      sourceLabel: `import: ${draft.fileName}`,
    });
    const [after] = await bumpVersion({
      scope,
      table: importDrafts,
      where: eq(importDrafts.id, row.id),
      expectedVersion: row.version,
      values: {
        status: "committed",
        documentId: summary.documentId,
        year: opts.year,
        result: summary as unknown as Record<string, unknown>,
        committedAt: new Date(),
      },
    });
    await recordChanges(scope, [
      {
        entityType: "import",
        entityId: row.id,
        action: "update",
        before: { status: row.status, fileName: row.fileName },
        after: {
          status: after?.status,
          fileName: row.fileName,
          rejected: opts.decisions.rejected,
          corrections: opts.decisions.corrections,
          ...summary,
        },
        entityVersion: after?.version,
      },
    ]);
    return summary;
  });
}

export async function discardDraft(opts: { scope: TenantScope; draftId: string }): Promise<void> {
  authorize(canImportReports(opts.scope.actor), { hide: true });
  await opts.scope.db
    .update(importDrafts)
    .set({ status: "discarded", sourceText: "", updatedAt: new Date() })
    .where(
      inTenant(
        opts.scope,
        importDrafts,
        and(eq(importDrafts.id, opts.draftId), eq(importDrafts.status, "draft")),
      ),
    );
}

/** Saving a proposal straight away, without review: the demo data and `busola import --commit`. */
export async function importProposal(opts: {
  scope: TenantScope;
  proposal: ImportProposal;
  target: ImportTarget;
  year: number;
  sourceLabel: string;
}): Promise<ImportSummary> {
  const documentId = "documentId" in opts.target ? opts.target.documentId : null;
  return inTransaction(opts.scope, async (scope) => {
    const existing = await loadExistingStructure({ scope, documentId, year: opts.year });
    const plan = planImport({ proposal: opts.proposal, existing, year: opts.year });
    return savePlan({ scope, plan, target: opts.target, sourceLabel: opts.sourceLabel });
  });
}
