/** "note": an explained difference, shown for information (e.g. a total set with a reason). */
export type Severity = "warning" | "error" | "note";

/**
 * One thing a coordinator should look at. Findings never block saving: they explain, and a
 * human confirms. `key` identifies the finding together with the numbers it is about, so an
 * acknowledgement stored against it goes stale as soon as one of those numbers changes.
 */
export type Finding = {
  /** Stable rule code, e.g. "total_vs_contributions". */
  code: string;
  severity: Severity;
  /** Polish explanation with the numbers written the Polish way. */
  message: string;
  /** Form field the finding attaches to, e.g. "total", "contributions.2.value", "parts.1.percent". */
  field?: string;
  /** `code + ":" + fingerprint` of the place and the numbers involved. */
  key: string;
};

export type BreakdownDimension = "sex" | "district" | "age" | "of_which" | "other";

export type BreakdownInput = {
  dimension: BreakdownDimension;
  label: string;
  value: number | null;
};

export type ContributionInput = {
  institution: string;
  value: number | null;
  approximate?: boolean;
  breakdowns?: BreakdownInput[];
};

export type IndicatorValueInput = {
  unit: string;
  total: number | null;
  /** The coordinator's reason for a total that differs from the sum of contributions. */
  totalReason?: string | null;
  approximate?: boolean;
  contributions: ContributionInput[];
  breakdowns?: BreakdownInput[];
};

/** Parts are the leaves of the funding split: pass "EU" and "state budget", not their 95% sum. */
export type BudgetInput = {
  total: number | null;
  parts: { label: string; amount: number | null; percent: number | null }[];
};

export type ProjectCardStatus =
  "carried_out" | "not_carried_out" | "reported_elsewhere" | "finished";

export type ProjectCardInput = {
  status: ProjectCardStatus;
  statusReason?: string | null;
  reportedIn?: string | null;
  goalText?: string | null;
  goalVerdict?: "achieved" | "partly" | "not_achieved" | null;
  goalVerdictReason?: string | null;
  effects?: string | null;
  continuation?: "yes" | "no" | "renamed" | null;
  nextYearTitle?: string | null;
};
