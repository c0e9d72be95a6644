// Edit a project's budget by funding source: for the year (default) or, with ?zakres=calosc,
// for the whole project period.
import { redirect } from "react-router";
import { documentCrumb, documentRef } from "../web/views/document-crumb.ts";
import { z } from "../web/forms/zod.ts";
import { EditPage, errorFor } from "../components/edit-page.tsx";
import type { Route } from "./+types/budget-edit";
import { NumberField, SelectField, TextField } from "../components/field/field.tsx";
import { saveBudget, type BudgetPartInput } from "../domain/budgets.ts";
import { FUNDING_SOURCES, labelOptions } from "../domain/value-labels.ts";
import { getProjectCard } from "../domain/project-cards.ts";
import { authorize, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction } from "../web/forms/action.server.ts";
import { polishNumber, rows, trimmedOrNull } from "../web/forms/fields.ts";
import { parseYear } from "../web/params.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { toFormNumber } from "../format/polish-numbers.ts";
import { useFormValues } from "../web/hooks/use-form-values.ts";

function budgetYear(request: Request, year: number): number | null {
  return new URL(request.url).searchParams.get("zakres") === "calosc" ? null : year;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    const year = parseYear(params.year);
    const view = await getProjectCard({ scope, projectId: params.project, year });
    authorize(view.canEdit);
    const which = budgetYear(request, year);
    const budget = view.budgets.find((b) => b.year === which) ?? null;
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      document: documentRef(view.document),
      project: { id: view.project.id, symbol: view.project.symbol, title: view.project.title },
      year,
      whole: which === null,
      version: budget ? String(budget.version) : "",
      total: toFormNumber(budget?.total),
      parts: (budget?.parts ?? []).map((p) => ({
        sourceKind: p.sourceKind,
        sourceLabel: p.sourceLabel,
        amount: toFormNumber(p.amount),
        percent: toFormNumber(p.percent),
      })),
    };
  });
}

const partSchema = z
  .object({
    sourceKind: z.string().optional(),
    sourceLabel: trimmedOrNull,
    amount: polishNumber(),
    percent: polishNumber(999),
  })
  .superRefine((p, ctx) => {
    if (!p.sourceLabel && (p.amount.value !== null || p.percent.value !== null))
      ctx.addIssue({
        code: "custom",
        path: ["sourceLabel"],
        message: "Wpisz nazwę źródła finansowania, np. „budżet miasta”.",
      });
  });

const schema = z.object({ total: polishNumber(), parts: rows(partSchema) });

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // The page-level gate; the domain checks the record's own policy (canEdit…/canView…).
    authorize(canViewStrategy(scope.actor), { hide: true });
    const year = parseYear(params.year);
    const partsOf = (v: z.output<typeof schema>): BudgetPartInput[] =>
      v.parts
        .filter((p) => p.sourceLabel)
        .map((p) => ({
          sourceKind: p.sourceKind && p.sourceKind in FUNDING_SOURCES ? p.sourceKind : "other",
          sourceLabel: p.sourceLabel!,
          amount: p.amount.value,
          percent: p.percent.value,
        }));
    return formAction({
      request,
      schema,
      yours: (v) => ({
        total: v.total.value,
        parts: partsOf(v).map((p) => `${p.sourceLabel}: ${p.amount ?? "—"}`),
      }),
      act: async (v, sent) => {
        await saveBudget({
          scope,
          projectId: params.project,
          year: budgetYear(request, year),
          expectedVersion: sent.version,
          total: v.total.value,
          parts: partsOf(v),
        });
        throw redirect(`/g/${scope.tenant.slug}/projekty/${params.project}/${year}`);
      },
    });
  });
}

export default function BudgetEdit({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, project, year } = loaderData;
  const base = `/g/${tenant.slug}`;
  const { values, version, submitted } = useFormValues(actionData, { version: loaderData.version });
  const pick = (field: string, fallback: string) => (submitted ? (values[field] ?? "") : fallback);
  const errors = actionData?.errors ?? [];
  const err = errorFor(errors);
  const blank = { sourceKind: "own", sourceLabel: "", amount: "", percent: "" };
  const rows = [...loaderData.parts, blank, blank];
  const title = loaderData.whole ? "Budżet całego projektu" : `Budżet na rok ${year}`;
  return (
    <EditPage
      title={title}
      documentTitle={`${title}: ${project.title}`}
      caption={`${project.title} [${project.symbol}]`}
      breadcrumbs={[
        { label: tenant.name, to: base },
        documentCrumb(base, loaderData.document, year),
        {
          label: `${project.symbol} — karta ${year}`,
          to: `${base}/projekty/${project.id}/${year}`,
        },
      ]}
      conflict={actionData?.conflict}
      errors={errors}
      csrf={root?.csrf ?? ""}
      version={version}
      submitLabel="Zapisz budżet"
      cancelTo={`${base}/projekty/${project.id}/${year}`}
      intro={
        <p>
          Kwoty wpisuj po polsku, np. 1 588 268,16. Niezgodności sum i udziałów zostaną pokazane
          jako uwagi na karcie projektu.
        </p>
      }
    >
      <NumberField
        name="total"
        label="Wartość ogółem (zł)"
        defaultValue={pick("total", loaderData.total)}
        error={err("total")}
      />
      {rows.map((p, i) => (
        <fieldset className="fieldset" key={i}>
          <legend className="fieldset__legend">{`Źródło finansowania ${i + 1}`}</legend>
          <SelectField
            name={`parts.${i}.sourceKind`}
            label="Rodzaj źródła"
            options={labelOptions(FUNDING_SOURCES)}
            defaultValue={pick(`parts.${i}.sourceKind`, p.sourceKind)}
          />
          <TextField
            name={`parts.${i}.sourceLabel`}
            label="Nazwa źródła"
            hint="Np. „Europejski Fundusz Społeczny, RPO WSL, oś IX”."
            defaultValue={pick(`parts.${i}.sourceLabel`, p.sourceLabel)}
            error={err(`parts.${i}.sourceLabel`)}
          />
          <NumberField
            name={`parts.${i}.amount`}
            label="Kwota (zł)"
            defaultValue={pick(`parts.${i}.amount`, p.amount)}
            error={err(`parts.${i}.amount`)}
          />
          <NumberField
            name={`parts.${i}.percent`}
            label="Udział podany w dokumencie (%)"
            width={5}
            defaultValue={pick(`parts.${i}.percent`, p.percent)}
            error={err(`parts.${i}.percent`)}
          />
        </fieldset>
      ))}
    </EditPage>
  );
}
