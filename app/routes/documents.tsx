import { Link } from "react-router";
import { labelOf } from "../domain/value-labels.ts";
import type { Route } from "./+types/documents";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { formatDate } from "../format/polish-numbers.ts";
import { listDocuments } from "../domain/documents.ts";
import { authorize, canEditStrategy, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const docs = await listDocuments({ scope });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      canEdit: canEditStrategy(scope.actor),
      documents: docs.map((d) => ({
        slug: d.slug,
        title: d.title,
        kind: labelOf("documentKind", d.kind),
        period: `${d.periodStart}–${d.periodEnd}`,
        resolution: d.resolutionNumber
          ? `Uchwała nr ${d.resolutionNumber}${d.resolutionDate ? ` z dnia ${formatDate(d.resolutionDate)}` : ""}`
          : "—",
        status: labelOf("documentStatus", d.status),
      })),
    };
  });
}

export default function Documents({ loaderData }: Route.ComponentProps) {
  const base = `/g/${loaderData.tenant.slug}`;
  return (
    <>
      <title>{`Dokumenty — ${loaderData.tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: loaderData.tenant.name, to: base }, { label: "Dokumenty" }]} />
      <PageHeader title="Dokumenty strategiczne i programy" />
      {loaderData.canEdit ? (
        <p>
          <Link to={`${base}/struktura/dokumenty/nowy`}>Dodaj dokument</Link>
        </p>
      ) : null}
      <div className="table-wrapper" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Dokumenty gminy</caption>
          <thead>
            <tr>
              <th scope="col">Tytuł</th>
              <th scope="col">Rodzaj</th>
              <th scope="col">Okres</th>
              <th scope="col">Uchwała</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.documents.map((d) => (
              <tr key={d.slug}>
                <td>
                  <Link to={`${base}/dokumenty/${d.slug}`}>{d.title}</Link>
                </td>
                <td>{d.kind}</td>
                <td>{d.period}</td>
                <td>{d.resolution}</td>
                <td>{d.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
