// Checks of a project budget split by funding source (seed 002). The reference case is
// "Centrum Wsparcia Rodziny": its "budżet państwa" line of 1 021 101,34 zł is labelled 8% but is
// 15% of the total — the state share and the own contribution added together — so the parts
// exceed the total by exactly the own contribution.

import { formatMoney, formatPercent } from "../../format/polish-numbers.ts";
import { differs, makeFinding, sum } from "./finding.ts";
import type { BudgetInput, Finding } from "./types.ts";

// Stated percentages are usually rounded to whole points ("85%"); half a point is what rounding
// can explain, anything beyond that is a wrong label or a wrong amount.
const PERCENT_TOLERANCE = 0.5;
// 855 / 1000 * 100 is 85.50000000000001 in floating point: without this, exactly half a point
// would count as more than half a point.
const FLOAT_NOISE = 1e-9;
// Stated percentages are typed, not computed, so they should add up exactly; this only
// absorbs floating-point noise such as 33,33 + 33,33 + 33,34.
const PERCENT_SUM_TOLERANCE = 0.001;

export function checkBudget(b: BudgetInput): Finding[] {
  const findings: Finding[] = [];
  checkNonNegative(findings, b);
  checkPartsVsTotal(findings, b);
  checkPercentOfTotal(findings, b);
  checkPercentSum(findings, b);
  return findings;
}

function checkNonNegative(findings: Finding[], b: BudgetInput): void {
  const negative = (field: string, message: string, value: number) =>
    findings.push(
      makeFinding({
        code: "negative_value",
        severity: "error",
        message,
        field,
        scope: field,
        involved: [value],
      }),
    );
  if (b.total !== null && b.total < 0) {
    negative(
      "total",
      `Całkowita wartość projektu nie może być ujemna: ${formatMoney(b.total)}.`,
      b.total,
    );
  }
  b.parts.forEach((p, i) => {
    if (p.amount !== null && p.amount < 0) {
      negative(
        `parts.${i}.amount`,
        `Kwota pozycji „${p.label}” nie może być ujemna: ${formatMoney(p.amount)}.`,
        p.amount,
      );
    }
    if (p.percent !== null && p.percent < 0) {
      negative(
        `parts.${i}.percent`,
        `Udział pozycji „${p.label}” nie może być ujemny: ${formatPercent(p.percent)}.`,
        p.percent,
      );
    }
  });
}

function checkPartsVsTotal(findings: Finding[], b: BudgetInput): void {
  if (b.total === null || b.parts.length === 0) return;
  const amounts = b.parts.map((p) => p.amount);
  // With an amount still missing the parts cannot be expected to add up.
  if (amounts.some((a) => a === null)) return;
  const known = amounts as number[];
  const partsSum = sum(known);
  if (!differs(partsSum, b.total)) return;

  const difference = Math.abs(partsSum - b.total);
  let message =
    `Suma kwot ze wszystkich źródeł finansowania (${formatMoney(partsSum)}) jest o ${formatMoney(difference)} ` +
    `${partsSum > b.total ? "większa" : "mniejsza"} niż całkowita wartość projektu (${formatMoney(b.total)}).`;
  if (partsSum > b.total) {
    const counted = b.parts.find((p) => p.amount !== null && !differs(p.amount, difference));
    message += counted
      ? ` Nadwyżka jest równa kwocie pozycji „${counted.label}” — być może ta kwota została wliczona także do innej pozycji.`
      : " Sprawdź, czy któraś kwota nie jest wliczona dwa razy.";
  } else {
    message += " Sprawdź, czy nie brakuje któregoś źródła finansowania.";
  }
  findings.push(
    makeFinding({
      code: "budget_parts_vs_total",
      severity: "warning",
      message,
      field: "total",
      scope: "total",
      involved: [b.total, ...known],
    }),
  );
}

function checkPercentOfTotal(findings: Finding[], b: BudgetInput): void {
  const total = b.total;
  if (total === null || total <= 0) return;
  b.parts.forEach((p, i) => {
    if (p.amount === null || p.percent === null) return;
    const actual = (p.amount / total) * 100;
    if (Math.abs(actual - p.percent) <= PERCENT_TOLERANCE + FLOAT_NOISE) return;
    const field = `parts.${i}.percent`;
    findings.push(
      makeFinding({
        code: "budget_percent_mismatch",
        severity: "warning",
        message:
          `Przy pozycji „${p.label}” podano ${formatPercent(p.percent)}, ale ${formatMoney(p.amount)} to ` +
          `${formatPercent(actual, { decimals: 2 })} całkowitej wartości projektu (${formatMoney(total)}).`,
        field,
        scope: field,
        involved: [total, p.amount, p.percent],
      }),
    );
  });
}

function checkPercentSum(findings: Finding[], b: BudgetInput): void {
  const percents = b.parts.map((p) => p.percent);
  if (percents.length === 0 || percents.some((p) => p === null)) return;
  const known = percents as number[];
  const percentSum = sum(known);
  if (Math.abs(percentSum - 100) <= PERCENT_SUM_TOLERANCE) return;
  const listed = b.parts.map((p) => `${p.label}: ${formatPercent(p.percent ?? 0)}`).join(", ");
  findings.push(
    makeFinding({
      code: "budget_percent_sum",
      severity: "warning",
      message: `Podane udziały procentowe (${listed}) sumują się do ${formatPercent(percentSum)}, a powinny do 100%.`,
      field: "parts",
      scope: "parts",
      involved: known,
    }),
  );
}
