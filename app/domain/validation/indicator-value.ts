// Checks of one indicator value: the total against what the institutions reported, breakdowns
// against the value they split, and the plausibility of each number. The mismatches of
// DOMAIN.md §5 (seed 003) are the reference cases; the messages are meant for a coordinator
// who has to decide whether the difference is an error or explainable.

import { differs, formatInUnit, makeFinding, sum } from "./finding.ts";
import { isCountUnit, isPercentUnit } from "./units.ts";
import type {
  BreakdownDimension,
  BreakdownInput,
  ContributionInput,
  Finding,
  IndicatorValueInput,
} from "./types.ts";

type Context = { unit: string; findings: Finding[] };

/** The value a group of breakdowns splits: the total or one institution's contribution. */
type Parent = {
  value: number | null;
  approximate: boolean;
  /** Nominative, to follow "niż" and "a …": "wartość ogółem", "wartość podana przez PCPR". */
  name: string;
  /** Prefix of the breakdown fields, e.g. "breakdowns" or "contributions.1.breakdowns". */
  fieldPrefix: string;
};

const FULL_DIMENSION_TITLE: Record<Exclude<BreakdownDimension, "of_which">, string> = {
  sex: "Podział według płci",
  district: "Podział według dzielnic",
  age: "Podział według wieku",
  other: "Podział",
};
const FULL_DIMENSIONS = ["sex", "district", "age", "other"] as const;

export function checkIndicatorValue(v: IndicatorValueInput): Finding[] {
  const ctx: Context = { unit: v.unit, findings: [] };

  checkSingleValue(ctx, v.total, "total", "Wartość ogółem");
  v.breakdowns?.forEach((b, j) => {
    checkSingleValue(ctx, b.value, `breakdowns.${j}.value`, `Pozycja „${b.label}”`);
  });
  v.contributions.forEach((c, i) => {
    checkSingleValue(
      ctx,
      c.value,
      `contributions.${i}.value`,
      `Wartość podana przez ${c.institution}`,
    );
    c.breakdowns?.forEach((b, j) => {
      checkSingleValue(
        ctx,
        b.value,
        `contributions.${i}.breakdowns.${j}.value`,
        `Pozycja „${b.label}” (${c.institution})`,
      );
    });
  });

  // Shares of different bases (a percentage per institution) do not add up to anything.
  if (isPercentUnit(v.unit)) return ctx.findings;

  checkTotalVsContributions(ctx, v);
  checkBreakdowns(ctx, v.breakdowns ?? [], {
    value: v.total,
    approximate: v.approximate ?? false,
    name: "wartość ogółem",
    fieldPrefix: "breakdowns",
  });
  v.contributions.forEach((c, i) => {
    checkBreakdowns(ctx, c.breakdowns ?? [], {
      value: c.value,
      approximate: c.approximate ?? false,
      name: `wartość podana przez ${c.institution}`,
      fieldPrefix: `contributions.${i}.breakdowns`,
    });
  });
  return ctx.findings;
}

function checkSingleValue(
  ctx: Context,
  value: number | null,
  field: string,
  subject: string,
): void {
  if (value === null) return;
  if (value < 0) {
    ctx.findings.push(
      makeFinding({
        code: "negative_value",
        severity: "error",
        message: `${subject} nie może być ujemna: ${formatInUnit(value, ctx.unit)}.`,
        field,
        scope: field,
        involved: [value],
      }),
    );
  }
  if (isCountUnit(ctx.unit) && !Number.isInteger(value)) {
    ctx.findings.push(
      makeFinding({
        code: "fractional_count",
        severity: "error",
        message: `${subject} (${formatInUnit(value, ctx.unit)}) powinna być liczbą całkowitą — wskaźnik w jednostce „${ctx.unit.trim()}” nie może mieć części ułamkowej.`,
        field,
        scope: field,
        involved: [value],
      }),
    );
  }
}

function checkTotalVsContributions(ctx: Context, v: IndicatorValueInput): void {
  if (v.total === null) return;
  const reported = v.contributions.filter(
    (c): c is ContributionInput & { value: number } => c.value !== null,
  );
  if (reported.length === 0) return;

  // A contribution's "w tym" is already inside its value; only the values themselves add up.
  const contributionsSum = sum(reported.map((c) => c.value));
  if (!differs(v.total, contributionsSum)) return;

  const unit = ctx.unit;
  const totalApprox = v.approximate ?? false;
  const anyApprox = totalApprox || reported.some((c) => c.approximate);
  const difference = Math.abs(v.total - contributionsSum);
  if (v.totalReason?.trim()) {
    // A total set deliberately (people counted once across institutions) is reported, not flagged.
    ctx.findings.push(
      makeFinding({
        code: "total_explained",
        severity: "note",
        message:
          `Wartość ogółem (${formatInUnit(v.total, unit, totalApprox)}) różni się o ${formatInUnit(difference, unit)} ` +
          `od sumy wartości instytucji (${formatInUnit(contributionsSum, unit)}). Uzasadnienie: ${v.totalReason.trim()}`,
        field: "total",
        scope: "total",
        involved: [v.total, contributionsSum],
      }),
    );
    return;
  }
  const listed = reported
    .map((c) => `${c.institution}: ${formatInUnit(c.value, unit, c.approximate)}`)
    .join(", ");
  const comparison = v.total > contributionsSum ? "większa" : "mniejsza";

  let message =
    `Wartość ogółem (${formatInUnit(v.total, unit, totalApprox)}) jest o ${formatInUnit(difference, unit)} ${comparison} ` +
    `niż suma wartości podanych przez instytucje (${formatInUnit(contributionsSum, unit)} — ${listed}).`;
  const missing = v.contributions.filter((c) => c.value === null).map((c) => c.institution);
  if (missing.length > 0) {
    message += ` Nie wliczono instytucji bez wartości: ${missing.join(", ")}.`;
  }
  message +=
    v.total > contributionsSum
      ? " Sprawdź, czy każda instytucja podała swoją wartość."
      : " Jeśli kilka instytucji policzyło to samo (np. wspólne działanie), wyjaśnij to w uwagach.";
  if (anyApprox) {
    message += " Część liczb jest przybliżona („ok.”), więc różnica może być zamierzona.";
  }

  ctx.findings.push(
    makeFinding({
      code: "total_vs_contributions",
      severity: "warning",
      message,
      field: "total",
      scope: "total",
      involved: [
        { value: v.total, approximate: totalApprox },
        ...v.contributions.map((c) =>
          c.value === null ? null : { value: c.value, approximate: c.approximate },
        ),
      ],
    }),
  );
}

