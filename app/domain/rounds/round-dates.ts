// Deadlines of a round in Polish days: the Warsaw calendar day, days left, and how to say it.
// Pure; safe in the browser.
import { formatNumber } from "../../format/polish-numbers.ts";
import { plural } from "../../format/polish-plural.ts";

const WARSAW_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Warsaw",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Poland, YYYY-MM-DD: deadlines are Polish days whatever the server's zone. */
export function warsawDay(now: Date): string {
  return WARSAW_DAY.format(now);
}

/** Whole days from `today` to `deadline` (both YYYY-MM-DD); negative after the deadline. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round(
    (Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

const days = (n: number) => `${formatNumber(n)} ${plural(n, "dzień", "dni", "dni")}`;

/** "zostały 3 dni", "został 1 dzień", "termin mija dziś", "2 dni po terminie". */
export function describeDaysLeft(n: number): string {
  if (n === 0) return "termin mija dziś";
  if (n < 0) return `${days(-n)} po terminie`;
  const verb = n === 1 ? "został" : plural(n, "został", "zostały", "zostało");
  return `${verb} ${days(n)}`;
}
