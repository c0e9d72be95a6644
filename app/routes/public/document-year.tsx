// The strategy tree of a published year: goals with their progress at a glance (projects
// carried out / not / finished; indicators on or off target where a target exists), their
// directions, projects and indicators.
import type { Route } from "./+types/document-year";
import { labelOf } from "../../domain/value-labels.ts";
import { Breadcrumbs } from "../../components/breadcrumbs.tsx";
import { PublicNumber } from "../../components/public/numbers.tsx";
import { indicatorPath, municipalityPath, projectPath } from "../../components/public/paths.ts";
import {
  PublicationFacts,
  publicationFactsOf,
} from "../../components/public/publication-facts.tsx";
import { ReportLinks } from "../../components/public/report-links.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { plural } from "../../format/polish-plural.ts";
import { withheldExplanation } from "../../domain/publication/suppress.ts";
import { goalProgress, onTarget } from "../../domain/publication/view.ts";
import { run } from "../../web/auth.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicYear } from "./public.server.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  return run(async () => {
    const { tenant, info, view, year } = await publicYear(params);
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      facts: publicationFactsOf(tenant.slug, info),
      year,
      document: view.document,
      below: view.smallCountsBelow,
      goals: view.goals.map((g) => ({
        code: g.code,
        title: g.title,
        progress: goalProgress(g, view.indicatorFacts),
        directions: g.directions.map((d) => ({
          code: d.code,
          title: d.title,
          projects: d.projects.map((p) => ({
            id: p.id,
            symbol: p.symbol,
            title: p.title,
            status: p.card?.status ?? null,
          })),
          indicators: d.indicators.map((i) => ({
            id: i.id,
            name: i.name,
            unit: i.unit,
            target: i.target,
            total: i.value?.total ?? null,
            withheld: i.value?.withheld ?? false,
            approximate: i.value?.approximate ?? false,
            hasValue: i.value !== null,
            onTarget: onTarget(i, view.indicatorFacts[i.id]),
          })),
        })),
      })),
      canonical: absoluteUrl(request, new URL(request.url).pathname),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

const TONES: Record<string, "green" | "red" | "blue" | "grey"> = {
  carried_out: "green",
  not_carried_out: "red",
  finished: "blue",
  reported_elsewhere: "grey",
};

export default function DocumentYear({ loaderData: d }: Route.ComponentProps) {
  const slug = d.tenant.slug;
  const doc = d.document.slug;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`${d.document.title} — realizacja w ${d.year} r. — ${d.tenant.name}`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          { label: d.tenant.name, to: municipalityPath(slug) },
          { label: `${d.year} r.` },
        ]}
      />
      <p className="caption">{d.document.title}</p>
      <h1>Realizacja w {d.year} r.</h1>
      <PublicationFacts {...d.facts} />
      <h2>Sprawozdanie do pobrania</h2>
      <ReportLinks slug={slug} doc={doc} year={d.year} />
      <p className="notice">{withheldExplanation(d.below)}</p>
      {d.goals.map((g) => (
        <section key={g.code} className="public-goal" aria-labelledby={`goal-${g.code}`}>
          <h2 id={`goal-${g.code}`}>
            {g.code}. {g.title}
          </h2>
          <h3 className="visually-hidden">Postęp celu {g.code}</h3>
          <ul className="public-progress">
            <li>
              {g.progress.carriedOut}{" "}
              {plural(
                g.progress.carriedOut,
                "projekt zrealizowany",
                "projekty zrealizowane",
                "projektów zrealizowanych",
              )}
            </li>
            <li>
              {g.progress.notCarriedOut}{" "}
              {plural(
                g.progress.notCarriedOut,
                "niezrealizowany",
                "niezrealizowane",
                "niezrealizowanych",
              )}
            </li>
            <li>
              {g.progress.finished}{" "}
              {plural(g.progress.finished, "zakończony", "zakończone", "zakończonych")}
            </li>
            {g.progress.onTarget + g.progress.offTarget > 0 ? (
              <li>
                wskaźniki z wartością docelową: {g.progress.onTarget} osiągnięte,{" "}
                {g.progress.offTarget} nieosiągnięte
              </li>
            ) : null}
          </ul>
          {g.directions.map((dir) => (
            <div key={dir.code}>
              <h3>
                {dir.code} {dir.title}
              </h3>
              {dir.projects.length ? (
                <>
                  <h4>Projekty</h4>
                  <ul>
                    {dir.projects.map((p) => (
                      <li key={p.id}>
                        <a href={projectPath(slug, doc, d.year, p.id)}>
                          {p.symbol} {p.title}
                        </a>{" "}
                        {p.status ? (
                          <StatusTag tone={TONES[p.status] ?? "grey"}>
                            {labelOf("cardStatus", p.status)}
                          </StatusTag>
                        ) : (
                          <span className="caption">(karta nieopublikowana)</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {dir.indicators.length ? (
                <div className="table-wrapper">
                  <table className="table">
                    <caption className="table__caption">Wskaźniki kierunku {dir.code}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Wskaźnik</th>
                        <th scope="col">Wartość w {d.year} r.</th>
                        <th scope="col">Wartość docelowa</th>
                        <th scope="col">Ocena</th>
                      </tr>
                    </thead>
                    <tbody>
                      {dir.indicators.map((i) => (
                        <tr key={i.id}>
                          <th scope="row">
                            <a href={indicatorPath(slug, doc, d.year, i.id)}>{i.name}</a>
                            {i.unit ? ` (${i.unit})` : null}
                          </th>
                          <td>
                            {i.hasValue ? (
                              <PublicNumber
                                value={i.total}
                                unit={i.unit}
                                withheld={i.withheld}
                                approximate={i.approximate}
                              />
                            ) : (
                              "nie opublikowano"
                            )}
                          </td>
                          <td>
                            {i.target === null ? (
                              "—"
                            ) : (
                              <PublicNumber value={i.target} unit={i.unit} />
                            )}
                          </td>
                          <td>
                            {i.onTarget === null
                              ? "—"
                              : i.onTarget
                                ? "osiągnięta"
                                : "nieosiągnięta"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </div>
          ))}
        </section>
      ))}
    </main>
  );
}
