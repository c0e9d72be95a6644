// Budgets written inside a funding field: "Budżet projektu: 7 532 209,29 zł", then one line per
// source or year ("na 2019 r. – 1 294 143,00 zł", "EFS – 5 786 240,92 zł (85%)"). Amounts are
// read, never reconciled: whether the parts add up is the validation rules' job.
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { clean } from "./normalise.ts";
import type { BudgetPart, ProposedBudget } from "./types.ts";

const AMOUNT = /(\d{1,3}(?:[ .]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*(?:zł|PLN)(?!\p{L})/gu;
const TOTAL_LABEL = /budżet|wartość|koszt|ogółem|łącznie|razem|całkowit|suma/iu;
const PERCENT = /(\d{1,3}(?:,\d+)?)\s*%/u;

export function parseBudget(funding: string): ProposedBudget | null {
  let total: number | null = null;
  const parts: BudgetPart[] = [];
  for (const line of funding.split("\n")) {
    for (const m of line.matchAll(AMOUNT)) {
      const parsed = parsePolishNumber(m[1] ?? "");
      const amount = "error" in parsed ? null : parsed.value;
      const before = clean(line.slice(0, m.index).replace(/[\s:–—-]+$/u, ""));
      const after = line.slice((m.index ?? 0) + m[0].length);
      const percentMatch = PERCENT.exec(after.slice(0, 20));
      const percentParsed = percentMatch ? parsePolishNumber(percentMatch[1] ?? "") : null;
      const percent = percentParsed && !("error" in percentParsed) ? percentParsed.value : null;
      if (total === null && parts.length === 0 && TOTAL_LABEL.test(before) && percent === null) {
        total = amount;
        continue;
      }
      parts.push({ source: before || clean(after).slice(0, 80), amount, percent });
    }
  }
  if (total === null && parts.length === 0) return null;
  return { total, parts };
}
