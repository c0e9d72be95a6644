// Statuses of a round's items, and the days left to the deadline, in Polish. Pure; safe in the browser.
import { plural } from "../../format/polish-plural.ts";

export const ASSIGNMENT_STATUSES = [
  "not_started",
  "in_progress",
  "submitted",
  "returned",
  "accepted",
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: "nie rozpoczęto",
  in_progress: "w toku",
  submitted: "przekazano",
  returned: "zwrócono do poprawy",
  accepted: "zatwierdzono",
};

export const ASSIGNMENT_STATUS_TONES = {
  not_started: "grey",
  in_progress: "blue",
  submitted: "yellow",
  returned: "red",
  accepted: "green",
} as const satisfies Record<AssignmentStatus, string>;

export type AssignmentKind = "card" | "contribution";
export const ASSIGNMENT_KIND_LABELS: Record<AssignmentKind, string> = {
  card: "karta projektu",
  contribution: "wartość wskaźnika",
};

/** Statuses in which the partner still owes the item. */
export const PENDING_STATUSES: readonly AssignmentStatus[] = [
  "not_started",
  "in_progress",
  "returned",
];

/** Statuses in which the partner may not change the item (under review, or accepted). */
export const LOCKED_STATUSES: readonly AssignmentStatus[] = ["submitted", "accepted"];

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

const days = (n: number) => `${n} ${plural(n, "dzień", "dni", "dni")}`;

/** "zostały 3 dni", "został 1 dzień", "termin mija dziś", "2 dni po terminie". */
export function describeDaysLeft(n: number): string {
  if (n === 0) return "termin mija dziś";
  if (n < 0) return `${days(-n)} po terminie`;
  const verb = n === 1 ? "został" : plural(n, "został", "zostały", "zostało");
  return `${verb} ${days(n)}`;
}