function checkBreakdowns(
  ctx: Context,
  breakdowns: readonly BreakdownInput[],
  parent: Parent,
): void {
  if (parent.value === null || breakdowns.length === 0) return;
  for (const dimension of FULL_DIMENSIONS) {
    checkFullDimension(ctx, breakdowns, dimension, parent, parent.value);
  }
  checkOfWhich(ctx, breakdowns, parent, parent.value);
}

/** Indexes are kept so a finding can point at the form field of the breakdown it concerns. */
function partsOf(breakdowns: readonly BreakdownInput[], dimension: BreakdownDimension) {
  return breakdowns.map((b, index) => ({ ...b, index })).filter((b) => b.dimension === dimension);
}

function checkFullDimension(
  ctx: Context,
  breakdowns: readonly BreakdownInput[],
  dimension: (typeof FULL_DIMENSIONS)[number],
  parent: Parent,
  parentValue: number,
): void {
  const parts = partsOf(breakdowns, dimension);
  const first = parts[0];
  // A split with a missing part cannot be expected to add up yet.
  if (first === undefined || parts.some((p) => p.value === null)) return;
  const values = parts.map((p) => p.value ?? 0);
  const partsSum = sum(values);
  if (!differs(partsSum, parentValue)) return;

  const unit = ctx.unit;
  const listed = parts.map((p) => `${p.label}: ${formatInUnit(p.value ?? 0, unit)}`).join(", ");
  let message =
    `${FULL_DIMENSION_TITLE[dimension]} (${listed}) daje razem ${formatInUnit(partsSum, unit)}, ` +
    `a ${parent.name} wynosi ${formatInUnit(parentValue, unit, parent.approximate)} — ` +
    `różnica ${formatInUnit(Math.abs(partsSum - parentValue), unit)}. Części podziału powinny sumować się do całości.`;
  if (parent.approximate) {
    message += " Wartość jest przybliżona („ok.”), więc różnica może być zamierzona.";
  }

  ctx.findings.push(
    makeFinding({
      code: "breakdown_sum",
      severity: "warning",
      message,
      field: `${parent.fieldPrefix}.${first.index}.value`,
      scope: `${parent.fieldPrefix}.${dimension}`,
      involved: [{ value: parentValue, approximate: parent.approximate }, ...values],
    }),
  );
}

function checkOfWhich(
  ctx: Context,
  breakdowns: readonly BreakdownInput[],
  parent: Parent,
  parentValue: number,
): void {
  const parts = partsOf(breakdowns, "of_which").filter(
    (p): p is typeof p & { value: number } => p.value !== null,
  );
  if (parts.length === 0) return;
  const unit = ctx.unit;
  const parentText = formatInUnit(parentValue, unit, parent.approximate);

  // One "w tym" item larger than the whole cannot be explained by overlapping groups.
  const tooBig = parts.filter((p) => differs(p.value, parentValue) && p.value > parentValue);
  for (const p of tooBig) {
    const field = `${parent.fieldPrefix}.${p.index}.value`;
    ctx.findings.push(
      makeFinding({
        code: "of_which_part_exceeds",
        severity: "error",
        message: `Pozycja „w tym” „${p.label}” (${formatInUnit(p.value, unit)}) jest większa niż ${parent.name} (${parentText}), a powinna być jej częścią.`,
        field,
        scope: field,
        involved: [{ value: parentValue, approximate: parent.approximate }, p.value],
      }),
    );
  }
  if (tooBig.length > 0) return;

  const values = parts.map((p) => p.value);
  const partsSum = sum(values);
  if (!differs(partsSum, parentValue) || partsSum < parentValue) return;

  const first = parts[0];
  const listed = parts.map((p) => `${p.label}: ${formatInUnit(p.value, unit)}`).join(", ");
  ctx.findings.push(
    makeFinding({
      code: "of_which_exceeds",
      severity: "warning",
      message:
        `Pozycje „w tym” (${listed}) dają razem ${formatInUnit(partsSum, unit)}, czyli o ` +
        `${formatInUnit(partsSum - parentValue, unit)} więcej niż ${parent.name} (${parentText}). ` +
        "To możliwe tylko wtedy, gdy te same osoby lub sprawy policzono w kilku pozycjach — jeśli tak jest, potwierdź.",
      field: first ? `${parent.fieldPrefix}.${first.index}.value` : parent.fieldPrefix,
      scope: `${parent.fieldPrefix}.of_which`,
      involved: [{ value: parentValue, approximate: parent.approximate }, ...values],
    }),
  );
}
