// What a partner reports in a round, as the spreadsheet path sees it: plain data, so the
// workbook can be built and read without a database (and tested without one).
import type { CardFields } from "../domain/value-labels.ts";

export const SHEET_CARDS = "Karty projektów";
export const SHEET_INDICATORS = "Wskaźniki";
export const SHEET_INSTRUCTIONS = "Instrukcja";
/** Identifies the workbook as Busola's and whose it is; very hidden, never shown in Excel. */
export const SHEET_META = "busola";
export const WORKBOOK_KIND = "busola-partner-workbook/1";

/** The card fields a partner fills in the spreadsheet; the rest stays as stored. */
export const WORKBOOK_CARD_FIELDS = [
  "status",
  "statusReason",
  "goalText",
  "goalVerdict",
  "addressees",
  "implementers",
  "stages",
  "effects",
  "funding",
  "timeframe",
  "continuation",
] as const;
export type WorkbookCardField = (typeof WORKBOOK_CARD_FIELDS)[number];

export type CardItem = {
  projectId: string;
  symbol: string;
  title: string;
  /** The card's version for optimistic locking; null when the year's card does not exist yet. */
  version: number | null;
  /** Everything stored on the card (fields outside the workbook are kept as they are). */
  fields: CardFields;
  /** Last year's card, for reference; null when there was none. */
  lastYear: Partial<CardFields> | null;
};

export type ContributionItem = {
  indicatorId: string;
  /** The year's value; null when nobody has reported it yet. */
  valueId: string | null;
  /** The version of this institution's contribution; null when it has not reported yet. */
  version: number | null;
  indicatorName: string;
  unit: string;
  /** The indicator's baseline and target, shown in the value cell's prompt (absent: none). */
  baseline?: number | null;
  baselineYear?: number | null;
  target?: number | null;
  goalCode: string;
  directionCode: string;
  value: number | null;
  approximate: boolean;
  note: string | null;
  lastYearValue: number | null;
  lastYearApproximate: boolean;
};

export type PartnerWorkItems = {
  tenantName: string;
  institution: { id: string; name: string };
  documentTitle: string;
  year: number;
  /** ISO date (YYYY-MM-DD) of the partners' deadline, when the round has one. */
  deadline: string | null;
  cards: CardItem[];
  contributions: ContributionItem[];
};

/** A problem with the uploaded file, pointing at a cell when there is one. Polish text. */
export type WorkbookError = { sheet: string | null; cell: string | null; message: string };

export type FieldDiff = {
  field: string;
  /** Polish name of the field, for the confirmation page. */
  label: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
};

export type CardUpdate = {
  kind: "card";
  projectId: string;
  symbol: string;
  title: string;
  /** The version the workbook was downloaded with: the save is checked against it. */
  version: number | null;
  /** Stored changed since the download: saving will be refused unless confirmed. */
  stale: boolean;
  fields: CardFields;
  diffs: FieldDiff[];
};

export type ContributionUpdate = {
  kind: "contribution";
  indicatorId: string;
  indicatorName: string;
  version: number | null;
  stale: boolean;
  value: number | null;
  approximate: boolean;
  note: string | null;
  diffs: FieldDiff[];
};

export type WorkbookChanges = { cards: CardUpdate[]; contributions: ContributionUpdate[] };

export type ReadResult = { changes: WorkbookChanges; errors: WorkbookError[] };
