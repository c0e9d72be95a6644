// Reports marked final: generated once from the data, stored byte for byte with who made them,
// when, and the fingerprint of the data, and downloadable later exactly as they were. A report
// cannot be final while a finding of severity "error" in its data is unacknowledged.
import {
  assertMayFinalise,
  listFinalReportRows,
  storeFinalReport,
} from "../domain/final-reports.ts";
import { loadReportData, readReportData } from "../domain/report-data/load.ts";
import type { TenantScope } from "../domain/scope.ts";
import { UserInputError } from "../domain/errors.ts";
import { countOf } from "../format/polish-plural.ts";
import { canReportUnpublished } from "../policies/index.ts";
import {
  buildModel,
  fingerprintOf,
  renderReport,
  reportFileName,
  CONTENT_TYPES,
} from "./generate.ts";
import type { ReportFormat, ReportLayout, ReportOptions } from "./model.ts";

export { getFinalReport } from "../domain/final-reports.ts";

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
  const document = await assertMayFinalise({ scope, documentId: opts.documentId });
  const data = await loadReportData({
    scope,
    document,
    year: opts.year,
    publishedOnly: opts.options?.publishedOnly ?? false,
  });
  const errors = data.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new UserInputError(
      `Raportu nie można zatwierdzić jako ostatecznego: ${countOf(errors.length, "uwaga", "uwagi", "uwag")} o znaczeniu „błąd” nie ${errors.length === 1 ? "została potwierdzona" : "zostały potwierdzone"} — na przykład: ${errors[0]!.subject}: ${errors[0]!.message} Popraw dane albo potwierdź uwagi z komentarzem i spróbuj ponownie.`,
      "final",
    );
  }
  const model = buildModel({
    data,
    layout: opts.layout,
    options: { ...opts.options, draft: false },
  });
  const content = await renderReport(model, opts.format);
  return storeFinalReport({
    scope,
    file: {
      documentId: opts.documentId,
      year: opts.year,
      layout: opts.layout,
      format: opts.format,
      fileName: reportFileName(data, opts.layout, opts.format),
      contentType: CONTENT_TYPES[opts.format],
      content,
      fingerprint: fingerprintOf(data),
    },
  });
}

export async function listFinalReports(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
}): Promise<FinalReportInfo[]> {
  const { scope } = opts;
  const rows = await listFinalReportRows(opts);
  if (rows.length === 0) return [];
  // Partners and viewers see published data only: their fingerprint would differ anyway.
  const current = canReportUnpublished(scope.actor)
    ? fingerprintOf(await readReportData({ scope, documentId: opts.documentId, year: opts.year }))
    : null;
  return rows.map((r) => ({
    ...r,
    layout: r.layout as ReportLayout,
    format: r.format as ReportFormat,
    createdBy: r.createdBy ?? "system",
    stale: current === null ? null : r.fingerprint !== current,
  }));
}
