// The pieces of the import review page: one proposed item's row (what saving it would do, the
// editable name and value, the parser's doubts, the validation findings, the source passage),
// the sections and the counts of a saved import.
import { fieldId } from "../components/field/field.tsx";
import { StatusTag, type TagTone } from "../components/status-tag/status-tag.tsx";
import type { ImportPlan, PlanItem } from "../domain/import-drafts/plan.ts";
import { formatNumber } from "../format/polish-numbers.ts";

export type ReviewRowData = {
  key: string;
  section: PlanItem["section"];
  label: string;
  action: PlanItem["action"];
  changes: string[];
  uncertain: string[];
  findings: { severity: string; message: string }[];
  text: string;
  value: string | null;
  unit: string | null;
  contributions: string | null;
  source: { line: number; text: string } | null;
};

const ACTIONS: Record<PlanItem["action"], { label: string; tone: TagTone }> = {
  create: { label: "nowy", tone: "blue" },
  add_year: { label: "nowy rok", tone: "green" },
  update: { label: "zmiana", tone: "yellow" },
  unchanged: { label: "bez zmian", tone: "grey" },
};

export const SECTIONS: { section: PlanItem["section"]; title: string; what: string }[] = [
  { section: "goal", title: "Cele strategiczne", what: "Tytuł celu" },
  { section: "direction", title: "Kierunki działań i cele operacyjne", what: "Nazwa" },
  { section: "project", title: "Projekty i ich karty", what: "Tytuł projektu" },
  { section: "indicator", title: "Wskaźniki i ich wartości", what: "Nazwa wskaźnika" },
  { section: "next_year", title: "Projekty zgłoszone na kolejny rok", what: "Tytuł projektu" },
  {
    section: "document",
    title: "Dokumenty powiązane wymienione w sprawozdaniu",
    what: "Tytuł dokumentu",
  },
];

/** A card's implementers as the import links them: stored institutions and new ones. */
export function implementersOf(plan: ImportPlan, projectKey: string): string | null {
  const names = plan.projectInstitutions
    .filter((l) => l.projectKey === projectKey)
    .map((l) => {
      const inst = plan.institutions.get(l.institutionKey);
      if (!inst) return null;
      const role = l.role === "lead" ? "wiodący" : "partner";
      return `${inst.name} (${role}, ${inst.existingId ? "istniejąca instytucja" : "nowa instytucja"})`;
    })
    .filter((n): n is string => n !== null);
  return names.length > 0 ? names.join("; ") : null;
}

const COUNT_LABELS: Record<string, string> = {
  plan_document: "dokumenty",
  strategic_goal: "cele strategiczne",
  operational_goal: "kierunki działań",
  project: "projekty",
  project_card: "karty projektów",
  budget: "budżety",
  indicator: "wskaźniki",
  indicator_value: "wartości wskaźników",
  institution: "instytucje",
};

export function Counts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return <p>nic</p>;
  return (
    <ul>
      {entries.map(([k, n]) => (
        <li key={k}>
          {COUNT_LABELS[k] ?? k}: {formatNumber(n)}
        </li>
      ))}
    </ul>
  );
}

export function ReviewRow({
  row: r,
  what,
  errorOf,
}: {
  row: ReviewRowData;
  what: string;
  errorOf: (field: string) => string | undefined;
}) {
  const textName = `text.${r.key}`;
  const valueName = `value.${r.key}`;
  const textError = errorOf(textName);
  const valueError = errorOf(valueName);
  return (
    <tr key={r.key}>
      <td>
        <input type="hidden" name="item" value={r.key} />
        <div className="checkbox">
          <input
            className="checkbox__input"
            type="checkbox"
            id={fieldId(`accept.${r.key}`)}
            name="accept"
            value={r.key}
            defaultChecked
          />
          <label className="checkbox__label" htmlFor={fieldId(`accept.${r.key}`)}>
            <span className="visually-hidden">Zapisz: {r.label}</span>
            <span aria-hidden="true">Tak</span>
          </label>
        </div>
      </td>
      <td>
        <p>
          <StatusTag tone={ACTIONS[r.action].tone}>{ACTIONS[r.action].label}</StatusTag>{" "}
          {r.section === "project" || r.section === "next_year" ? r.label.split(" ")[0] : null}
        </p>
        <label className="label" htmlFor={fieldId(textName)}>
          {what}
        </label>
        {textError ? (
          <p className="field-error" id={`${fieldId(textName)}-error`}>
            <span className="visually-hidden">Błąd: </span>
            {textError}
          </p>
        ) : null}
        <textarea
          className="textarea"
          id={fieldId(textName)}
          name={textName}
          // About sixty characters a row at the field's width: a long title shows whole.
          rows={Math.min(4, Math.max(1, Math.ceil(r.text.length / 60)))}
          defaultValue={r.text}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${fieldId(textName)}-error` : undefined}
        />
        {r.value !== null ? (
          <>
            <label className="label" htmlFor={fieldId(valueName)}>
              Wartość{r.unit ? ` (${r.unit})` : ""}
            </label>
            {valueError ? (
              <p className="field-error" id={`${fieldId(valueName)}-error`}>
                <span className="visually-hidden">Błąd: </span>
                {valueError}
              </p>
            ) : null}
            <input
              className="input input--width-10"
              type="text"
              inputMode="decimal"
              id={fieldId(valueName)}
              name={valueName}
              defaultValue={r.value}
              aria-invalid={valueError ? true : undefined}
              aria-describedby={valueError ? `${fieldId(valueName)}-error` : undefined}
            />
          </>
        ) : null}
        {r.contributions ? <p className="hint">Realizatorzy: {r.contributions}</p> : null}
        {r.changes.map((c, i) => (
          <p key={`c${i}`} className="hint">
            {c}
          </p>
        ))}
        {r.uncertain.length || r.findings.length ? (
          <ul className="review-notes">
            {r.uncertain.map((u, i) => (
              <li key={`u${i}`}>
                <StatusTag tone="yellow">do sprawdzenia</StatusTag> {u}
              </li>
            ))}
            {r.findings.map((f, i) => (
              <li key={`f${i}`}>
                <StatusTag tone={f.severity === "error" ? "red" : "yellow"}>
                  {f.severity === "error" ? "błąd w liczbach" : "uwaga"}
                </StatusTag>{" "}
                {f.message}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td>
        {r.source ? (
          <figure className="source-passage">
            <figcaption>wiersz {r.source.line}</figcaption>
            <blockquote>{r.source.text}</blockquote>
          </figure>
        ) : (
          <span className="hint">z nagłówków i spisów treści</span>
        )}
      </td>
    </tr>
  );
}
