import { Form, Link } from "react-router";
import { labelOf } from "../domain/value-labels.ts";
import type { Route } from "./+types/institutions";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { SelectField, TextField } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { createInstitution, listInstitutions } from "../domain/institutions.ts";
import { authorize, canManageInstitutions, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { institutionSchema, kindOptions } from "../web/forms/institution.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const rows = await listInstitutions({ scope });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      canManage: canManageInstitutions(scope.actor),
      institutions: rows.map((r) => ({
        id: r.id,
        name: r.name,
        shortName: r.shortName,
        kind: labelOf("institutionKind", r.kind),
        projectCount: r.projectCount,
      })),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManageInstitutions(scope.actor));
    return formAction({
      request,
      schema: institutionSchema,
      extra: { created: null as string | null },
      act: async (fields) => {
        const row = await createInstitution({ scope, fields });
        return formDone({ created: row.name });
      },
    });
  });
}

export default function Institutions({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  return (
    <>
      <title>{`Instytucje — ${loaderData.tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: loaderData.tenant.name, to: base }, { label: "Instytucje" }]} />
      <PageHeader title="Instytucje realizujące" />
      {actionData?.created ? (
        <div className="notice" role="status">
          <p>Dodano instytucję: {actionData.created}.</p>
        </div>
      ) : null}
      <div className="table-wrapper" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Instytucje realizujące</caption>
          <thead>
            <tr>
              <th scope="col">Nazwa</th>
              <th scope="col">Skrót</th>
              <th scope="col">Rodzaj</th>
              <th scope="col" className="num">
                Projekty
              </th>
            </tr>
          </thead>
          <tbody>
            {loaderData.institutions.map((i) => (
              <tr key={i.id}>
                <td>
                  {loaderData.canManage ? (
                    <Link to={`${base}/instytucje/${i.id}`}>{i.name}</Link>
                  ) : (
                    i.name
                  )}
                </td>
                <td>{i.shortName ?? "—"}</td>
                <td>{i.kind}</td>
                <td className="num">{i.projectCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.canManage ? (
        <>
          <h2>Dodaj instytucję</h2>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate>
            <CsrfInput token={root?.csrf ?? ""} />
            <TextField
              name="name"
              label="Pełna nazwa"
              defaultValue={values.name}
              error={err("name")}
            />
            <TextField
              name="shortName"
              label="Skrót używany w tabelach"
              hint="Np. MOPS, PUP, KPP."
              width={10}
              defaultValue={values.shortName}
              error={err("shortName")}
            />
            <SelectField
              name="kind"
              label="Rodzaj"
              options={kindOptions}
              defaultValue={values.kind ?? "municipal_unit"}
              error={err("kind")}
            />
            <Button>Dodaj instytucję</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
