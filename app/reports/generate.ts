// One entry point for the CLI, the web routes and the benchmark: the data of a document and
// year read through the tenant scope, then rendered (render.ts).
import type { PlanDocument } from "../domain/documents.ts";
import { loadReportData, openReportDocument, readDataVersion } from "../domain/report-data/load.ts";
import { authorize, canViewStrategy } from "../policies/index.ts";
import type { TenantScope } from "../domain/scope.ts";
import type { ReportFormat, ReportLayout, ReportOptions } from "./model.ts";
import {
  buildModel,
  CONTENT_TYPES,
  fingerprintOf,
  renderLayout,
  reportFileName,
  type GeneratedReport,
} from "./render.ts";
import { layoutReport } from "./layout.ts";
import {
  cachedByInputs,
  cachedData,
  dataKey,
  type ReportInputs,
  contentKey,
  inputsKey,
  keepByInputs,
  renderedOnce,
} from "./report-cache.ts";

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

type GenerateOptions = ReportDocumentRef & {
  scope: TenantScope;
  year: number;
  layout: ReportLayout;
  format: ReportFormat;
  options?: ReportOptions;
};

/** The report, from the report cache when its inputs or its content were rendered before (048). */
export async function generateReport(opts: GenerateOptions): Promise<GeneratedReport> {
  const { scope } = opts;
  // The check openReportDocument makes, before anything may come from the cache.
  authorize(canViewStrategy(scope.actor), { hide: true });
  const { generatedAt = new Date(), ...rest } = opts.options ?? {};
  const inputs: ReportInputs = {
    tenant: scope.tenant,
    dataVersion: await readDataVersion({ scope }),
    actor: scope.actor,
    documentId: "document" in opts ? opts.document.id : opts.documentId,
    year: opts.year,
    layout: opts.layout,
    format: opts.format,
    options: rest,
    generatedAt,
  };
  const key = inputsKey(inputs);
  const hit = cachedByInputs(key);
  if (hit) return hit;
  const report = await fromData(opts, { ...rest, generatedAt }, dataKey(inputs));
  keepByInputs(key, report);
  return report;
}

/** The data read, laid out, and rendered unless a file of the same content is kept. */
async function fromData(
  opts: GenerateOptions,
  options: ReportOptions,
  dataKeyOfInputs: string,
): Promise<GeneratedReport> {
  const data = await cachedData(dataKeyOfInputs, async () =>
    loadReportData({
      scope: opts.scope,
      document: await documentOf(opts.scope, opts),
      year: opts.year,
      publishedOnly: options.publishedOnly ?? false,
    }),
  );
  const model = buildModel({ data, layout: opts.layout, options });
  const layout = layoutReport(model);
  const meta = { author: model.preparedBy, createdAt: model.generatedAt };
  return {
    bytes: await renderedOnce(contentKey(layout, opts.format, meta), () =>
      renderLayout(layout, opts.format, meta),
    ),
    contentType: CONTENT_TYPES[opts.format],
    fileName: reportFileName(data, opts.layout, opts.format),
    fingerprint: fingerprintOf(data),
    draft: model.draft,
    findings: model.draft ? data.findings.length : 0,
  };
}
