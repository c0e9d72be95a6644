// /gminy/:slug/dane — the municipality's open datasets with their metadata and a link per
// format. Published data only (app/domain/open-data/source.ts), the same for every reader.
import { data } from "react-router";
import type { Route } from "./+types/datasets";
import { NotFoundError } from "../../domain/errors.ts";
import { formatDateTime } from "../../format/polish-numbers.ts";
import { DATASET_FORMATS, datasetPath } from "../../domain/open-data/datasets.ts";
import { WITHHELD_STATUS } from "../../domain/open-data/rows.ts";
import { loadMunicipalityPublications, publicationStamp } from "../../domain/open-data/source.ts";
import { datasetsOf } from "../../open-data/files.ts";
import { getServices } from "../../services.ts";
import { requestReadDb } from "../../web/read-db.server.ts";

export async function loader({ params }: Route.LoaderArgs) {
  const { config } = getServices();
  const db = await requestReadDb();
  try {
    const pubs = await loadMunicipalityPublications({
      db,
      stamp: await publicationStamp(db),
      slug: params.slug,
      minCount: config.publicMinCount,
    });
    return {
      municipality: { slug: pubs.municipality.slug, name: pubs.municipality.name },
      minCount: config.publicMinCount,
      datasets: datasetsOf(pubs).map((d) => ({
        kind: d.kind,
        title: d.title,
        description: d.description,
        licence: d.licence,
        publisher: d.publisher,
        modified: d.modified ? formatDateTime(d.modified) : null,
        frequency: d.frequencyLabel,
        years: d.years,
        columns: d.columns,
        links: DATASET_FORMATS.map((f) => ({
          format: f,
          href: datasetPath(pubs.municipality.slug, d.kind, f),
        })),
      })),
    };
  } catch (e) {
    if (e instanceof NotFoundError) throw data("Nie znaleziono strony.", { status: 404 });
    throw e;
  }
}

const FORMAT_LABELS: Record<string, string> = {
  csv: "CSV",
  json: "JSON",
  xlsx: "XLSX (arkusz)",
};

export default function Datasets({ loaderData }: Route.ComponentProps) {
  const { municipality, datasets, minCount } = loaderData;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`Otwarte dane — ${municipality.name} — Busola`}</title>
      <nav aria-label="Okruszki">
        <ol className="breadcrumbs">
          <li>
            <a href="/">Strona główna</a>
          </li>
          <li>
            <a href={`/gminy/${municipality.slug}`}>{municipality.name}</a>
          </li>
          <li aria-current="page">Otwarte dane</li>
        </ol>
      </nav>
      <h1>Otwarte dane — {municipality.name}</h1>
      <p className="lead">
        Opublikowane dane o realizacji strategii i programów do pobrania i ponownego wykorzystania.
        Pliki CSV są zapisane w kodowaniu UTF-8, z przecinkiem jako separatorem, kropką w liczbach
        dziesiętnych i datami w formacie RRRR-MM-DD.
      </p>
      <p>
        Liczby osób i rodzin mniejsze niż {minCount} nie są podawane: pole jest puste, a kolumna
        statusu zawiera „{WITHHELD_STATUS}”.
      </p>
      {datasets.map((d) => (
        <section key={d.kind} aria-labelledby={`zbior-${d.kind}`}>
          <h2 id={`zbior-${d.kind}`}>{d.title}</h2>
          <p>{d.description}</p>
          <ul aria-label={`Pliki: ${d.title}`}>
            {d.links.map((l) => (
              <li key={l.format}>
                <a href={l.href} type={l.format === "csv" ? "text/csv" : undefined}>
                  Pobierz {FORMAT_LABELS[l.format]}
                  <span className="visually-hidden"> — {d.title}</span>
                </a>
              </li>
            ))}
          </ul>
          <dl>
            <dt>Dostawca</dt>
            <dd>{d.publisher}</dd>
            <dt>Licencja</dt>
            <dd>
              <a href={d.licence.url} rel="license">
                {d.licence.name}
              </a>
            </dd>
            <dt>Ostatnia modyfikacja</dt>
            <dd>{d.modified ?? "brak opublikowanych danych"}</dd>
            <dt>Częstotliwość aktualizacji</dt>
            <dd>{d.frequency}</dd>
            <dt>Lata</dt>
            <dd>{d.years.length ? d.years.join(", ") : "—"}</dd>
          </dl>
          <details>
            <summary>Opis kolumn</summary>
            <div className="table-wrapper" tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">Kolumny zbioru: {d.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Kolumna</th>
                    <th scope="col">Opis</th>
                    <th scope="col">Typ</th>
                  </tr>
                </thead>
                <tbody>
                  {d.columns.map((c) => (
                    <tr key={c.key}>
                      <th scope="row">
                        <code>{c.key}</code>
                      </th>
                      <td>{c.title}</td>
                      <td>{c.type}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ))}
      <h2>Dla programistów</h2>
      <p>
        Te same dane udostępnia <a href="/api/dokumentacja">interfejs API</a> (opis w formacie
        OpenAPI: <a href="/api/openapi.json">/api/openapi.json</a>), a katalog zbiorów w profilu
        DCAT-AP — pod adresem <a href="/dane/katalog.jsonld">/dane/katalog.jsonld</a> (także{" "}
        <a href="/dane/katalog.rdf">RDF/XML</a>).
      </p>
    </main>
  );
}
