import { data, redirect } from "react-router";
import { EditPage, errorFor } from "../components/edit-page.tsx";
import { z } from "zod";
import type { Route } from "./+types/project-card-edit";
import { RadioGroup, SelectField, TextArea, TextField } from "../components/field.tsx";
import { ConflictError } from "../domain/errors.ts";
import { getProjectCard, saveProjectCard } from "../domain/project-cards.ts";
import {
  CARD_FIELDS,
  CARD_FIELD_LABELS,
  CARD_STATUS_LABELS,
  CONTINUATION_LABELS,
  GOAL_VERDICT_LABELS,
  type CardFields,
} from "../domain/labels.ts";
import { authorize } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formToObject, zodErrors } from "../web/form.server.ts";
import { conflictView } from "../web/history-view.ts";
import { parseYear } from "../web/params.ts";
import { useRootData } from "../root.tsx";
import { useFormValues } from "../web/use-form-values.ts";

const text = z
  .string()
  .max(20_000, "Tekst jest za długi (najwyżej 20 000 znaków).")
  .transform((v) => (v.trim() === "" ? null : v.trim()));
const optionalEnum = <T extends [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .transform((v) => (v === "" ? null : v))
    .refine((v) => v === null || (values as string[]).includes(v), message) as unknown as z.ZodType<
    T[number] | null
  >;

const schema = z.object({
  version: z
    .string()
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || Number.isInteger(v), "Nieprawidłowa wersja formularza."),
  status: z.enum(["carried_out", "not_carried_out", "reported_elsewhere", "finished"], {
    message: "Wybierz status projektu w roku.",
  }),
  statusReason: text,
  reportedIn: text,
  goalText: text,
  goalVerdict: optionalEnum(["achieved", "partly", "not_achieved"], "Wybierz ocenę z listy."),
  goalVerdictReason: text,
  addressees: text,
  implementers: text,
  stages: text,
  effects: text,
  indicatorsText: text,
  evaluation: text,
  funding: text,
  timeframe: text,
  continuation: optionalEnum(["yes", "no", "renamed"], "Wybierz kontynuację z listy."),
  nextYearTitle: text,
});

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    const year = parseYear(params.year);
    const view = await getProjectCard({ scope, projectId: params.project, year });
    authorize(view.canEdit);
    const values: Record<string, string> = {};
    for (const f of CARD_FIELDS) values[f] = view.card?.[f] ?? "";
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      project: { id: view.project.id, symbol: view.project.symbol, title: view.project.title },
      year,
      version: view.card ? String(view.card.version) : "",
      values,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    const year = parseYear(params.year);
    const form = formToObject(await request.formData());
    const parsed = schema.safeParse(form);
    if (!parsed.success)
      return data(
        {
          errors: zodErrors(parsed.error),
          values: form,
          conflict: null,
          version: form.version ?? "",
        },
        { status: 400 },
      );
    const { version, ...fields } = parsed.data;
    try {
      await saveProjectCard({
        scope,
        projectId: params.project,
        year,
        expectedVersion: version,
        fields: fields as CardFields,
      });
    } catch (e) {
      if (e instanceof ConflictError) {
        // Keep the user's text; move the form onto the saved version so a deliberate re-save works.
        return data(
          {
            errors: [],
            values: form,
            conflict: conflictView(e, fields),
            version: String((e.current as { version?: number }).version ?? ""),
          },
          { status: 409 },
        );
      }
      throw e;
    }
    throw redirect(`/g/${scope.tenant.slug}/projekty/${params.project}/${year}?zapisano=1`);
  });
}

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function ProjectCardEdit({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, project, year } = loaderData;
  const base = `/g/${tenant.slug}`;
  const { values, version } = useFormValues(actionData, loaderData);
  const errors = actionData?.errors ?? [];
  const err = errorFor(errors);
  const area = (f: (typeof CARD_FIELDS)[number], hint?: string) => (
    <TextArea
      name={f}
      label={CARD_FIELD_LABELS[f]}
      hint={hint}
      defaultValue={values[f]}
      error={err(f)}
    />
  );
  return (
    <EditPage
      title={`Karta projektu za rok ${year}`}
      documentTitle={`Edycja karty: ${project.title} — ${year}`}
      caption={`${project.title} [${project.symbol}]`}
      breadcrumbs={[
        { label: tenant.name, to: base },
        {
          label: `${project.symbol} — karta ${year}`,
          to: `${base}/projekty/${project.id}/${year}`,
        },
      ]}
      conflict={actionData?.conflict}
      errors={errors}
      csrf={root?.csrf ?? ""}
      version={version}
      submitLabel="Zapisz kartę"
      cancelTo={`${base}/projekty/${project.id}/${year}`}
      intro={
        <p>
          Kartę możesz zapisywać w dowolnym momencie — niezgodności zostaną pokazane jako uwagi, ale
          nie blokują zapisu.
        </p>
      }
    >
      <RadioGroup
        name="status"
        label="Status projektu w roku"
        options={options(CARD_STATUS_LABELS)}
        defaultValue={values.status || "carried_out"}
        error={err("status")}
      />
      <TextField
        name="statusReason"
        label={CARD_FIELD_LABELS.statusReason}
        hint="Wymagane, gdy projekt nie był realizowany (np. pandemia, brak oferentów w konkursie, brak środków)."
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
      <TextField
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
      <TextField
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
    </EditPage>
  );
}
