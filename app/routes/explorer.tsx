// The explorer (/g/:tenant/analiza, decision 055): chosen indicators over chosen years, with
// institutions' contributions and breakdowns — a table, a chart per indicator and the same rows
// as CSV and XLSX. A GET form: the address holds the selection. What the address gets wrong is
// said at the top and at its field; the page shows what remains.
import { Link } from "react-router";
import type { Route } from "./+types/explorer";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { Chart } from "../components/chart/chart.tsx";
import { formatChartValue } from "../components/chart/chart-spec.ts";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { ExplorerForm } from "../components/explorer-form.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { BREAKDOWN_DIMENSIONS, labelOptions } from "../domain/value-labels.ts";
import { authorize, canUseExplorer } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { renderCharts } from "../web/dashboard/render-charts.server.ts";
import { loadExplorer } from "../web/explorer/explorer-data.server.ts";
import { explorerFileRows, explorerSpecs } from "../web/explorer/explorer-view.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canUseExplorer(scope.actor), { hide: true });
    const x = await loadExplorer(scope, new URL(request.url));
    const exampleYears = [
      ...new Set(
        x.result.series.flatMap((s) => s.points.filter((p) => p.example).map((p) => p.year)),
      ),
    ];
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      indicators: x.choices.indicators.map((i) => ({
        value: i.id,
        label: `${i.goalCode}: ${i.name}${i.unit ? ` (${i.unit})` : ""} — ${i.document}`,
      })),
      institutions: x.choices.institutions.map((i) => ({ value: i.id, label: i.name })),
      selection: x.selection,
      problems: x.problems,
      query: x.query,
      rows: explorerFileRows(x.result),
      charts: renderCharts(explorerSpecs(x.result), exampleYears),
    };
  });
}

export default function ExplorerPage({ loaderData }: Route.ComponentProps) {
  const { tenant, selection, rows, problems } = loaderData;
  const base = `/g/${tenant.slug}`;
  const chosen = selection.indicatorIds.length > 0;
  return (
    <>
      <title>{`Analiza wskaźników — ${tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: tenant.name, to: base }, { label: "Analiza wskaźników" }]} />
      <PageHeader title="Analiza wskaźników" caption={tenant.name} />
      <ErrorSummary errors={problems} />
      <p>
        Wybierz wskaźniki, lata, instytucje i podziały, a następnie „Pokaż”. Adres strony zawiera
        wybór — można go zapisać lub przekazać innym.
      </p>
      <ExplorerForm
        action={`${base}/analiza`}
        indicators={loaderData.indicators}
        institutions={loaderData.institutions}
        dimensions={labelOptions(BREAKDOWN_DIMENSIONS)}
        selection={selection}
        problems={problems}
      />
      {chosen ? (
        <section aria-labelledby="wyniki-tytul">
          <h2 id="wyniki-tytul">Wyniki</h2>
          {rows.length === 0 ? (
            <p>Brak wartości dla tego wyboru.</p>
          ) : (
            <>
              <p>
                Pobierz wyniki:{" "}
                <Link to={`${base}/analiza/dane.csv?${loaderData.query}`} reloadDocument>
                  CSV
                </Link>
                {", "}
                <Link to={`${base}/analiza/dane.xlsx?${loaderData.query}`} reloadDocument>
                  XLSX
                </Link>
              </p>
              <div className="table-wrapper" tabIndex={0}>
                <table className="table" id="wyniki-tabela">
                  <caption className="table__caption">Wartości wybranych wskaźników</caption>
                  <thead>
                    <tr>
                      <th scope="col">Wskaźnik</th>
                      <th scope="col" className="num">
                        Rok
                      </th>
                      <th scope="col">Rodzaj</th>
                      <th scope="col">Seria</th>
                      <th scope="col" className="num">
                        Wartość
                      </th>
                      <th scope="col">Jednostka</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={i}>
                        <th scope="row">{r.indicator}</th>
                        <td className="num">{r.year}</td>
                        <td>{r.kind}</td>
                        <td>{r.series}</td>
                        <td className="num">
                          {r.withheld
                            ? "niedostępna"
                            : formatChartValue(r.value, r.unit, r.approximate)}
                        </td>
                        <td>{r.unit || "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="chart-grid">
                {loaderData.charts.map((c, i) => (
                  <Chart key={i} chart={c} />
                ))}
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
