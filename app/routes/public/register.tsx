// The register of publications (BIP): per item who produced it and when, who published it and
// when; and the register of changes — every version, withdrawn ones listed with the reason.
import type { Route } from "./+types/register";
import { Breadcrumbs } from "../../components/breadcrumbs/breadcrumbs.tsx";
import { municipalityPath, publicationFilePath, yearPath } from "../../components/public/paths.ts";
import { formatDateTime } from "../../format/polish-dates.ts";
import { listPublications } from "../../domain/publication/read.ts";
import { run } from "../../web/auth.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicTenant } from "./public.server.ts";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
  return run(async () => {
    const { tenant, scope } = await publicTenant(params.slug);
    const all = await listPublications({ scope });
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      entries: all.map((p) => ({
        id: p.id,
        title: `${p.documentTitle} — sprawozdanie za ${p.year} r.`,
        documentSlug: p.documentSlug,
        year: p.year,
        version: p.versionNumber,
        producedBy: p.producedBy,
        producedAt: formatDateTime(p.producedAt),
        publishedBy: p.publishedByName,
        publishedAt: formatDateTime(p.publishedAt),
        current: p.current,
        withdrawn: p.withdrawnAt
          ? {
              at: formatDateTime(p.withdrawnAt),
              by: p.withdrawnByName ?? "",
              reason: p.withdrawalReason ?? "",
            }
          : null,
      })),
      canonical: absoluteUrl(request, `/gminy/${tenant.slug}/rejestr`),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

export default function Register({ loaderData: d }: Route.ComponentProps) {
  const slug = d.tenant.slug;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`Rejestr publikacji i zmian — ${d.tenant.name}`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          { label: d.tenant.name, to: municipalityPath(slug) },
          { label: "Rejestr publikacji" },
        ]}
      />
      <h1>Rejestr publikacji i zmian</h1>
      <p>
        Każda publikacja jest osobną wersją. Publicznie obowiązuje najnowsza niewycofana wersja
        danego roku; wcześniejsze wersje można pobrać. Wersja wycofana pozostaje w rejestrze z
        podanym powodem.
      </p>
      <div className="table-wrapper" tabIndex={0}>
        <table className="table">
          <caption className="table__caption">
            Rejestr zmian — wszystkie wersje, od najnowszej
          </caption>
          <thead>
            <tr>
              <th scope="col">Informacja</th>
              <th scope="col">Wersja</th>
              <th scope="col">Wytworzył (data)</th>
              <th scope="col">Opublikował (data)</th>
              <th scope="col">Stan</th>
              <th scope="col">Pobierz</th>
            </tr>
          </thead>
          <tbody>
            {d.entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <a href={yearPath(slug, e.documentSlug, e.year)}>{e.title}</a>
                </th>
                <td>{e.version}</td>
                <td>
                  {e.producedBy} ({e.producedAt})
                </td>
                <td>
                  {e.publishedBy} ({e.publishedAt})
                </td>
                <td>
                  {e.withdrawn
                    ? `wycofana ${e.withdrawn.at} przez: ${e.withdrawn.by}; powód: ${e.withdrawn.reason}`
                    : e.current
                      ? "obowiązująca"
                      : "zastąpiona nowszą wersją"}
                </td>
                <td>
                  {e.withdrawn ? (
                    "—"
                  ) : (
                    <a href={publicationFilePath(slug, e.id)}>Dane wersji {e.version} (JSON)</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
