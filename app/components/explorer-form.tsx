// The explorer's GET form (decision 055): every choice is a field of the address, so the page
// works without JavaScript and a selection can be shared. The first box of each group carries
// the group's field id, so the error summary's links land on it.
import { Form } from "react-router";
import { errorId, fieldId, FieldError, TextField } from "./field/field.tsx";
import { Button } from "./button/button.tsx";
import type { FieldError as Problem } from "../domain/errors.ts";

type Box = { value: string; label: string };

function BoxGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  boxes: Box[];
  checked: string[];
  error?: string;
}) {
  const { name } = props;
  return (
    <div className={props.error ? "form-group form-group--error" : "form-group"}>
      <fieldset
        className="fieldset"
        aria-describedby={
          props.error ? errorId(name) : props.hint ? `${fieldId(name)}-hint` : undefined
        }
      >
        <legend className="fieldset__legend">{props.legend}</legend>
        {props.hint ? (
          <div className="hint" id={`${fieldId(name)}-hint`}>
            {props.hint}
          </div>
        ) : null}
        {props.error ? <FieldError id={errorId(name)} message={props.error} /> : null}
        <div className="checkboxes">
          {props.boxes.map((b, i) => {
            const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${i + 1}`;
            return (
              <div className="checkbox" key={b.value}>
                <input
                  className="checkbox__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={b.value}
                  defaultChecked={props.checked.includes(b.value)}
                />
                <label className="checkbox__label" htmlFor={id}>
                  {b.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function ExplorerForm(props: {
  action: string;
  indicators: Box[];
  institutions: Box[];
  dimensions: Box[];
  selection: {
    indicatorIds: string[];
    fromYear: number | null;
    toYear: number | null;
    institutionIds: string[];
    dimensions: string[];
  };
  problems: Problem[];
}) {
  const error = (field: string) =>
    props.problems
      .filter((p) => p.field === field)
      .map((p) => p.message)
      .join(" ") || undefined;
  const s = props.selection;
  return (
    <Form method="get" action={props.action} className="explorer-form">
      <BoxGroup
        name="w"
        legend="Wskaźniki"
        hint="Wybierz od 1 do 12 wskaźników."
        boxes={props.indicators}
        checked={s.indicatorIds}
        error={error("w")}
      />
      <fieldset className="fieldset fieldset--row">
        <legend className="fieldset__legend">Lata</legend>
        <p className="hint">Np. od 2016 do 2020. Puste pola: wszystkie lata z danymi.</p>
        <TextField
          name="od"
          label="Od roku"
          width={5}
          defaultValue={s.fromYear === null ? "" : String(s.fromYear)}
          error={error("od")}
        />
        <TextField
          name="do"
          label="Do roku"
          width={5}
          defaultValue={s.toYear === null ? "" : String(s.toYear)}
          error={error("do")}
        />
      </fieldset>
      <BoxGroup
        name="i"
        legend="Wartości instytucji"
        hint="Pokaż obok wartości ogółem wartości przekazane przez wybrane instytucje."
        boxes={props.institutions}
        checked={s.institutionIds}
        error={error("i")}
      />
      <BoxGroup
        name="podzial"
        legend="Podziały"
        hint="Pokaż części wartości ogółem, np. według płci lub dzielnicy."
        boxes={props.dimensions}
        checked={s.dimensions}
        error={error("podzial")}
      />
      <Button>Pokaż</Button>
    </Form>
  );
}
