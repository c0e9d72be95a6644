import { useId, useRef } from "react";
import { DisplayValue } from "./display-value.tsx";
import { Timestamp } from "./timestamp.tsx";
import { useFocusOnChange } from "./use-focus-on-change.ts";

export type ConflictChange = { field: string; label: string; theirs: string; yours: string };

export type ConflictNoticeProps = {
  changes: ConflictChange[];
  /** Who saved the newer version. */
  by: string;
  /** When the newer version was saved (ISO timestamp). */
  at: string;
};

export function ConflictNotice({ changes, by, at }: ConflictNoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusOnChange(ref, `${by}\u0000${at}`);

  return (
    <div className="conflict-notice" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 className="conflict-notice__title" id={titleId}>
        Ktoś zapisał zmiany w międzyczasie
      </h2>
      <p>
        <strong>Twoje zmiany nie zostały zapisane.</strong> Po otwarciu tego formularza inna osoba
        zapisała nowszą wersję: {by}, <Timestamp value={at} />.
      </p>
      {changes.length > 0 ? (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table table--compact">
            <caption className="table__caption--small">
              Pola, w których zapisana wersja różni się od Twojej
            </caption>
            <thead>
              <tr>
                <th scope="col">Pole</th>
                <th scope="col">Zapisana wersja</th>
                <th scope="col">Twoja wersja</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.label}</th>
                  <td>
                    <DisplayValue value={change.theirs} />
                  </td>
                  <td>
                    <DisplayValue value={change.yours} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nowsza wersja nie zmienia pól widocznych w tym formularzu.</p>
      )}
      <p>
        Formularz poniżej nadal zawiera Twoje wartości. Sprawdź różnice i w razie potrzeby popraw
        formularz. Jeśli zapiszesz go ponownie, Twoje wartości zastąpią wersję zapisaną przez inną
        osobę.
      </p>
    </div>
  );
}
