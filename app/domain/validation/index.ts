// Validation rules as pure functions: data in, findings out. A finding never blocks saving;
// it explains a suspicious number so that a human can correct it or confirm it.

export type {
  BreakdownDimension,
  BreakdownInput,
  BudgetInput,
  ContributionInput,
  Finding,
  IndicatorValueInput,
  ProjectCardInput,
  ProjectCardStatus,
  Severity,
} from "./types.ts";
export { checkIndicatorValue } from "./indicator-value.ts";
export { checkBudget } from "./budget.ts";
export { checkProjectCard } from "./project-card.ts";
export { isCountUnit, isMoneyUnit, isPercentUnit } from "./units.ts";
