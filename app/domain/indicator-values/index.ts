// Indicator values for a year: the total, each institution's contribution, breakdowns and
// the validation findings computed from them — one file per operation.
export { getIndicatorValue, loadValueBundles } from "./load.ts";
export { saveIndicatorValue } from "./save.ts";
export { mayEnterValue } from "./rights.ts";
export type {
  Breakdown,
  BreakdownRowInput,
  Contribution,
  ContributionInput,
  IndicatorRow,
  IndicatorValueRow,
  SaveValueInput,
  ValueBundle,
} from "./types.ts";
