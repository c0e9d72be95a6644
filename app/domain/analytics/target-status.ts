// Progress against a target: where an indicator has a target and a direction, is a year's value
// on target, close, off target — or is there nothing to judge? Pure: safe in the browser.
//
// With a baseline year and the year the target is due, a year in between is judged against the
// straight line from the baseline to the target (what should have been reached by then), not
// against the end-of-period target, which would put every early year "off target".

export type TargetStatus = "on_target" | "close" | "off_target" | "no_data";

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  on_target: "zgodnie z celem",
  close: "blisko celu",
  off_target: "poniżej oczekiwań",
  no_data: "brak danych",
};

export type TargetThresholds = {
  /** Share of the expected progress from which a value counts as close (default 0,8). */
  close: number;
};
export const DEFAULT_THRESHOLDS: TargetThresholds = { close: 0.8 };

/** The default "close to target" threshold in percent, as the document form shows it. */
export const DEFAULT_CLOSE_PERCENT = 80;

/**
 * A document's thresholds: its own "close to target" percent, or the default. The one place a
 * document's setting becomes thresholds (decision 053) — the tree, the indicator page, the
 * dashboards and the report all judge through it.
 */
export function documentThresholds(doc: { closeThreshold: number | null }): TargetThresholds {
  return doc.closeThreshold == null ? DEFAULT_THRESHOLDS : { close: doc.closeThreshold / 100 };
}

/** Whether an indicator can be judged at all: a target and a direction to reach it. */
export function hasTarget(i: { target: number | null; direction: string }): boolean {
  return i.target != null && (i.direction === "increase" || i.direction === "decrease");
}

export type TargetFacts = {
  value: number | null;
  target: number | null;
  direction: string;
  baseline?: number | null;
  baselineYear?: number | null;
  /** The year the target is due (usually the end of the document's period). */
  targetYear?: number | null;
  year?: number | null;
};

/** The value expected in `year` on the way from the baseline to the target. */
export function expectedValue(f: TargetFacts): number | null {
  if (f.target == null) return null;
  const { baseline, baselineYear, targetYear, year } = f;
  if (baseline == null || baselineYear == null || targetYear == null || year == null)
    return f.target;
  if (targetYear <= baselineYear || year >= targetYear) return f.target;
  if (year <= baselineYear) return baseline;
  return baseline + ((f.target - baseline) * (year - baselineYear)) / (targetYear - baselineYear);
}

/** How much of the expected way the value has gone: 1 = all of it (or more). */
function achieved(f: TargetFacts, expected: number, value: number): number {
  const increase = f.direction === "increase";
  if (f.baseline != null && f.baseline !== expected) {
    return (value - f.baseline) / (expected - f.baseline);
  }
  if (increase) return expected > 0 ? value / expected : value >= expected ? 1 : 0;
  if (value <= expected) return 1;
  return value > 0 ? Math.max(expected, 0) / value : 0;
}

export function targetStatus(
  f: TargetFacts,
  thresholds: TargetThresholds = DEFAULT_THRESHOLDS,
): TargetStatus {
  if (f.value == null || f.target == null) return "no_data";
  if (f.direction !== "increase" && f.direction !== "decrease") return "no_data";
  const expected = expectedValue(f)!;
  const share = achieved(f, expected, f.value);
  if (share >= 1) return "on_target";
  return share >= thresholds.close ? "close" : "off_target";
}
