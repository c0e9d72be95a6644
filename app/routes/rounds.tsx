import { Form, Link, redirect } from "react-router";
import { z } from "../web/forms/zod.ts";
import { labelOf } from "../domain/value-labels.ts";
import type { Route } from "./+types/rounds";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { SelectField, TextField } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { listDocuments } from "../domain/documents.ts";
import { formatDate } from "../format/polish-dates.ts";
import { listRounds, openRound } from "../domain/rounds/rounds.ts";
import { authorize, canManageRounds, canViewRounds } from "../policies/index.ts";
import { getServices } from "../services.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, type FormAnswer } from "../web/forms/action.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";
import { dateField, DATE_HINT } from "../web/forms/fields.ts";

const schema = z.object({
  documentId: z.string().min(1, "Wybierz dokument."),
  year: z.coerce
    .number({ message: "Wpisz rok, np. 2021." })
    .int("Wpisz rok, np. 2021.")
    .min(1990, "Wpisz rok, np. 2021.")
    .max(2200, "Wpisz rok, np. 2021."),
  deadline: dateField("Wpisz termin jako datę, np. 28.02.2022."),
});

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewRounds(scope.actor), { hide: true });
    const rounds = await listRounds({ scope });
    const canManage = canManageRounds(scope.actor);
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      rounds: rounds.map((r) => ({
        id: r.round.id,
        title: r.documentTitle,
        year: r.round.year,
        deadline: formatDate(r.round.deadline),
        status: labelOf("roundStatus", r.round.status),
      })),
      canManage,
      documents: canManage
        ? (await listDocuments({ scope })).map((d) => ({ value: d.id, label: d.title }))
        : [],
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManageRounds(scope.actor));
    const { config } = getServices();
    return formAction({
      request,
      schema,
      field: "documentId",
      extra: { done: null as string | null },
      act: async (v) => {
        const { id } = await openRound({
          scope,
          ...v,
          remindBefore: config.rounds.remindBefore,
          remindAfter: config.rounds.remindAfter,
          changeThreshold: config.rounds.changeThresholdPercent,
        });
        throw redirect(`/g/${scope.tenant.slug}/sprawozdawczosc/${id}`);
      },
    });
  });
}

export default function Rounds({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant } = loaderData;
  const base = `/g/${tenant.slug}`;
  const a = actionData as FormAnswer<{ done: string | null }> | undefined;
  const errors = a?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const values = a?.values ?? {};
  return (
    <>
      <title>{`Sprawozdawczość — ${tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: tenant.name, to: base }, { label: "Sprawozdawczość" }]} />
      <PageHeader title="Rundy sprawozdawcze" />
      {loaderData.rounds.length === 0 ? (
        <p>Nie otwarto jeszcze żadnej rundy.</p>
      ) : (
        <ul className="card-list">
          {loaderData.rounds.map((r) => (
            <li key={r.id} className="card-list__item">
              <h2 className="card-list__title">
                <Link to={`${base}/sprawozdawczosc/${r.id}`}>{`Rok ${r.year}: ${r.title}`}</Link>
              </h2>
              <p className="muted">
                Termin dla realizatorów: {r.deadline} Runda {r.status}.
              </p>
            </li>
          ))}
        </ul>
      )}
      {loaderData.canManage ? (
        <>
          <h2>Otwórz rundę</h2>
          <p>
            Busola zaproponuje, kto co przekazuje, na podstawie poprzedniego roku: karty projektów —
            ich realizatorzy, wartości wskaźników — instytucje, które je podały. Listę można potem
            zmienić.
          </p>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate>
            <CsrfInput token={root?.csrf ?? ""} />
            <SelectField
              name="documentId"
              label="Dokument"
              placeholder="— wybierz —"
              options={loaderData.documents}
              defaultValue={values.documentId}
              error={err("documentId")}
            />
            <TextField
              name="year"
              label="Rok sprawozdawczy"
              width={5}
              defaultValue={values.year}
              error={err("year")}
            />
            <TextField
              name="deadline"
              label="Termin dla realizatorów"
              type="date"
              hint={DATE_HINT}
              width={10}
              defaultValue={values.deadline}
              error={err("deadline")}
            />
            <Button>Otwórz rundę</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
