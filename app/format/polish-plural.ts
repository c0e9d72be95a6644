// Polish plural forms through the language's own rules (Intl.PluralRules "pl"): 1 uwaga,
// 2–4 uwagi, 5–21 uwag, 22–24 uwagi… — never "uwag(i)". The one helper for every count a
// person reads (decision 045).
import { formatNumber } from "./polish-numbers.ts";

const RULES = new Intl.PluralRules("pl");

/** The form of a noun for a count: plural(5, "uwaga", "uwagi", "uwag") → "uwag". */
export function plural(n: number, one: string, few: string, many: string): string {
  switch (RULES.select(n)) {
    case "one":
      return one;
    case "few":
      return few;
    case "many":
      return many;
    default:
      // "other": fractions, which Polish writes with the genitive singular — "1,5 godziny".
      return few;
  }
}

/** A count with its noun, the number written the Polish way: "1 588 uwag". */
export function countOf(n: number, one: string, few: string, many: string): string {
  return `${formatNumber(n)} ${plural(n, one, few, many)}`;
}
