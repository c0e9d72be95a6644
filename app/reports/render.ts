// The database-free half of report generation: the data (ReportData) in, the file out, with
// its name, content type and the fingerprint of the data. Kept apart from generate.ts so a
// process that only renders does not load the database layer.
import { canonicalJson } from "../domain/canonical-json.ts";
import { createHash } from "node:crypto";
import { defaultIntroduction, layoutReport, type ReportLayoutResult } from "./layout.ts";
import { suppressSmallCounts } from "./small-counts.ts";
import type {
  ReportData,
  ReportFormat,
  ReportLayout,
  ReportModel,
  ReportOptions,
} from "./model.ts";

export type GeneratedReport = {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  /** sha256 of the canonical JSON of the data the report shows. */
  fingerprint: string;
  draft: boolean;
  /** Unacknowledged findings listed in the draft's annex. */
  findings: number;
};

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
};

/** JSON with object keys sorted, so equal data always hashes equally. */
export { canonicalJson };

export function fingerprintOf(data: ReportData): string {
  return createHash("sha256").update(canonicalJson(data)).digest("hex");
}

/** Resolves the options against the data; pure. */
export function buildModel(opts: {
  data: ReportData;
  layout: ReportLayout;
  options?: ReportOptions;
}): ReportModel {
  const { options = {} } = opts;
  const data =
    options.suppressCountsBelow !== undefined
      ? suppressSmallCounts(opts.data, options.suppressCountsBelow)
      : opts.data;
  const preparedBy =
    options.preparedBy?.trim() ||
    data.municipality.welfareCentreName?.trim() ||
    `Koordynator strategii – ${data.municipality.name}`;
  return {
    data,
    layout: opts.layout,
    preparedBy,
    introduction: options.introduction?.trim() || defaultIntroduction(data),
    conclusions: options.conclusions?.trim() || null,
    charts: options.charts ?? true,
    draft: options.draft ?? (data.unpublished > 0 || data.findings.length > 0),
    generatedAt: options.generatedAt ?? new Date(),
  };
}

/** Renders a model into one format; pure but for the PDF compiler. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<Uint8Array> {
  return renderLayout(layoutReport(model), format, {
    author: model.preparedBy,
    createdAt: model.generatedAt,
  });
}

/** What the renderers read besides the layout: the author (metadata) and the time (PDF). */
export type RenderMeta = { author: string; createdAt: Date };

/** Renders laid-out blocks into one format; pure but for the PDF compiler. */
export async function renderLayout(
  layout: ReportLayoutResult,
  format: ReportFormat,
  meta: RenderMeta,
): Promise<Uint8Array> {
  // Each renderer is loaded when first used: the DOCX library and the Typst compiler are large,
  // and a process that makes only HTML should not carry them.
  switch (format) {
    case "html": {
      const { renderHtml } = await import("./render-html.ts");
      return new TextEncoder().encode(renderHtml(layout));
    }
    case "docx": {
      const { renderDocx } = await import("./render-docx.ts");
      return renderDocx(layout, { author: meta.author });
    }
    case "pdf": {
      const { compilePdf, renderTypst } = await import("./render-pdf.ts");
      return compilePdf(renderTypst(layout, { author: meta.author }), {
        createdAt: meta.createdAt,
      });
    }
  }
}

export function reportFileName(data: ReportData, layout: ReportLayout, format: ReportFormat) {
  const kind = layout === "cards" ? "karty-projektow" : "tabele-wskaznikow";
  return `sprawozdanie-${data.document.slug}-${data.year}-${kind}.${format}`;
}
