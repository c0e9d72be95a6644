// Adding the cards of a whole goal, or of everything one institution carries out, to a round
// at once (issue 14 item 10) — instead of one select-pair per project.
import type { ReactNode } from "react";
import { Form } from "react-router";
import { Button } from "./button/button.tsx";
import { SelectField } from "./field/field.tsx";

type Option = { value: string; label: string };

export function RoundBulkAdd(props: {
  csrf: ReactNode;
  goals: Option[];
  institutions: Option[];
  values: Record<string, string>;
  err: (field: string) => string | undefined;
}) {
  return (
    <>
      <h2>Dodaj zadania hurtowo</h2>
      <p>
        Karty wszystkich projektów wybranego celu lub wybranej instytucji — każda dla realizatorów
        projektu. Zadania, które już są w rundzie, pozostają bez zmian.
      </p>
      <Form method="post" noValidate>
        {props.csrf}
        <input type="hidden" name="intent" value="bulk" />
        <SelectField
          name="bulkGoalId"
          label="Cel strategiczny"
          placeholder="— każdy cel —"
          options={props.goals}
          defaultValue={props.values.bulkGoalId}
          error={props.err("bulkGoalId")}
        />
        <SelectField
          name="bulkInstitutionId"
          label="Instytucja realizująca"
          placeholder="— każda instytucja —"
          options={props.institutions}
          defaultValue={props.values.bulkInstitutionId}
          error={props.err("bulkInstitutionId")}
        />
        <Button variant="secondary">Dodaj zadania</Button>
      </Form>
    </>
  );
}
