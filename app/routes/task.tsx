import { Form, Link, redirect } from "react-router";
import { labelInUnit, numberInUnit } from "../format/units.ts";
import { targetRows } from "../web/views/indicator-target.ts";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/task";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CardFields } from "../components/card-fields.tsx";
import { ConflictNotice } from "../components/conflict-notice.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { Checkbox, NumberField, TextArea, TextField } from "../components/field/field.tsx";
import { FindingsPanel } from "../components/findings-panel.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { RoundStatus } from "../components/round-status.tsx";
import { SummaryList } from "../components/summary-list/summary-list.tsx";
import { formatDate } from "../format/polish-dates.ts";
import { toFormNumber } from "../format/polish-numbers.ts";
import {
  CARD_FIELDS,
  CARD_FIELD_LABELS,
  type CardFields as CardFieldValues,
} from "../domain/value-labels.ts";
import { carriedOverFields } from "../domain/rounds/carry-over.ts";
import { daysUntil, describeDaysLeft, warsawDay } from "../domain/rounds/round-dates.ts";
import { getTask, getTaskAssignment, saveTask } from "../domain/rounds/partner-work.ts";
import { authorize, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { cardSchema } from "../web/forms/card.ts";
import { checkbox, polishNumber, trimmedOrNull } from "../web/forms/fields.ts";
import {
  formAction,
  parseVersion,
  parseInput,
  type FormAnswer,
} from "../web/forms/action.server.ts";
import { cardRows, showChange, showNumber } from "../web/views/round-item.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const task = await getTask({ scope, assignmentId: params.assignment });
    const a = task.assignment;
    const values: Record<string, string> = { explanation: a.explanation ?? "" };
    let rows: { key: string; value: string }[];
    let contribution = null;
    let carried: string[] = [];
    if (task.kind === "card") {
      const source = task.card ?? task.previousCard;
      for (const f of CARD_FIELDS) values[f] = source?.[f] ?? "";
      carried = carriedOverFields(values, task.previousCard, task.round.year);
      values.cardVersion = task.card ? String(task.card.version) : "";
      rows = cardRows(task.card);
    } else {
      values.contributionVersion =
        task.contributionVersion === null ? "" : String(task.contributionVersion);
      values.value = toFormNumber(task.contribution?.value ?? null);
      values.approximate = task.contribution?.approximate ? "tak" : "";
      values.note = task.contribution?.note ?? "";
      contribution = {
        unit: task.indicator.unit,
        previous: showNumber(task.previousValue),
        change: showChange(task.change),
        needsExplanation: task.change.needsExplanation,
      };
      rows = [
        {
          key: `Wartość za ${task.round.year} r.`,
          value: numberInUnit(showNumber(task.contribution?.value), task.indicator.unit),
        },
        {
          key: `Wartość za ${task.round.year - 1} r.`,
          value: numberInUnit(contribution.previous, task.indicator.unit),
        },
        { key: "Zmiana", value: contribution.change },
        // The indicator's baseline and target, so the partner sees what the value is measured against.
        ...targetRows(task.indicator, null),
      ];
    }
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      item: {
        id: a.id,
        kind: a.kind,
        title: a.kind === "card" ? `${a.symbol ?? ""} ${a.title}` : a.title,
        status: a.status,
        version: String(a.version),
        returnComment: a.status === "returned" ? a.returnComment : null,
        year: task.round.year,
        deadline: formatDate(task.round.deadline),
        daysLeft: describeDaysLeft(daysUntil(task.round.deadline, warsawDay(new Date()))),
        threshold: task.round.changeThreshold,
        prefilled: task.kind === "card" && !task.card && !!task.previousCard,
      },
      locked: task.locked,
      carried: carried.map((f) => ({
        field: f,
        label: CARD_FIELD_LABELS[f as keyof typeof CARD_FIELD_LABELS],
      })),
      values,
      rows,
      contribution,
      findings: task.findings,
    };
  });
}

const taskSchema = z.object({
  intent: z.string().optional(),
  explanation: trimmedOrNull,
  confirmCarryOver: checkbox,
});
const contributionSchema = z.object({
  value: polishNumber(),
  approximate: checkbox,
  note: trimmedOrNull,
  contributionVersion: z.string().optional(),
});

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const task = await getTaskAssignment({ scope, assignmentId: params.assignment });
    return formAction({
      request,
      schema: taskSchema,
      field: "value",
      extra: { done: null as string | null, moved: null as Record<string, string> | null },
      // A contribution's conflict is keyed by the institution (named by the domain).
      yours: (_v, sent) =>
        task.kind === "card"
          ? sent.values
          : {
              ...sent.values,
              contributions: {
                [task.institutionId]: { value: sent.values.value || null },
              },
            },
      // The item's own version stays; the form moves onto the saved card or contribution.
      onConflict: (e, sent) => ({
        version: sent.values.version ?? "",
        moved: {
          cardVersion: String(e.current.version ?? ""),
          contributionVersion: String(e.current.contributionVersion ?? ""),
        },
      }),
      act: async (v, sent) => {
        const submit = v.intent === "submit";
        const base = {
          scope,
          assignmentId: params.assignment,
          assignmentVersion: sent.version ?? 0,
          submit,
          explanation: v.explanation,
          confirmCarryOver: v.confirmCarryOver,
        };
        if (task.kind === "card") {
          const { version, ...fields } = parseInput(cardSchema, {
            ...sent.input,
            version: sent.values.cardVersion ?? "",
          });
          await saveTask({
            ...base,
            card: { expectedVersion: version, fields: fields as CardFieldValues },
          });
        } else {
          const c = parseInput(contributionSchema, sent.input);
          await saveTask({
            ...base,
            contribution: {
              // Decision 018: checked against the institution's own contribution only.
              expectedVersion: parseVersion(c.contributionVersion),
              value: c.value.value,
              approximate: c.value.approximate || c.approximate,
              note: c.note,
            },
          });
        }
        throw redirect(
          submit
            ? `/g/${scope.tenant.slug}/moje-zadania?przekazano=1`
            : `/g/${scope.tenant.slug}/moje-zadania/${params.assignment}?zapisano=1`,
        );
      },
    });
  });
}

