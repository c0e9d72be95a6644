import { StatusTag } from "./status-tag/status-tag.tsx";
import { labelOf } from "../domain/value-labels.ts";
import {
  ASSIGNMENT_STATUS_TONES,
  type AssignmentStatus,
} from "../domain/rounds/assignment-statuses.ts";

export function RoundStatus({ status }: { status: AssignmentStatus }) {
  return (
    <StatusTag tone={ASSIGNMENT_STATUS_TONES[status]}>
      {labelOf("assignmentStatus", status)}
    </StatusTag>
  );
}

export type TallyRow = {
  key: string;
  label: string;
  expected: number;
  submitted: number;
  accepted: number;
  onTime: number;
  late: number;
};

/** Completeness at a glance: submitted of expected, on time and late. */
export function TallyTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: TallyRow[];
}) {
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="table table--compact">
        <caption className="table__caption--small">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">Przekazano / oczekiwano</th>
            <th scope="col">Zatwierdzono</th>
            <th scope="col">W terminie</th>
            <th scope="col">Po terminie</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{`${r.submitted} / ${r.expected}`}</td>
              <td>{r.accepted}</td>
              <td>{r.onTime}</td>
              <td>{r.late}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
