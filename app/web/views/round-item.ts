// What a round item shows to its partner and its reviewer: the entered card or value, last
// year's value beside it with the change, and the findings — as plain data for the page.
import { formatNumber } from "../../format/polish-numbers.ts";
import { CARD_FIELDS, CARD_FIELD_LABELS, cardFieldText } from "../../domain/value-labels.ts";
import type { YearChange } from "../../domain/rounds/change.ts";

export function showNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2 });
}

/** "+25,0%", "−12,5%", or a sentence when there is nothing to compare. */
export function showChange(c: YearChange): string {
  if (c.previous === null) return "brak wartości z poprzedniego roku";
  if (c.current === null) return "nie wpisano jeszcze wartości";
  if (c.percent === null) return c.current === c.previous ? "bez zmian" : "zmiana od zera";
  const sign = c.percent > 0 ? "+" : c.percent < 0 ? "−" : "";
  return `${sign}${formatNumber(Math.abs(c.percent), { decimals: 1 })}%`;
}

export function cardRows(card: Record<string, unknown> | null): { key: string; value: string }[] {
  if (!card) return [];
  return CARD_FIELDS.filter((f) => card[f] !== null && card[f] !== "").map((f) => ({
    key: CARD_FIELD_LABELS[f],
    value: cardFieldText(f, String(card[f])) ?? "—",
  }));
}
