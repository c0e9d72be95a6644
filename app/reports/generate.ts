// One entry point for the CLI, the web routes and the benchmark: the data of a document and
// year read through the tenant scope, then rendered (render.ts).
import type { PlanDocument } from "../domain/documents.ts";
import { loadReportData, openReportDocument } from "../domain/report-data/load.ts";
import type { TenantScope } from "../domain/scope.ts";
import type { ReportFormat, ReportLayout, ReportOptions } from "./model.ts";
import {
  buildModel,
  CONTENT_TYPES,
  fingerprintOf,
  renderReport,
  reportFileName,
  type GeneratedReport,
} from "./render.ts";

export {
  buildModel,
  canonicalJson,
  CONTENT_TYPES,
  fingerprintOf,
  renderReport,
  reportFileName,
  type GeneratedReport,
} from "./render.ts";

/** The document by id or slug (checked here), or the row a caller has already checked. */
export type ReportDocumentRef = { documentId: string } | { document: PlanDocument };

export async function documentOf(scope: TenantScope, ref: ReportDocumentRef) {
  return "document" in ref
    ? ref.document
    : openReportDocument({ scope, documentId: ref.documentId });
}

export async function generateReport(
  opts: ReportDocumentRef & {
    scope: TenantScope;
    year: number;
    layout: ReportLayout;
    format: ReportFormat;
    options?: ReportOptions;
  },
): Promise<GeneratedReport> {
  const data = await loadReportData({
    scope: opts.scope,
    document: await documentOf(opts.scope, opts),
    year: opts.year,
    publishedOnly: opts.options?.publishedOnly ?? false,
  });
  const model = buildModel({ data, layout: opts.layout, options: opts.options });
  return {
    bytes: await renderReport(model, opts.format),
    contentType: CONTENT_TYPES[opts.format],
    fileName: reportFileName(data, opts.layout, opts.format),
    fingerprint: fingerprintOf(data),
    draft: model.draft,
    findings: model.draft ? data.findings.length : 0,
  };
}
