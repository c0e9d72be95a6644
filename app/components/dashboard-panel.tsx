// "How are we doing?": the charts of a municipality's home page, the indicators that moved most
// against last year, and the download of the same figures.
import { Link } from "react-router";
import { Chart } from "./chart/chart.tsx";
import type { RenderedChart } from "./chart/chart-spec.ts";
import { formatChartValue } from "./chart/chart-spec.ts";
import { formatPercent } from "../format/polish-numbers.ts";
import { ExampleDataNotice, ExampleDataTag } from "./example-data/example-data.tsx";

export type DashboardMover = {
  indicatorId: string;
  name: string;
  unit: string;
  previous: number;
  current: number;
  change: number;
  relative: number | null;
};

export function DashboardPanel(props: {
  tenantSlug: string;
  year: number | null;
  charts: RenderedChart[];
  movers: DashboardMover[];
  /** Generated demo years among the charts' (decision 054). */
  exampleYears?: number[];
}) {
  const base = `/g/${props.tenantSlug}`;
  if (props.year === null) return null;
  return (
    <section aria-labelledby="pulpit-tytul" className="dashboard">
      <h2 id="pulpit-tytul">Pulpit — dane za {props.year} r.</h2>
      <ExampleDataNotice years={props.exampleYears ?? []} />
      <div className="chart-grid">
        {props.charts.map((c, i) => (
          <Chart key={i} chart={c} />
        ))}
      </div>
      {props.movers.length > 0 ? (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="table__caption">
              Wskaźniki o największej zmianie względem {props.year - 1} r.
              {props.exampleYears?.includes(props.year - 1) ? (
                <>
                  {" "}
                  <ExampleDataTag />
                </>
              ) : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">Wskaźnik</th>
                <th scope="col" className="num">
                  {props.year - 1}
                </th>
                <th scope="col" className="num">
                  {props.year}
                </th>
                <th scope="col" className="num">
                  Zmiana
                </th>
              </tr>
            </thead>
            <tbody>
              {props.movers.map((m) => (
                <tr key={m.indicatorId}>
                  <th scope="row">
                    <Link to={`${base}/wskazniki/${m.indicatorId}/${props.year}`}>{m.name}</Link>
                  </th>
                  <td className="num">{formatChartValue(m.previous, m.unit)}</td>
                  <td className="num">{formatChartValue(m.current, m.unit)}</td>
                  <td className="num">
                    {m.change > 0 ? "+" : "−"}
                    {formatChartValue(Math.abs(m.change), m.unit)}
                    {m.relative !== null
                      ? ` (${m.change > 0 ? "+" : "−"}${formatPercent(Math.abs(m.relative) * 100, { decimals: 1 })})`
                      : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        Pobierz dane pulpitu: <a href={`${base}/pulpit/dane.csv`}>CSV</a>,{" "}
        <a href={`${base}/pulpit/dane.xlsx`}>XLSX</a>
      </p>
    </section>
  );
}
