// The municipality's population by year (/g/:tenant/ludnosc, decision 057): what the public
// comparison's "per 1,000 residents" divides by. One year at a time here; many years from a
// CSV file on /g/:tenant/ludnosc/wczytaj (the upload form is on this page too).
import { Form } from "react-router";
import type { Route } from "./+types/population";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { Button } from "../components/button/button.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextField } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { COMPARISONS_PATH } from "../components/public/paths.ts";
import { Table } from "../components/table/table.tsx";
import { listPopulation, savePopulation } from "../domain/comparison/population.ts";
import { formatNumber } from "../format/polish-numbers.ts";
import { countOf } from "../format/polish-plural.ts";
import { authorize, canManagePopulation } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { populationSchema } from "../web/forms/population.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { PopulationUploadForm } from "./population-upload-form.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManagePopulation(scope.actor), { hide: true });
    const years = await listPopulation({ scope });
    const loaded = new URL(request.url).searchParams.get("wczytano");
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      years,
      loaded: loaded && /^\d{1,4}$/u.test(loaded) ? Number(loaded) : null,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManagePopulation(scope.actor), { hide: true });
    return formAction({
      request,
      schema: populationSchema,
      extra: { saved: null as number | null },
      act: async ({ year, residents, source }) => {
        await savePopulation({ scope, year, residents, source });
        return formDone({ saved: year });
      },
    });
  });
}

export default function Population({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, years, loaded } = loaderData;
  const base = `/g/${tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  return (
    <>
      <title>{`Liczba mieszkańców — ${tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: tenant.name, to: base }, { label: "Liczba mieszkańców" }]} />
      <PageHeader title="Liczba mieszkańców" />
      <p>
        Liczba mieszkańców gminy w kolejnych latach pozwala pokazać w{" "}
        <a href={COMPARISONS_PATH}>porównaniu gmin</a> wartości wskaźników wspólnych w przeliczeniu
        na 1000 mieszkańców. Podaj stan na 31 grudnia roku (np. według GUS).
      </p>
      {actionData?.saved ? (
        <div className="notice" role="status">
          <p>Zapisano liczbę mieszkańców za {actionData.saved} r.</p>
        </div>
      ) : null}
      {loaded !== null ? (
        <div className="notice" role="status">
          <p>Wczytano z pliku CSV liczbę mieszkańców za {countOf(loaded, "rok", "lata", "lat")}.</p>
        </div>
      ) : null}
      {years.length === 0 ? (
        <p>Nie podano jeszcze liczby mieszkańców za żaden rok.</p>
      ) : (
        <Table caption="Liczba mieszkańców według lat" headers={["Rok", "Mieszkańcy", "Źródło"]}>
          {years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{formatNumber(y.residents)}</td>
              <td>{y.source ?? "—"}</td>
            </tr>
          ))}
        </Table>
      )}
      <h2>Podaj liczbę mieszkańców za rok</h2>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <TextField
          name="year"
          label="Rok"
          width={5}
          defaultValue={values.year ?? ""}
          error={err("year")}
        />
        <TextField
          name="residents"
          label="Liczba mieszkańców"
          hint="Liczba całkowita, np. 141 521."
          width={10}
          defaultValue={values.residents ?? ""}
          error={err("residents")}
        />
        <TextField
          name="source"
          label="Źródło (nieobowiązkowe)"
          hint="Np. GUS, Bank Danych Lokalnych."
          defaultValue={values.source ?? ""}
          error={err("source")}
        />
        <Button>Zapisz</Button>
      </Form>
      <h2>Wczytaj z pliku CSV</h2>
      <PopulationUploadForm
        action={`${base}/ludnosc/wczytaj`}
        csrf={root?.csrf ?? ""}
        errors={[]}
      />
    </>
  );
}
