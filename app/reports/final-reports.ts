// Reports marked final: generated once from the data, stored byte for byte with who made them,
// when, and the fingerprint of the data, and downloadable later exactly as they were. A report
// cannot be final while a finding of severity "error" in its data is unacknowledged.
import { and, desc, eq } from "drizzle-orm";
import { finalReports, planDocuments, users } from "../db/schema.ts";
import { recordChange } from "../domain/audit.ts";
import { formatNumber } from "../domain/format/polish-numbers.ts";
import { findInTenant, inTenant, type TenantScope } from "../domain/scope.ts";
import { UserInputError } from "../domain/errors.ts";
import {
  authorize,
  canFinaliseReport,
  canReportUnpublished,
  canViewStrategy,
} from "../policies/index.ts";
import {
  buildModel,
  fingerprintOf,
  renderReport,
  reportFileName,
  CONTENT_TYPES,
} from "./generate.ts";
import { loadReportData } from "./load-model.ts";
import type { ReportFormat, ReportLayout, ReportOptions } from "./model.ts";

export type FinalReportInfo = {
  id: string;
  year: number;
  layout: ReportLayout;
  format: ReportFormat;
  fileName: string;
  size: number;
  fingerprint: string;
  createdAt: Date;
  createdBy: string;
  /** The data has changed since the report was made; null when the reader cannot see all of it. */
  stale: boolean | null;
};

export async function markReportFinal(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  layout: ReportLayout;
  format: ReportFormat;
  options?: Omit<ReportOptions, "draft">;
}) {
  const { scope } = opts;
  authorize(canFinaliseReport(scope.actor), { hide: true });
  await findInTenant(scope, planDocuments, opts.documentId);
  const data = await loadReportData({
    scope,
    documentId: opts.documentId,
    year: opts.year,
    publishedOnly: opts.options?.publishedOnly ?? false,
  });
  const errors = data.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new UserInputError(
      `Raportu nie można zatwierdzić jako ostatecznego: ${formatNumber(errors.length)} ${errors.length === 1 ? "uwaga" : "uwag(i)"} o znaczeniu „błąd” nie ${errors.length === 1 ? "została potwierdzona" : "zostały potwierdzone"} — na przykład: ${errors[0]!.subject}: ${errors[0]!.message} Popraw dane albo potwierdź uwagi z komentarzem i spróbuj ponownie.`,
      "final",
    );
  }
  const model = buildModel({
    data,
    layout: opts.layout,
    options: { ...opts.options, draft: false },
  });
  const content = await renderReport(model, opts.format);
  const [row] = await scope.db
    .insert(finalReports)
    .values({
      tenantId: scope.tenant.id,
      documentId: opts.documentId,
      year: opts.year,
      layout: opts.layout,
      format: opts.format,
      fileName: reportFileName(data, opts.layout, opts.format),
      contentType: CONTENT_TYPES[opts.format],
      content,
      size: content.byteLength,
      fingerprint: fingerprintOf(data),
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
      documentId: opts.documentId,
      year: opts.year,
      layout: opts.layout,
      format: opts.format,
    },
  });
  return row!;
}

export async function listFinalReports(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
}): Promise<FinalReportInfo[]> {
  const { scope } = opts;
  authorize(canViewStrategy(scope.actor), { hide: true });
  const rows = await scope.db
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
  if (rows.length === 0) return [];
  // Partners and viewers see published data only: their fingerprint would differ anyway.
  const current = canReportUnpublished(scope.actor)
    ? fingerprintOf(await loadReportData({ scope, documentId: opts.documentId, year: opts.year }))
    : null;
  return rows.map((r) => ({
    ...r,
    layout: r.layout as ReportLayout,
    format: r.format as ReportFormat,
    createdBy: r.createdBy ?? "system",
    stale: current === null ? null : r.fingerprint !== current,
  }));
}

export async function getFinalReport(opts: { scope: TenantScope; reportId: string }) {
  authorize(canViewStrategy(opts.scope.actor), { hide: true });
  return findInTenant(opts.scope, finalReports, opts.reportId);
}
