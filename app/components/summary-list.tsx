import type { ReactNode } from "react";

export type SummaryRow = {
  key: string;
  value: ReactNode;
  /** Optional per-row action such as a "Zmień" link; include visually hidden context in it. */
  action?: ReactNode;
};

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row, index) => (
        <div className="summary-list__row" key={`${index}-${row.key}`}>
          <dt className="summary-list__key">{row.key}</dt>
          <dd className="summary-list__value">{row.value}</dd>
          {row.action ? <dd className="summary-list__action">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
