// A municipality's public page: its published documents (period, adopting resolution, links
// between them), per published year the report in every format, and the open datasets.
import { labelOf } from "../../domain/value-labels.ts";
import type { Route } from "./+types/municipality";
import { Breadcrumbs } from "../../components/breadcrumbs/breadcrumbs.tsx";
import {
  API_DOCS_PATH,
  CATALOGUE_PATH,
  DATASET_FORMATS,
  DATASETS,
  datasetPath,
  FORMAT_LABELS,
  registerPath,
  statementPath,
  yearPath,
} from "../../components/public/paths.ts";
import { ReportLinks } from "../../components/public/report-links.tsx";
import { formatDate } from "../../format/polish-dates.ts";
import { getPublicView, listCurrentPublications } from "../../domain/publication/read.ts";
import { run } from "../../web/auth.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicTenant } from "./public.server.ts";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
  return run(async () => {
    const { tenant, scope, minCount } = await publicTenant(params.slug);
    const current = await listCurrentPublications({ scope });
    const slugs = [...new Set(current.map((p) => p.documentSlug))];
    const documents = await Promise.all(
      slugs.map(async (slug) => {
        const years = current
          .filter((p) => p.documentSlug === slug)
          .sort((a, b) => b.year - a.year);
        const { view } = await getPublicView({
          scope,
          documentSlug: slug,
          year: years[0]!.year,
          minCount,
        });
        return {
          slug,
          title: view.document.title,
          kind: labelOf("documentKind", view.document.kind),
          period: `${view.document.periodStart}–${view.document.periodEnd}`,
          resolution: view.document.resolutionNumber
            ? `Uchwała nr ${view.document.resolutionNumber}${view.document.resolutionDate ? ` z dnia ${formatDate(view.document.resolutionDate)}` : ""}`
            : null,
          programs: view.programs.map((p) => `${p.title} (${p.periodStart}–${p.periodEnd})`),
          implements: view.implements.filter((d) => slugs.includes(d.slug)),
          years: years.map((p) => ({
            year: p.year,
            version: p.versionNumber,
            publishedAt: formatDate(p.publishedAt),
          })),
        };
      }),
    );
    return {
      tenant: {
        slug: tenant.slug,
        name: tenant.name,
        teryt: tenant.teryt,
        voivodeship: tenant.voivodeship,
      },
      documents,
      canonical: absoluteUrl(request, `/gminy/${tenant.slug}`),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

export default function Municipality({ loaderData: d }: Route.ComponentProps) {
  const slug = d.tenant.slug;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`${d.tenant.name} — strategie i programy społeczne — Busola`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs items={[{ label: "Strona główna", to: "/" }, { label: d.tenant.name }]} />
      <p className="caption">
        Województwo {d.tenant.voivodeship}, TERYT {d.tenant.teryt}
      </p>
      <h1>{d.tenant.name}</h1>
      <ul className="public-links">
        <li>
          <a href={registerPath(slug)}>Rejestr publikacji i zmian</a>
        </li>
        <li>
          <a href={statementPath(slug)}>Deklaracja dostępności</a>
        </li>
      </ul>
      <h2>Dokumenty strategiczne i programy</h2>
      {d.documents.map((doc) => (
        <section key={doc.slug} className="public-goal" aria-labelledby={`doc-${doc.slug}`}>
          <h3 id={`doc-${doc.slug}`}>{doc.title}</h3>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt className="summary-list__key">Rodzaj</dt>
              <dd className="summary-list__value">{doc.kind}</dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">Okres obowiązywania</dt>
              <dd className="summary-list__value">{doc.period}</dd>
            </div>
            {doc.resolution ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">Uchwała przyjmująca</dt>
                <dd className="summary-list__value">{doc.resolution}</dd>
              </div>
            ) : null}
            {doc.programs.length ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">Programy realizujące</dt>
                <dd className="summary-list__value">{doc.programs.join("; ")}</dd>
              </div>
            ) : null}
            {doc.implements.length ? (
              <div className="summary-list__row">
                <dt className="summary-list__key">Realizuje</dt>
                <dd className="summary-list__value">
                  {doc.implements.map((i) => (
                    <span key={i.slug}>{i.title}</span>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
          {doc.years.map((y) => (
            <div key={y.year}>
              <h4>
                <a href={yearPath(slug, doc.slug, y.year)}>Realizacja w {y.year} r.</a>
              </h4>
              <p className="caption">
                Opublikowano {y.publishedAt} (wersja {y.version})
              </p>
              <ReportLinks slug={slug} doc={doc.slug} year={y.year} />
            </div>
          ))}
        </section>
      ))}
      <h2>Otwarte dane</h2>
      <p>
        Dane opublikowanych lat jako zbiory do pobrania (CSV w UTF-8 z przecinkiem jako separatorem,
        JSON, XLSX). Małe liczby osób są w nich pominięte tak samo jak na stronach. Opis zbiorów,
        kolumn, licencji i częstotliwości aktualizacji:{" "}
        <a href={`/gminy/${slug}/dane`}>Otwarte dane — opis zbiorów</a>.
      </p>
      <ul>
        {DATASETS.map((ds) => (
          <li key={ds.name}>
            {ds.title}:{" "}
            {DATASET_FORMATS.map((f, i) => (
              <span key={f}>
                {i > 0 ? ", " : ""}
                <a href={datasetPath(slug, ds.name, f)}>
                  {ds.title} ({FORMAT_LABELS[f]})
                </a>
              </span>
            ))}
          </li>
        ))}
        <li>
          <a href={CATALOGUE_PATH}>Katalog zbiorów danych (DCAT-AP)</a>
        </li>
        <li>
          <a href={API_DOCS_PATH}>API — dokumentacja</a>
        </li>
      </ul>
    </main>
  );
}
