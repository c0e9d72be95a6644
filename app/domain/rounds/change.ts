// The change of a value against last year, and whether it needs the partner's explanation.
// Pure; the threshold is the round's (BUSOLA_CHANGE_THRESHOLD_PERCENT when it was opened).

export type YearChange = {
  previous: number | null;
  current: number | null;
  /** Percent, rounded to one decimal; null when there is nothing to compare against. */
  percent: number | null;
  needsExplanation: boolean;
};

export function yearChange(
  previous: number | null,
  current: number | null,
  thresholdPercent: number,
): YearChange {
  if (previous === null || current === null) {
    return { previous, current, percent: null, needsExplanation: false };
  }
  if (previous === 0) {
    // From nothing to something is a change of unbounded size: always worth a sentence.
    return { previous, current, percent: null, needsExplanation: current !== 0 };
  }
  const percent = Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
  return { previous, current, percent, needsExplanation: Math.abs(percent) > thresholdPercent };
}
