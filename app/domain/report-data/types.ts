// The annual implementation report as data: everything a layout needs, read once from the
// database (load.ts) and already filtered by the reader's permissions. Plain JSON, so the
// fingerprint of a report is the hash of this object and the renderers stay pure.
import type { ProjectEu } from "../eu-funding/of-project.ts";
import type { TargetStatus } from "../analytics/target-status.ts";
import type { Severity } from "../validation/index.ts";

export type ReportBudget = {
  /** Null: the budget of the whole project period. */
  year: number | null;
  total: number | null;
  parts: { label: string; amount: number | null; percent: number | null }[];
};

export type ReportContribution = {
  institution: string;
  /** Every name of the institution (short and full): how remarks may name it. */
  aliases?: string[];
  value: number | null;
  /** A small count withheld in a public report (small-counts.ts). */
  withheld?: boolean;
  approximate: boolean;
  note: string | null;
  /** "w tym" and other splits of this contribution. */
  parts: { dimension: string; label: string; value: number | null; withheld?: boolean }[];
};

export type ReportValue = {
  total: number | null;
  /** A small count withheld in a public report (small-counts.ts). */
  withheld?: boolean;
  approximate: boolean;
  remarks: string | null;
  published: boolean;
  contributions: ReportContribution[];
  parts: { dimension: string; label: string; value: number | null; withheld?: boolean }[];
};

export type ReportIndicator = {
  id: string;
  name: string;
  unit: string;
  kind: string;
  target: number | null;
  /** "increase", "decrease" or "none": which way the value should go (target status). */
  direction: string;
  baseline: number | null;
  baselineYear: number | null;
  value: ReportValue | null;
  /** Totals of the report year and earlier years the reader may see, oldest first. */
  history: { year: number; total: number; approximate: boolean }[];
  /**
   * The year's status against the target; null without a target (decision 053). Optional so
   * hand-made report data (layout tests) need not judge; the loaded data always carries it.
   */
  status?: TargetStatus | null;
};

export type ReportCard = {
  status: "carried_out" | "not_carried_out" | "reported_elsewhere" | "finished";
  statusReason: string | null;
  reportedIn: string | null;
  goalText: string | null;
  goalVerdict: string | null;
  goalVerdictReason: string | null;
  addressees: string | null;
  implementers: string | null;
  stages: string | null;
  effects: string | null;
  indicatorsText: string | null;
  evaluation: string | null;
  funding: string | null;
  timeframe: string | null;
  continuation: string | null;
  nextYearTitle: string | null;
  published: boolean;
};

export type ReportProject = {
  id: string;
  symbol: string;
  title: string;
  sinceYear: number | null;
  institutions: string[];
  /** Null: no card for the year (or none the reader may see). */
  card: ReportCard | null;
  budgets: ReportBudget[];
  indicators: ReportIndicator[];
  /** EU co-financing; absent in snapshots published before it was recorded. */
  eu?: ProjectEu | null;
};

export type ReportDirection = {
  code: string;
  title: string;
  actionLines: string[];
  projects: ReportProject[];
  /** All indicators of the direction, those of its projects included. */
  indicators: ReportIndicator[];
};

export type ReportGoal = {
  code: string;
  title: string;
  coordinatorName: string | null;
  coordinatorPosition: string | null;
  directions: ReportDirection[];
};

export type ReportFinding = {
  /** What the finding is about, e.g. "C1K2 Klub Integracji Społecznej — karta projektu". */
  subject: string;
  severity: Severity;
  message: string;
  /** The strategic goal's code the finding falls under, for counts by goal. */
  goal?: string;
  /** The goal's id, for the acknowledgement policy (a goal coordinator: their goals). */
  goalId?: string;
  /** What an acknowledgement is stored against; absent for findings about a missing record. */
  target?: FindingTarget;
};

/** A finding's record and key: what acknowledging it (one or many at once) stores. */
export type FindingTarget = {
  entityType: "indicator_value" | "project_card" | "budget";
  entityId: string;
  /** The finding's key (rule, place and numbers): a changed number brings it back. */
  key: string;
  /** The rule's code, e.g. "reported_in_missing", for choosing findings by rule. */
  rule: string;
};

export type NextYearEntry = {
  symbol: string;
  title: string;
  kind: "continued" | "renamed" | "new";
  /** The title in the report year, for a renamed project. */
  previousTitle: string | null;
};

export type ReportData = {
  municipality: { name: string; kind: string; teryt: string; welfareCentreName: string | null };
  document: {
    id: string;
    slug: string;
    kind: string;
    title: string;
    periodStart: number;
    periodEnd: number;
    resolutionNumber: string | null;
    resolutionDate: string | null;
  };
  year: number;
  /** Programs that implement the document (document links), for the introduction. */
  programs: {
    title: string;
    periodStart: number;
    periodEnd: number;
    resolutionNumber: string | null;
    resolutionDate: string | null;
  }[];
  goals: ReportGoal[];
  nextYear: NextYearEntry[];
  /** Validation findings nobody has acknowledged, of everything in the report. */
  findings: ReportFinding[];
  /** How many cards and values in the report are not published yet. */
  unpublished: number;
  /** Set when small counts were withheld (public report): the threshold. */
  smallCountsBelow?: number;
  /**
   * Set when the report year is one of the document's example years: its data were generated
   * for the demo (decision 054), and the report says so on its title page. Absent for a
   * reported year, so the fingerprints of real reports stay what they were.
   */
  exampleYear?: true;
};
