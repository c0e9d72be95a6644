// Import of an existing report: the upload form and the municipality's earlier imports.
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/imports";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { FieldError, errorId, fieldId, hintId } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { StatusTag } from "../components/status-tag/status-tag.tsx";
import { formatDateTime } from "../format/polish-numbers.ts";
import { createDraft, listDrafts } from "../domain/import-drafts/drafts.ts";
import { isImportInputError } from "../report-reader/read-file.ts";
import { authorize, canImportReports } from "../policies/index.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { getServices } from "../services.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import { UploadError, receiveUpload } from "../web/import-upload.server.ts";
import { Button } from "../components/button/button.tsx";

const UPLOAD_FIELD = "plik";

const STATUS = {
  draft: { label: "do przejrzenia", tone: "yellow" },
  committed: { label: "zapisany", tone: "green" },
  discarded: { label: "odrzucony", tone: "grey" },
} as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canImportReports(scope.actor), { hide: true });
    const drafts = await listDrafts({ scope });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      maxMb: Math.round(getServices().config.import.maxBytes / 1024 / 1024),
      drafts: drafts.map((d) => ({
        id: d.id,
        fileName: d.fileName,
        size: `${Math.max(1, Math.round(d.fileSize / 1024))} KB`,
        status: d.status as keyof typeof STATUS,
        year: d.year,
        createdAt: formatDateTime(d.createdAt),
      })),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canImportReports(scope.actor), { hide: true });
    const limits = getServices().config.import;
    let upload;
    try {
      upload = await receiveUpload(request, limits, UPLOAD_FIELD);
    } catch (error) {
      if (error instanceof UploadError)
        return data(
          { errors: [{ field: UPLOAD_FIELD, message: error.message }] },
          { status: error.status },
        );
      throw error;
    }
    try {
      const draft = await createDraft({
        scope,
        file: upload.file,
        fileName: upload.fileName,
        limits,
        reader: getServices().readReport,
      });
      return redirect(`/g/${scope.tenant.slug}/import/${draft.id}`);
    } catch (error) {
      if (isImportInputError(error))
        return data({ errors: [{ field: UPLOAD_FIELD, message: error.message }] }, { status: 422 });
      throw error;
    } finally {
      await upload.remove();
    }
  });
}

export default function Imports({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant, drafts, maxMb } = loaderData;
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  const error = errors[0]?.message;
  const base = `/g/${tenant.slug}`;
  return (
    <>
      <title>{`Import sprawozdania — ${tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: tenant.name, to: base }, { label: "Import sprawozdania" }]} />
      <PageHeader title="Import sprawozdania" />
      <ErrorSummary errors={errors} />
      <p>
        Wczytaj sprawozdanie, które gmina już ma — Busola rozpozna w nim cele, kierunki działań,
        karty projektów, wskaźniki z wartościami i budżety. Nic nie zostanie zapisane, dopóki nie
        przejrzysz propozycji i jej nie zatwierdzisz.
      </p>
      {/* A plain form: the upload is a full page request, with the browser's own progress. */}
      <form method="post" encType="multipart/form-data" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <div className={error ? "form-group form-group--error" : "form-group"}>
          <label className="label" htmlFor={fieldId(UPLOAD_FIELD)}>
            Plik sprawozdania
          </label>
          <div className="hint" id={hintId(UPLOAD_FIELD)}>
            Word (.docx), PDF z warstwą tekstową, strona HTML albo tekst (.txt); najwyżej {maxMb}{" "}
            MB.
          </div>
          {error ? <FieldError id={errorId(UPLOAD_FIELD)} message={error} /> : null}
          <input
            className="file-upload"
            id={fieldId(UPLOAD_FIELD)}
            name={UPLOAD_FIELD}
            type="file"
            accept=".docx,.pdf,.html,.htm,.txt,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`${hintId(UPLOAD_FIELD)}${error ? ` ${errorId(UPLOAD_FIELD)}` : ""}`}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <Button>Wczytaj i pokaż propozycję</Button>
      </form>

      <h2>Wcześniejsze importy</h2>
      {drafts.length === 0 ? (
        <p>Nie zaimportowano jeszcze żadnego sprawozdania.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Wcześniejsze importy</caption>
            <thead>
              <tr>
                <th scope="col">Plik</th>
                <th scope="col">Rok</th>
                <th scope="col">Wczytano</th>
                <th scope="col">Stan</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`${base}/import/${d.id}`}>{d.fileName}</Link> ({d.size})
                  </td>
                  <td>{d.year ?? "—"}</td>
                  <td>{d.createdAt}</td>
                  <td>
                    <StatusTag tone={STATUS[d.status]?.tone ?? "grey"}>
                      {STATUS[d.status]?.label ?? d.status}
                    </StatusTag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
