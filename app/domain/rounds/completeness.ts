// Completeness of a round at a glance: submitted of expected, on time or late, per institution
// and per goal. Pure: computed from the assignment rows and today's date.
import type { AssignmentStatus } from "./assignment-statuses.ts";

type Row = {
  status: AssignmentStatus;
  submittedAt: Date | null;
  deadline: string;
  institutionId: string;
  institutionName: string;
  goalId: string;
  goalCode: string;
};

export type Tally = {
  key: string;
  label: string;
  expected: number;
  submitted: number;
  accepted: number;
  onTime: number;
  late: number;
};

const END_OF_DAY_WARSAW = "T23:59:59+01:00";

/** Submitted after the deadline day, or still owed once the deadline day is over. */
function isLate(row: Row, today: string): boolean {
  const done = row.status === "submitted" || row.status === "accepted";
  if (done && row.submittedAt)
    return row.submittedAt > new Date(`${row.deadline}${END_OF_DAY_WARSAW}`);
  return !done && today > row.deadline;
}

function tally(rows: Row[], key: (r: Row) => string, label: (r: Row) => string, today: string) {
  const out = new Map<string, Tally>();
  for (const r of rows) {
    const k = key(r);
    const t =
      out.get(k) ??
      ({
        key: k,
        label: label(r),
        expected: 0,
        submitted: 0,
        accepted: 0,
        onTime: 0,
        late: 0,
      } as Tally);
    t.expected++;
    const done = r.status === "submitted" || r.status === "accepted";
    if (done) t.submitted++;
    if (r.status === "accepted") t.accepted++;
    if (isLate(r, today)) t.late++;
    else if (done) t.onTime++;
    out.set(k, t);
  }
  return [...out.values()];
}

export function completeness(rows: Row[], today: string) {
  return {
    total: tally(
      rows,
      () => "all",
      () => "Razem",
      today,
    )[0] ?? {
      key: "all",
      label: "Razem",
      expected: 0,
      submitted: 0,
      accepted: 0,
      onTime: 0,
      late: 0,
    },
    byInstitution: tally(
      rows,
      (r) => r.institutionId,
      (r) => r.institutionName,
      today,
    ).sort((a, b) => a.label.localeCompare(b.label, "pl")),
    byGoal: tally(
      rows,
      (r) => r.goalId,
      (r) => r.goalCode,
      today,
    ),
  };
}
