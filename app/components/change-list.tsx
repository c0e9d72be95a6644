import { DisplayValue } from "./display-value.tsx";
import { Timestamp, formatDateTime } from "./timestamp.tsx";

export type FieldChange = { field: string; label: string; before: string; after: string };

export type ChangeEntry = {
  at: string;
  user: string;
  action: string;
  changes: FieldChange[];
};

export function ChangeList({ entries }: { entries: ChangeEntry[] }) {
  if (entries.length === 0) return <p className="muted">Brak zmian.</p>;

  return (
    <ol className="change-list">
      {entries.map((entry, index) => (
        <li className="change-list__entry" key={`${entry.at}-${index}`}>
          <dl className="change-list__meta">
            <div>
              <dt>Data</dt>
              <dd>
                <Timestamp value={entry.at} />
              </dd>
            </div>
            <div>
              <dt>Kto</dt>
              <dd>{entry.user}</dd>
            </div>
            <div>
              <dt>Zmiana</dt>
              <dd>{entry.action}</dd>
            </div>
          </dl>
          {entry.changes.length > 0 ? (
            <div className="table-wrapper" tabIndex={0}>
              <table className="table table--compact change-list__table">
                {/* Gives each table a distinct accessible name when listed by screen readers. */}
                <caption className="visually-hidden">
                  {entry.action}, {formatDateTime(entry.at)}, {entry.user}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Pole</th>
                    <th scope="col">Było</th>
                    <th scope="col">Jest</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{change.label}</th>
                      <td>
                        <DisplayValue value={change.before} />
                      </td>
                      <td>
                        <DisplayValue value={change.after} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
