// Statuses and kinds of a round's items, with their Polish labels. Pure; safe in the browser.

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
