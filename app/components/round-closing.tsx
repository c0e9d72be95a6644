// The round page's lower part: the institutions' workbooks (one list for the round), closing
// and reopening the round, and the round's own history.
import { Button } from "./button/button.tsx";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { ChangeList, type ChangeEntry } from "./change-list.tsx";
import { TextArea } from "./field/field.tsx";

export function InstitutionWorkbooks(props: {
  base: string;
  roundId: string;
  workbooks: { id: string; name: string }[];
}) {
  if (props.workbooks.length === 0) return null;
  return (
    <>
      <h2>Arkusze instytucji</h2>
      <p>
        Arkusz kalkulacyjny z pozycjami instytucji — taki sam, jaki pobiera realizator w „Moich
        zadaniach”.
      </p>
      <ul>
        {props.workbooks.map((w) => (
          <li key={w.id}>
            <a href={`${props.base}/sprawozdawczosc/${props.roundId}/arkusz/${w.id}`} download>
              {`Pobierz arkusz (XLSX): ${w.name}`}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function RoundClosing(props: {
  open: boolean;
  canManage: boolean;
  /** CSRF and version inputs of the page. */
  hidden: (intent: string) => ReactNode;
  reason?: string;
  reasonError?: string;
  history: ChangeEntry[];
}) {
  return (
    <>
      <h2>Zamknięcie rundy</h2>
      {props.open ? (
        <p>Runda jest otwarta: realizatorzy mogą zapisywać i przekazywać dane.</p>
      ) : (
        <p>Runda jest zamknięta: realizatorzy nie mogą już zmieniać danych.</p>
      )}
      {props.canManage && props.open ? (
        <Form method="post">
          {props.hidden("close")}
          <Button variant="secondary">Zamknij rundę</Button>
        </Form>
      ) : null}
      {props.canManage && !props.open ? (
        <Form method="post" noValidate>
          {props.hidden("reopen")}
          <TextArea
            name="reason"
            label="Powód ponownego otwarcia rundy"
            hint="Powód zostanie zapisany w historii rundy."
            defaultValue={props.reason}
            error={props.reasonError}
            rows={3}
          />
          <Button variant="secondary">Otwórz rundę ponownie</Button>
        </Form>
      ) : null}
      <h2>Historia rundy</h2>
      <ChangeList entries={props.history} />
    </>
  );
}
