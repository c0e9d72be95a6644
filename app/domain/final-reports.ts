// Reports marked final, as stored rows: the file byte for byte, who made it, when, and the
// fingerprint of the data it was made from. Making the file is app/reports/final-reports.ts.
import { and, desc, eq } from "drizzle-orm";
import { finalReports, planDocuments, users } from "../db/schema.ts";
import { authorize, canFinaliseReport, canViewStrategy } from "../policies/index.ts";
import { recordChange } from "./audit.ts";
import { findInTenant, inTenant, type TenantScope } from "./scope.ts";

export type FinalReportFile = {
  documentId: string;
  year: number;
  layout: string;
  format: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  fingerprint: string;
};

/** The policy and the document, checked once before anything is rendered: the document row. */
export async function assertMayFinalise(opts: { scope: TenantScope; documentId: string }) {
  authorize(canFinaliseReport(opts.scope.actor), { hide: true });
  return findInTenant(opts.scope, planDocuments, opts.documentId);
}

export async function storeFinalReport(opts: { scope: TenantScope; file: FinalReportFile }) {
  const { scope, file } = opts;
  authorize(canFinaliseReport(scope.actor), { hide: true });
  const [row] = await scope.db
    .insert(finalReports)
    .values({
      tenantId: scope.tenant.id,
      ...file,
      size: file.content.byteLength,
      createdBy: scope.actor.userId || null,
    })
    .returning({
      id: finalReports.id,
      fileName: finalReports.fileName,
      fingerprint: finalReports.fingerprint,
    });
  await recordChange(scope, {
    entityType: "final_report",
    entityId: row!.id,
    action: "create",
    before: null,
    after: {
      ...row,
      documentId: file.documentId,
      year: file.year,
      layout: file.layout,
      format: file.format,
    },
  });
  return row!;
}

export async function listFinalReportRows(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
}) {
  const { scope } = opts;
  authorize(canViewStrategy(scope.actor), { hide: true });
  return scope.db
    .select({
      id: finalReports.id,
      year: finalReports.year,
      layout: finalReports.layout,
      format: finalReports.format,
      fileName: finalReports.fileName,
      size: finalReports.size,
      fingerprint: finalReports.fingerprint,
      createdAt: finalReports.createdAt,
      createdBy: users.name,
    })
    .from(finalReports)
    .leftJoin(users, eq(users.id, finalReports.createdBy))
    .where(
      inTenant(
        scope,
        finalReports,
        and(eq(finalReports.documentId, opts.documentId), eq(finalReports.year, opts.year)),
      ),
    )
    .orderBy(desc(finalReports.createdAt));
}

export async function getFinalReport(opts: { scope: TenantScope; reportId: string }) {
  authorize(canViewStrategy(opts.scope.actor), { hide: true });
  return findInTenant(opts.scope, finalReports, opts.reportId);
}