export default function Task({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, item } = loaderData;
  const base = `/g/${tenant.slug}`;
  const a = actionData as FormAnswer<{ moved: Record<string, string> | null }> | undefined;
  const errors = a?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const values: Record<string, string | undefined> = {
    ...(a?.values ?? loaderData.values),
    ...a?.moved,
  };
  const c = loaderData.contribution;
  return (
    <>
      <title>{`${item.title} — Moje zadania — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Moje zadania", to: `${base}/moje-zadania` },
          { label: item.title },
        ]}
      />
      <PageHeader
        title={item.title}
        caption={
          item.kind === "card"
            ? `Karta projektu za rok ${item.year}`
            : `Wartość wskaźnika za rok ${item.year}`
        }
      />
      <p>
        Status: <RoundStatus status={item.status} />. Termin: {item.deadline} ({item.daysLeft}).
      </p>
      {item.returnComment ? (
        <div className="notice" role="status">
          <p>
            <strong>Zwrócono do poprawy:</strong> {item.returnComment}
          </p>
        </div>
      ) : null}
      {a?.conflict ? <ConflictNotice {...a.conflict} /> : null}
      <ErrorSummary errors={errors} />
      {loaderData.rows.length > 0 ? <SummaryList rows={loaderData.rows} /> : null}
      <FindingsPanel findings={loaderData.findings} />
      {loaderData.locked ? (
        <p>
          {item.status === "accepted"
            ? "Zatwierdzono — pozycja jest zablokowana. Jeśli trzeba ją poprawić, poproś koordynatora o ponowne otwarcie."
            : "Przekazano do sprawdzenia. Zmienisz dane, jeśli koordynator zwróci je do poprawy."}
        </p>
      ) : (
        <Form method="post" noValidate>
          <h2>{item.kind === "card" ? "Karta projektu" : "Wartość Twojej instytucji"}</h2>
          <CsrfInput token={root?.csrf ?? ""} />
          <input type="hidden" name="version" value={a?.version || item.version} />
          {item.kind === "card" ? (
            <>
              <input type="hidden" name="cardVersion" value={values.cardVersion ?? ""} />
              {item.prefilled ? (
                <p className="hint">
                  Formularz wypełniono kartą z poprzedniego roku — zaktualizuj ją.
                </p>
              ) : null}
              <CardFields
                values={values}
                err={err}
                carried={Object.fromEntries(
                  loaderData.carried.map((f) => [
                    f.field,
                    `Ten sam tekst co w ${item.year - 1} r. — opisz rok ${item.year} albo potwierdź przy przekazaniu, że jest aktualny.`,
                  ]),
                )}
              />
              {loaderData.carried.length > 0 || err("confirmCarryOver") ? (
                <Checkbox
                  name="confirmCarryOver"
                  value="tak"
                  label={`Tekst pól takich samych jak w ${item.year - 1} r. (${loaderData.carried.map((f) => f.label).join(", ") || "opisujących rok"}) jest nadal aktualny`}
                  error={err("confirmCarryOver")}
                  defaultChecked={values.confirmCarryOver === "tak"}
                />
              ) : null}
            </>
          ) : (
            <>
              <input
                type="hidden"
                name="contributionVersion"
                value={values.contributionVersion ?? ""}
              />
              <NumberField
                name="value"
                label={labelInUnit(`Wartość za rok ${item.year}`, c?.unit)}
                hint={`W poprzednim roku: ${c?.previous ?? "—"}. Liczby wpisuj po polsku, np. 1 234,5.`}
                defaultValue={values.value}
                error={err("value")}
              />
              <Checkbox
                name="approximate"
                value="tak"
                label="Wartość przybliżona"
                defaultChecked={values.approximate === "tak"}
              />
              <TextField
                name="note"
                label="Opis (np. z czego wynika liczba)"
                defaultValue={values.note}
              />
            </>
          )}
          <TextArea
            name="explanation"
            label="Wyjaśnienie zmiany względem poprzedniego roku"
            hint={`Wymagane przy przekazaniu, gdy wartość zmieniła się o więcej niż ${item.threshold}%.${c?.needsExplanation ? " Zapisana wartość przekracza ten próg." : ""}`}
            defaultValue={values.explanation}
            error={err("explanation")}
          />
          <div className="button-group">
            {/* Draft first: Enter in a field saves, it never submits for review by accident. */}
            <Button variant="secondary" name="intent" value="draft">
              Zapisz wersję roboczą
            </Button>
            <Button name="intent" value="submit">
              Przekaż do sprawdzenia
            </Button>
            <Link to={`${base}/moje-zadania`}>Wróć do listy</Link>
          </div>
        </Form>
      )}
    </>
  );
}
