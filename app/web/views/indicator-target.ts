// An indicator's baseline and target beside a value, and how far the value has come:
// "Wartość bazowa: 380 osoby (2019 r.)", "Wartość docelowa: 450 osoby",
// "Realizacja celu: 420 z 450 osoby (93,3%)". Pure: the value page, the partner's form and the
// reviewer's page show the same rows.
import { formatNumber } from "../../format/polish-numbers.ts";
import { numberInUnit } from "../../format/units.ts";

export type TargetFacts = {
  unit: string | null;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  direction: string;
};

const show = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2 });

/** The share of the target reached, in the indicator's direction ("less is better" too). */
export function targetProgress(facts: TargetFacts, achieved: number | null): string | null {
  if (facts.target === null || achieved === null) return null;
  const reached = `${show(achieved)} z ${numberInUnit(show(facts.target), facts.unit)}`;
  if (facts.direction === "decrease") {
    return achieved <= facts.target
      ? `${reached} — cel osiągnięty (im mniej, tym lepiej)`
      : `${reached} — powyżej wartości docelowej (im mniej, tym lepiej)`;
  }
  if (facts.target === 0) return reached;
  const percent = formatNumber((achieved / facts.target) * 100, { decimals: 1 });
  return `${reached} (${percent}%)`;
}

export function targetRows(
  facts: TargetFacts,
  achieved: number | null,
): { key: string; value: string }[] {
  const rows: { key: string; value: string }[] = [];
  if (facts.baseline !== null) {
    const year = facts.baselineYear ? ` (${facts.baselineYear} r.)` : "";
    rows.push({
      key: "Wartość bazowa",
      value: `${numberInUnit(show(facts.baseline), facts.unit)}${year}`,
    });
  }
  if (facts.target !== null) {
    rows.push({ key: "Wartość docelowa", value: numberInUnit(show(facts.target), facts.unit) });
  }
  const progress = targetProgress(facts, achieved);
  if (progress) rows.push({ key: "Realizacja celu", value: progress });
  return rows;
}
