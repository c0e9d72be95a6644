// The report's layouts, formats and options, and the model the layouts read. The data itself
// (ReportData) is read by the domain: app/domain/report-data/.
import type { ReportData } from "../domain/report-data/types.ts";

export type {
  NextYearEntry,
  ReportBudget,
  ReportCard,
  ReportContribution,
  ReportData,
  ReportDirection,
  ReportFinding,
  ReportGoal,
  ReportIndicator,
  ReportProject,
  ReportValue,
} from "../domain/report-data/types.ts";

export const REPORT_LAYOUTS = ["cards", "indicators"] as const;
export type ReportLayout = (typeof REPORT_LAYOUTS)[number];
export const REPORT_FORMATS = ["docx", "pdf", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LAYOUT_LABELS: Record<ReportLayout, string> = {
  cards: "karty projektów",
  indicators: "tabele wskaźników",
};

/** What the person generating the report may set; every field has a sensible default. */
export type ReportOptions = {
  /** Who prepared the report, for the title page; defaults to the welfare centre's name. */
  preparedBy?: string;
  /** The introduction with the legal basis; defaults to DEFAULT_INTRODUCTION. */
  introduction?: string;
  /** Conclusions of the indicator-table layout ("Podsumowanie i wnioski"). */
  conclusions?: string;
  /** Year-over-year charts of indicators with at least two years of values. Default: on. */
  charts?: boolean;
  /** Leave out unpublished cards and values even if the reader may see them (public reports). */
  publishedOnly?: boolean;
  /** Public reports: counts of people below this number (but above 0) are not printed. */
  suppressCountsBelow?: number;
  /** Mark the report as a draft and add the annex of unconfirmed findings. Default: automatic. */
  draft?: boolean;
  /** The date printed on the title page and stored in the PDF; default: now. */
  generatedAt?: Date;
};

/** The data plus the resolved options: what the layouts read. */
export type ReportModel = {
  data: ReportData;
  layout: ReportLayout;
  preparedBy: string;
  introduction: string;
  conclusions: string | null;
  charts: boolean;
  draft: boolean;
  generatedAt: Date;
};
