// "Wczytaj wypełniony arkusz": the partner uploads the workbook; per-cell errors are shown here
// and nothing is kept, otherwise the read changes wait for confirmation on the next page.
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/round-workbook-upload";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { FieldError, errorId, fieldId, hintId } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import {
  getWorkbookRound,
  receivePartnerWorkbook,
  type WorkbookError,
} from "../round-xlsx/index.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { authorize, canUseOwnWorkbook } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { UploadError, receiveWorkbookUpload } from "../web/workbook-upload.server.ts";
import { Button } from "../components/button/button.tsx";

const UPLOAD_FIELD = "arkusz";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canUseOwnWorkbook(scope.actor), { hide: true });
    const view = await getWorkbookRound({ scope, roundId: params.round });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      round: { id: view.round.id, year: view.round.year, open: view.open },
      documentTitle: view.documentTitle,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canUseOwnWorkbook(scope.actor), { hide: true });
    // The round first: a guessed id is "not found" before any byte of the upload is read.
    await getWorkbookRound({ scope, roundId: params.round });
    let upload;
    try {
      upload = await receiveWorkbookUpload(request, UPLOAD_FIELD);
    } catch (error) {
      if (error instanceof UploadError)
        return data(
          { errors: [{ sheet: null, cell: null, message: error.message }] as WorkbookError[] },
          { status: error.status },
        );
      throw error;
    }
    const result = await receivePartnerWorkbook({
      scope,
      roundId: params.round,
      bytes: upload.bytes,
      fileName: upload.fileName,
    });
    if (result.uploadId === null) return data({ errors: result.errors }, { status: 422 });
    return redirect(
      `/g/${scope.tenant.slug}/moje-zadania/arkusz/${params.round}/wczytaj/${result.uploadId}`,
    );
  });
}

/** "Arkusz „Wskaźniki”, komórka I3: …" — the error summary names the place, then the problem. */
function describeWorkbookError(e: WorkbookError): string {
  const place = [e.sheet ? `arkusz „${e.sheet}”` : null, e.cell ? `komórka ${e.cell}` : null]
    .filter(Boolean)
    .join(", ");
  return place ? `${place.charAt(0).toUpperCase()}${place.slice(1)}: ${e.message}` : e.message;
}

export default function WorkbookUpload({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant, round, documentTitle } = loaderData;
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  const cellErrors = errors.filter((e) => e.sheet || e.cell);
  const base = `/g/${tenant.slug}`;
  const summary = errors.map((e) => ({ field: UPLOAD_FIELD, message: describeWorkbookError(e) }));
  return (
    <>
      <title>{`Wczytaj wypełniony arkusz — ${tenant.name} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Moje zadania", to: `${base}/moje-zadania` },
          { label: "Wczytaj wypełniony arkusz" },
        ]}
      />
      <PageHeader
        title="Wczytaj wypełniony arkusz"
        caption={`${documentTitle} — rok ${round.year}`}
      />
      <ErrorSummary errors={summary} />
      {cellErrors.length > 0 ? (
        <>
          <p>Nic nie zapisano. Popraw wskazane komórki w arkuszu i wczytaj go ponownie.</p>
          <div className="table-wrapper" tabIndex={0}>
            <table className="table">
              <caption>Błędy w arkuszu</caption>
              <thead>
                <tr>
                  <th scope="col">Arkusz</th>
                  <th scope="col">Komórka</th>
                  <th scope="col">Komunikat</th>
                </tr>
              </thead>
              <tbody>
                {cellErrors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.sheet ?? "—"}</td>
                    <td>{e.cell ?? "—"}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {round.open ? (
        <>
          <p>
            Wgraj arkusz pobrany z Busoli i wypełniony u siebie. Zanim cokolwiek zostanie zapisane,
            zobaczysz listę zmian względem danych w Busoli i potwierdzisz ją.{" "}
            <a href={`${base}/moje-zadania/arkusz/${round.id}`} download>
              Pobierz arkusz (XLSX)
            </a>
          </p>
          {/* A plain form: the upload is a full page request. The token is the form's first field,
              so the server reads it from the body's start and still refuses an oversized body
              before reading the file. */}
          <form method="post" encType="multipart/form-data" noValidate>
            <CsrfInput token={root?.csrf ?? ""} />
            <div className={errors.length ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor={fieldId(UPLOAD_FIELD)}>
                Plik arkusza
              </label>
              <div className="hint" id={hintId(UPLOAD_FIELD)}>
                Skoroszyt programu Excel (.xlsx) pobrany z Busoli; najwyżej 5 MB.
              </div>
              {errors.length && cellErrors.length === 0 ? (
                <FieldError id={errorId(UPLOAD_FIELD)} message={errors[0]!.message} />
              ) : null}
              <input
                className="file-upload"
                id={fieldId(UPLOAD_FIELD)}
                name={UPLOAD_FIELD}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={`${hintId(UPLOAD_FIELD)}${errors.length && cellErrors.length === 0 ? ` ${errorId(UPLOAD_FIELD)}` : ""}`}
                aria-invalid={errors.length ? true : undefined}
              />
            </div>
            <Button>Wczytaj i pokaż zmiany</Button>
          </form>
        </>
      ) : (
        <p>Runda jest zamknięta — arkusza nie można już wczytać.</p>
      )}
      <p>
        <Link to={`${base}/moje-zadania`}>Wróć do moich zadań</Link>
      </p>
    </>
  );
}
