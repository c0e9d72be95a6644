// The publication model's types (decision 030). A snapshot is plain JSON of everything public
// about one document's year, frozen when a coordinator publishes it; the public pages, the
// public report, the datasets and the API read snapshots only, never the live tables.
import type { ReportData, ReportIndicator } from "../../reports/model.ts";

export const SNAPSHOT_SCHEMA = 1;

/** What an indicator's public page needs beyond the report's view of it. */
export type IndicatorFacts = {
  goalCode: string;
  directionCode: string;
  /** The project the indicator measures, if any. */
  projectId: string | null;
  /** increase, decrease, none */
  direction: string;
  baseline: number | null;
  baselineYear: number | null;
};

/**
 * The report's data of the year with published cards and values only, minus what is for staff
 * (validation findings, counts of unpublished items), plus facts the public pages need.
 * Counts are raw: small ones are withheld when the snapshot is read (suppress.ts, decision 031).
 */
export type PublicSnapshot = Omit<ReportData, "findings" | "unpublished" | "smallCountsBelow"> & {
  schema: typeof SNAPSHOT_SCHEMA;
  indicatorFacts: Record<string, IndicatorFacts>;
  /** Documents this one implements (a program's strategy), by slug, for links between them. */
  implements: { slug: string; title: string }[];
};

export type SnapshotIndicator = ReportIndicator;

/** One entry of the register of publications (every version, withdrawn ones included). */
export type PublicationInfo = {
  id: string;
  documentId: string;
  documentSlug: string;
  documentTitle: string;
  year: number;
  versionNumber: number;
  fingerprint: string;
  producedBy: string;
  producedAt: Date;
  publishedByName: string;
  publishedAt: Date;
  sourceFinalReportId: string | null;
  withdrawnAt: Date | null;
  withdrawnByName: string | null;
  withdrawalReason: string | null;
  /** The version the public sees for its document and year (latest not withdrawn). */
  current: boolean;
};

/** A number of people in a card's prose below the threshold, shown before publishing. */
export type ProseCount = {
  /** Stable across page loads, so a confirmation can name what was seen. */
  key: string;
  projectId: string;
  projectLabel: string;
  field: string;
  fieldLabel: string;
  /** The matched words, e.g. "2 rodziny". */
  match: string;
  value: number;
  /** The sentence around the match. */
  excerpt: string;
};

/** The view of a snapshot the public gets: small counts withheld, marked `withheld`. */
export type PublicView = PublicSnapshot & { smallCountsBelow: number };
