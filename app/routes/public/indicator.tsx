// An indicator's public page: its value in every published year (chart and table), the
// contributions of institutions and the breakdowns of the page's year, baseline and target.
import { labelOf } from "../../domain/value-labels.ts";
import type { Route } from "./+types/indicator";
import { PublicChart, PublicItemPage } from "../../components/public/item-page.tsx";
import { PublicNumber } from "../../components/public/numbers.tsx";
import { indicatorPath, projectPath } from "../../components/public/paths.ts";
import { publicationFactsOf } from "../../components/public/publication-facts.tsx";
import { SummaryList, type SummaryRow } from "../../components/summary-list/summary-list.tsx";
import { Table } from "../../components/table/table.tsx";

import { listPublicViews } from "../../domain/publication/read.ts";
import { withheldExplanation } from "../../domain/publication/suppress.ts";
import { findIndicator, findProject } from "../../domain/publication/view.ts";
import { notFound, run } from "../../web/auth.server.ts";
import { chartAltText, renderChartSvg } from "./charts.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicYear } from "./public.server.ts";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
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

type IndicatorData = Route.ComponentProps["loaderData"];
type ValueData = IndicatorData["value"];

function Contributions({ value: v, unit, year }: { value: ValueData; unit: string; year: number }) {
  if (!v || !v.contributions.length) return null;
  return (
    <>
      <h2>Wkład instytucji w {year} r.</h2>
      <Table
        caption="Wartości podane przez instytucje"
        headers={["Instytucja", "Wartość", "W podziale"]}
      >
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
                  {p.label}: <PublicNumber value={p.value} unit={unit} withheld={p.withheld} />
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
      </Table>
    </>
  );
}

function Breakdown({ value: v, unit, year }: { value: ValueData; unit: string; year: number }) {
  if (!v || !v.parts.length) return null;
  return (
    <>
      <h2>Podział wartości w {year} r.</h2>
      <Table caption="Podział wartości wskaźnika" headers={["Wymiar", "Część", "Wartość"]}>
        {v.parts.map((p) => (
          <tr key={`${p.dimension}-${p.label}`}>
            <td>{labelOf("breakdownDimension", p.dimension)}</td>
            <th scope="row">{p.label}</th>
            <td>
              <PublicNumber value={p.value} unit={unit} withheld={p.withheld} />
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function indicatorRows(d: IndicatorData): SummaryRow[] {
  const { unit, baseline, baselineYear, target, direction } = d.indicator;
  const number = (value: number | null) =>
    value === null ? "—" : <PublicNumber value={value} unit={unit} />;
  return [
    { key: "Jednostka", value: unit },
    { key: "Rodzaj", value: d.indicator.kind },
    ...(direction ? [{ key: "Pożądany kierunek zmian", value: direction }] : []),
    {
      key: "Wartość bazowa",
      value: (
        <>
          {number(baseline)}
          {baselineYear ? ` (${baselineYear} r.)` : ""}
        </>
      ),
    },
    { key: "Wartość docelowa", value: number(target) },
    ...(d.project
      ? [
          {
            key: "Projekt",
            value: (
              <a href={projectPath(d.tenant.slug, d.document.slug, d.year, d.project.id)}>
                {d.project.label}
              </a>
            ),
          },
        ]
      : []),
  ];
}

function Series({ d }: { d: IndicatorData }) {
  return (
    <Table caption="Wartość wskaźnika w kolejnych latach" headers={["Rok", "Wartość"]}>
      {d.series.map((s) => (
        <tr key={s.year}>
          <th scope="row">
            <a href={indicatorPath(d.tenant.slug, d.document.slug, s.year, d.indicator.id)}>
              {s.year} r.
            </a>
          </th>
          <td>
            <PublicNumber
              value={s.total}
              unit={d.indicator.unit}
              withheld={s.withheld}
              approximate={s.approximate}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}

export default function PublicIndicator({ loaderData: d }: Route.ComponentProps) {
  const v = d.value;
  return (
    <PublicItemPage
      place={d}
      title={`${d.indicator.name} — ${d.tenant.name}`}
      heading={d.indicator.name}
      crumb="Wskaźnik"
    >
      <SummaryList rows={indicatorRows(d)} />
      <h2>Wartości w opublikowanych latach</h2>
      <PublicChart chart={d.chart} />
      <Series d={d} />
      <Contributions value={v} unit={d.indicator.unit} year={d.year} />
      <Breakdown value={v} unit={d.indicator.unit} year={d.year} />
      {v?.remarks ? <p className="public-prose">Uwagi: {v.remarks}</p> : null}
      <p className="caption">{withheldExplanation(d.below)}</p>
    </PublicItemPage>
  );
}
