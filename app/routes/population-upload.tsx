// Population from a CSV file (/g/:tenant/ludnosc/wczytaj, decision 057): `rok,ludnosc` lines.
// Every wrong line is listed with its number and nothing is saved; a good file is saved whole
// (savePopulationCsv, audited) and the population page says how many years were read.
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/population-upload";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { savePopulationCsv } from "../domain/comparison/population.ts";
import { parsePopulationCsv } from "../domain/comparison/population-csv.ts";
import { authorize, canManagePopulation } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { readUploadedFile, UploadError } from "../web/import-upload.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { POPULATION_UPLOAD_FIELD, PopulationUploadForm } from "./population-upload-form.tsx";

const MAX_BYTES = 1024 * 1024;

type UploadAnswer = { fileError: string | null; lines: { line: number; message: string }[] };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManagePopulation(scope.actor), { hide: true });
    return { tenant: { slug: scope.tenant.slug, name: scope.tenant.name } };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManagePopulation(scope.actor), { hide: true });
    let text: string;
    try {
      const { upload } = await readUploadedFile(request, {
        maxBytes: MAX_BYTES,
        field: POPULATION_UPLOAD_FIELD,
        messages: {
          missing: "Nie otrzymano pliku — wybierz plik CSV i wyślij formularz ponownie.",
          noFile: "Wybierz plik CSV z liczbą mieszkańców.",
          tooLarge: () => "Plik jest za duży — limit to 1 MB.",
        },
      });
      text = new TextDecoder("utf-8").decode(await upload.arrayBuffer());
    } catch (error) {
      if (error instanceof UploadError)
        return data<UploadAnswer>(
          { fileError: error.message, lines: [] },
          { status: error.status },
        );
      throw error;
    }
    // The lines' errors one by one, for the list; the save checks them again and saves all or none.
    const parsed = parsePopulationCsv(text, { withTeryt: false });
    if (parsed.errors.length > 0)
      return data<UploadAnswer>({ fileError: null, lines: parsed.errors }, { status: 400 });
    const rows = await savePopulationCsv({ scope, text, source: "plik CSV" });
    return redirect(`/g/${scope.tenant.slug}/ludnosc?wczytano=${rows}`);
  });
}

export default function PopulationUpload({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant } = loaderData;
  const base = `/g/${tenant.slug}`;
  const answer = actionData as UploadAnswer | undefined;
  const lines = answer?.lines ?? [];
  const fileErrors = answer?.fileError ? [answer.fileError] : [];
  const summary = [...fileErrors, ...lines.map((l) => l.message)].map((message) => ({
    field: POPULATION_UPLOAD_FIELD,
    message,
  }));
  return (
    <>
      <title>{`Wczytaj liczbę mieszkańców — ${tenant.name} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Liczba mieszkańców", to: `${base}/ludnosc` },
          { label: "Wczytaj z pliku CSV" },
        ]}
      />
      <PageHeader title="Wczytaj liczbę mieszkańców z pliku CSV" />
      <ErrorSummary errors={summary} />
      {lines.length > 0 ? (
        <p>Nic nie zapisano. Popraw wskazane wiersze pliku i wczytaj go ponownie.</p>
      ) : null}
      <PopulationUploadForm
        action={`${base}/ludnosc/wczytaj`}
        csrf={root?.csrf ?? ""}
        errors={fileErrors}
      />
      <p>
        <Link to={`${base}/ludnosc`}>Wróć do liczby mieszkańców</Link>
      </p>
    </>
  );
}
