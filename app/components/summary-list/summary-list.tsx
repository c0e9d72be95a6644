// Key–value rows (GOV.UK's summary list): a project's facts, an indicator's baseline and target.
import type { ReactNode } from "react";

export type SummaryRow = {
  key: string;
  value: ReactNode;
  /** Optional per-row action such as a "Zmień" link; include visually hidden context in it. */
  action?: ReactNode;
  /** A free text written by a person: its line breaks are kept (public pages' .public-prose). */
  prose?: boolean;
};

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row, index) => (
        <div className="summary-list__row" key={`${index}-${row.key}`}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className={row.prose ? "summary-list__value public-prose" : "summary-list__value"}>
            {row.value}
          </dd>
          {row.action ? <dd className="summary-list__action">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
