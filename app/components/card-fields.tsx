// The fields of a project card, for every form that edits one (card edit, round task).
import { RadioGroup, SelectField, TextArea, TextField } from "./field/field.tsx";
import {
  CARD_FIELD_LABELS,
  CARD_STATUS_LABELS,
  CONTINUATION_LABELS,
  GOAL_VERDICT_LABELS,
  type CARD_FIELDS,
} from "../domain/value-labels.ts";

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function CardFields({
  values,
  err,
  carried = {},
}: {
  values: Record<string, string | undefined>;
  err: (field: string) => string | undefined;
  /** Fields whose text is last year's (issue 15 item 4): the note shown under their label. */
  carried?: Partial<Record<string, string>>;
}) {
  const area = (f: (typeof CARD_FIELDS)[number], hint?: string) => (
    <TextArea
      name={f}
      label={CARD_FIELD_LABELS[f]}
      hint={carried[f] ?? hint}
      defaultValue={values[f]}
      error={err(f)}
    />
  );
  return (
    <>
      <RadioGroup
        name="status"
        label="Status projektu w roku"
        options={options(CARD_STATUS_LABELS)}
        defaultValue={values.status || "carried_out"}
        error={err("status")}
      />
      <TextArea
        rows={2}
        name="statusReason"
        label={CARD_FIELD_LABELS.statusReason}
        hint={
          carried.statusReason ??
          "Wymagane, gdy projekt nie był realizowany (np. pandemia, brak oferentów w konkursie, brak środków)."
        }
        defaultValue={values.statusReason}
        error={err("statusReason")}
      />
      <TextField
        name="reportedIn"
        label={CARD_FIELD_LABELS.reportedIn}
        hint="Gdy projekt jest opisany w sprawozdaniu z innego programu — podaj jego nazwę."
        defaultValue={values.reportedIn}
        error={err("reportedIn")}
      />
      {area("goalText")}
      <SelectField
        name="goalVerdict"
        label={CARD_FIELD_LABELS.goalVerdict}
        placeholder="— nie oceniono —"
        options={options(GOAL_VERDICT_LABELS)}
        defaultValue={values.goalVerdict}
        error={err("goalVerdict")}
      />
      <TextArea
        rows={2}
        name="goalVerdictReason"
        label={CARD_FIELD_LABELS.goalVerdictReason}
        hint="Wymagane, gdy cel osiągnięto częściowo albo go nie osiągnięto."
        defaultValue={values.goalVerdictReason}
        error={err("goalVerdictReason")}
      />
      {area("addressees")}
      {area("implementers")}
      {area("stages")}
      {area("effects")}
      {area("indicatorsText")}
      {area("evaluation")}
      {area("funding")}
      <TextArea
        rows={2}
        name="timeframe"
        label={CARD_FIELD_LABELS.timeframe}
        hint="Np. „Projekt realizowany od 2004 r.”"
        defaultValue={values.timeframe}
        error={err("timeframe")}
      />
      <SelectField
        name="continuation"
        label={CARD_FIELD_LABELS.continuation}
        placeholder="— nie określono —"
        options={options(CONTINUATION_LABELS)}
        defaultValue={values.continuation}
        error={err("continuation")}
      />
      <TextField
        name="nextYearTitle"
        label={CARD_FIELD_LABELS.nextYearTitle}
        defaultValue={values.nextYearTitle}
        error={err("nextYearTitle")}
      />
    </>
  );
}
