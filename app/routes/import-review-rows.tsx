// The pieces of the import review page: one proposed item's row (what saving it would do, the
// editable name and value, the parser's doubts, the validation findings, the source passage),
// the sections and the counts of a saved import.
import { fieldId } from "../components/field/field.tsx";
import { Button, ButtonGroup } from "../components/button/button.tsx";
import { StatusTag, type TagTone } from "../components/status-tag/status-tag.tsx";
import type { ImportPlan, PlanItem } from "../domain/import-drafts/plan.ts";
import { formatNumber, toFormNumber } from "../format/polish-numbers.ts";
import { splitLines } from "../report-reader/normalise.ts";
import { editableText } from "../web/forms/import-review.ts";

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
  accepted,
  sent,
}: {
  row: ReviewRowData;
  what: string;
  errorOf: (field: string) => string | undefined;
  /** Whether the box is ticked: as sent last, or (first view) yes. */
  accepted: boolean;
  /** The form's values as sent last, or null on the first view. */
  sent: Record<string, string> | null;
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
            defaultChecked={accepted}
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
          defaultValue={sent?.[textName] ?? r.text}
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
              defaultValue={sent?.[valueName] ?? r.value}
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

/** Each section's table of proposals, with its "select all / none" buttons. */
export function ReviewSections({
  rows,
  errorOf,
  sentChoices,
  sentValues,
}: {
  rows: ReviewRowData[];
  errorOf: (field: string) => string | undefined;
  /** The boxes ticked when the form was last sent; null on the first view. */
  sentChoices: Set<string> | null;
  sentValues: Record<string, string>;
}) {
  // A new set of choices remounts the rows, so their checkboxes show it (they are uncontrolled).
  const choicesKey = sentChoices ? [...sentChoices].join(",") : "plan";
  return (
    <>
      {SECTIONS.map((s) => {
        const sectionRows = rows.filter((r) => r.section === s.section);
        if (sectionRows.length === 0) return null;
        return (
          <section key={s.section} aria-labelledby={`sekcja-${s.section}`}>
            <h2 id={`sekcja-${s.section}`}>
              {s.title} ({formatNumber(sectionRows.length)})
            </h2>
            <ButtonGroup>
              <Button name="intent" value={`zaznacz:${s.section}`} variant="secondary">
                Zaznacz wszystkie<span className="visually-hidden"> w sekcji „{s.title}”</span>
              </Button>
              <Button name="intent" value={`odznacz:${s.section}`} variant="secondary">
                Odznacz wszystkie<span className="visually-hidden"> w sekcji „{s.title}”</span>
              </Button>
            </ButtonGroup>
            <div className="table-wrapper" tabIndex={0}>
              <table className="table table--review">
                <caption className="visually-hidden">{s.title}: propozycje importu</caption>
                <thead>
                  <tr>
                    <th scope="col">Zapisać?</th>
                    <th scope="col">Propozycja</th>
                    <th scope="col">Fragment źródła</th>
                  </tr>
                </thead>
                <tbody key={choicesKey}>
                  {sectionRows.map((r) => (
                    <ReviewRow
                      key={r.key}
                      row={r}
                      what={s.what}
                      errorOf={errorOf}
                      accepted={sentChoices ? sentChoices.has(r.key) : true}
                      sent={sentChoices ? sentValues : null}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}

/** The review page's rows: each plan item with its editable text, value and source passage. */
export function reviewRows(plan: ImportPlan, sourceText: string): ReviewRowData[] {
  const lines = splitLines(sourceText);
  return plan.items.map((item) => {
    const indicator =
      item.section === "indicator" ? plan.indicators.find((i) => i.key === item.key) : undefined;
    const project =
      item.section === "project" ? plan.projects.find((p) => p.key === item.key) : undefined;
    return {
      key: item.key,
      section: item.section,
      label: item.label,
      action: item.action,
      changes: item.changes,
      uncertain: item.uncertain,
      findings: item.findings.map((f) => ({ severity: f.severity, message: f.message })),
      text: editableText(item, plan),
      value: indicator ? toFormNumber(indicator.proposal.value) : null,
      unit: indicator?.proposal.unit ?? null,
      contributions: project
        ? implementersOf(plan, project.key)
        : indicator
          ? indicator.proposal.contributions
              .map((c) => `${c.institution} – ${c.value === null ? "?" : formatNumber(c.value)}`)
              .join(", ")
          : null,
      source: item.source
        ? {
            line: item.source.line,
            text: lines
              .slice(item.source.line - 1, item.source.line + 3)
              .join("\n")
              .slice(0, 700),
          }
        : null,
    };
  });
}
