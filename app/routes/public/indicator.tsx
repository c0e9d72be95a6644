// An indicator's public page: its value in every published year (chart and table), the
// contributions of institutions and the breakdowns of the page's year, baseline and target.
import type { Route } from "./+types/indicator";
import { labelOf } from "../../domain/value-labels.ts";
import { Breadcrumbs } from "../../components/breadcrumbs.tsx";
import { PublicNumber } from "../../components/public/numbers.tsx";
import {
  indicatorPath,
  municipalityPath,
  projectPath,
  yearPath,
} from "../../components/public/paths.ts";
import {
  PublicationFacts,
  publicationFactsOf,
} from "../../components/public/publication-facts.tsx";
import { listPublicViews } from "../../domain/publication/read.ts";
import { withheldExplanation } from "../../domain/publication/suppress.ts";
import { findIndicator, findProject } from "../../domain/publication/view.ts";
import { notFound, run } from "../../web/auth.server.ts";
import { chartAltText, renderChartSvg } from "./charts.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicYear } from "./public.server.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  return run(async () => {
    const { tenant, scope, minCount, info, view, year } = await publicYear(params);
    const found = findIndicator(view, params.id ?? "");
    if (!found) throw notFound("Nie ma takiego wskaźnika w opublikowanych danych.");
    const { goal, direction, indicator, facts } = found;
    const views = await listPublicViews({ scope, documentSlug: view.document.slug, minCount });
    const series = views
      .map(({ view: v }) => {
        const i = findIndicator(v, indicator.id)?.indicator;
        return i?.value
          ? {
              year: v.year,
              total: i.value.total,
              withheld: i.value.withheld ?? false,
              approximate: i.value.approximate,
            }
          : null;
      })
      .filter((s) => s !== null);
    const points = series
      .filter((s) => s.total !== null && !s.withheld)
      .map((s) => ({ year: s.year, total: s.total!, approximate: s.approximate }));
    const chartInput = { name: indicator.name, unit: indicator.unit, points };
    const project = facts?.projectId ? findProject(view, facts.projectId)?.project : undefined;
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      facts: publicationFactsOf(tenant.slug, info),
      year,
      document: { slug: view.document.slug, title: view.document.title },
      goal: { code: goal.code, title: goal.title },
      direction: { code: direction.code, title: direction.title },
      project: project ? { id: project.id, label: `${project.symbol} ${project.title}` } : null,
      indicator: {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        kind: labelOf("indicatorKind", indicator.kind),
        target: indicator.target,
        direction: facts ? labelOf("indicatorDirection", facts.direction) : null,
        baseline: facts?.baseline ?? null,
        baselineYear: facts?.baselineYear ?? null,
      },
      value: indicator.value,
      series,
      chart:
        points.length >= 1
          ? { svg: renderChartSvg(chartInput), alt: chartAltText(chartInput) }
          : null,
      below: view.smallCountsBelow,
      canonical: absoluteUrl(request, new URL(request.url).pathname),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

type ValueData = Route.ComponentProps["loaderData"]["value"];

function ValueTables({ value: v, unit, year }: { value: ValueData; unit: string; year: number }) {
  const d = { year };
  return (
    <>
      {v && v.contributions.length ? (
        <>
          <h2>Wkład instytucji w {d.year} r.</h2>
          <div className="table-wrapper">
            <table className="table">
              <caption className="table__caption">Wartości podane przez instytucje</caption>
              <thead>
                <tr>
                  <th scope="col">Instytucja</th>
                  <th scope="col">Wartość</th>
                  <th scope="col">W podziale</th>
                </tr>
              </thead>
              <tbody>
                {v.contributions.map((c) => (
                  <tr key={c.institution}>
                    <th scope="row">{c.institution}</th>
                    <td>
                      <PublicNumber
                        value={c.value}
                        unit={unit}
                        withheld={c.withheld}
                        approximate={c.approximate}
                      />
                    </td>
                    <td>
                      {c.parts.map((p, i) => (
                        <span key={`${p.dimension}-${p.label}`}>
                          {i > 0 ? "; " : ""}
                          {p.label}:{" "}
                          <PublicNumber value={p.value} unit={unit} withheld={p.withheld} />
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Razem</th>
                  <td>
                    <PublicNumber
                      value={v.total}
                      unit={unit}
                      withheld={v.withheld}
                      approximate={v.approximate}
                    />
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {v && v.parts.length ? (
        <>
          <h2>Podział wartości w {d.year} r.</h2>
          <div className="table-wrapper">
            <table className="table">
              <caption className="table__caption">Podział wartości wskaźnika</caption>
              <thead>
                <tr>
                  <th scope="col">Wymiar</th>
                  <th scope="col">Część</th>
                  <th scope="col">Wartość</th>
                </tr>
              </thead>
              <tbody>
                {v.parts.map((p) => (
                  <tr key={`${p.dimension}-${p.label}`}>
                    <td>{labelOf("breakdownDimension", p.dimension)}</td>
                    <th scope="row">{p.label}</th>
                    <td>
                      <PublicNumber value={p.value} unit={unit} withheld={p.withheld} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

export default function PublicIndicator({ loaderData: d }: Route.ComponentProps) {
  const slug = d.tenant.slug;
  const unit = d.indicator.unit;
  const v = d.value;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`${d.indicator.name} — ${d.tenant.name}`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          { label: d.tenant.name, to: municipalityPath(slug) },
          { label: `${d.year} r.`, to: yearPath(slug, d.document.slug, d.year) },
          { label: "Wskaźnik" },
        ]}
      />
      <p className="caption">
        {d.goal.code}. {d.goal.title} — {d.direction.code} {d.direction.title}
      </p>
      <h1>{d.indicator.name}</h1>
      <PublicationFacts {...d.facts} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">Jednostka</dt>
          <dd className="summary-list__value">{unit}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">Rodzaj</dt>
          <dd className="summary-list__value">{d.indicator.kind}</dd>
        </div>
        {d.indicator.direction ? (
          <div className="summary-list__row">
            <dt className="summary-list__key">Pożądany kierunek zmian</dt>
            <dd className="summary-list__value">{d.indicator.direction}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt className="summary-list__key">Wartość bazowa</dt>
          <dd className="summary-list__value">
            {d.indicator.baseline === null ? (
              "—"
            ) : (
              <PublicNumber value={d.indicator.baseline} unit={unit} />
            )}
            {d.indicator.baselineYear ? ` (${d.indicator.baselineYear} r.)` : ""}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">Wartość docelowa</dt>
          <dd className="summary-list__value">
            {d.indicator.target === null ? (
              "—"
            ) : (
              <PublicNumber value={d.indicator.target} unit={unit} />
            )}
          </dd>
        </div>
        {d.project ? (
          <div className="summary-list__row">
            <dt className="summary-list__key">Projekt</dt>
            <dd className="summary-list__value">
              <a href={projectPath(slug, d.document.slug, d.year, d.project.id)}>
                {d.project.label}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <h2>Wartości w opublikowanych latach</h2>
      {d.chart ? (
        <div
          className="public-chart"
          role="img"
          aria-label={d.chart.alt}
          dangerouslySetInnerHTML={{ __html: d.chart.svg }}
        />
      ) : null}
      <div className="table-wrapper">
        <table className="table">
          <caption className="table__caption">Wartość wskaźnika w kolejnych latach</caption>
          <thead>
            <tr>
              <th scope="col">Rok</th>
              <th scope="col">Wartość</th>
            </tr>
          </thead>
          <tbody>
            {d.series.map((s) => (
              <tr key={s.year}>
                <th scope="row">
                  <a href={indicatorPath(slug, d.document.slug, s.year, d.indicator.id)}>
                    {s.year} r.
                  </a>
                </th>
                <td>
                  <PublicNumber
                    value={s.total}
                    unit={unit}
                    withheld={s.withheld}
                    approximate={s.approximate}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ValueTables value={v} unit={unit} year={d.year} />
      {v?.remarks ? <p className="public-prose">Uwagi: {v.remarks}</p> : null}
      <p className="caption">{withheldExplanation(d.below)}</p>
    </main>
  );
}
