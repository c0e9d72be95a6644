// An indicator across the years: the value and its status against the target in every year, the
// change against the year before, and the charts (totals, contributions, breakdowns).
import { Chart } from "./chart/chart.tsx";
import { labelInUnit } from "../format/units.ts";
import { formatChartValue, type RenderedChart } from "./chart/chart-spec.ts";
import type { TargetStatus } from "../domain/analytics/target-status.ts";
import { TargetStatusTag } from "./target-status/target-status.tsx";
import { ExampleDataNotice, ExampleDataTag } from "./example-data/example-data.tsx";

export type HistoryRow = {
  year: number;
  total: number | null;
  approximate: boolean;
  complete: boolean;
  change: number | null;
  status: TargetStatus;
  example: boolean;
};

function signed(n: number, unit: string): string {
  return `${n > 0 ? "+" : n < 0 ? "−" : ""}${formatChartValue(Math.abs(n), unit)}`;
}

export function IndicatorHistory(props: {
  unit: string;
  hasTarget: boolean;
  rows: HistoryRow[];
  charts: RenderedChart[];
}) {
  if (props.rows.length === 0) return null;
  return (
    <section aria-labelledby="historia-tytul">
      <h2 id="historia-tytul">Wartości w kolejnych latach</h2>
      <ExampleDataNotice years={props.rows.filter((r) => r.example).map((r) => r.year)} />
      <div className="table-wrapper" tabIndex={0}>
        <table className="table">
          <caption className="table__caption">
            {labelInUnit("Wartość wskaźnika w każdym roku", props.unit)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Rok</th>
              <th scope="col" className="num">
                Wartość
              </th>
              <th scope="col" className="num">
                Zmiana r/r
              </th>
              {props.hasTarget ? <th scope="col">Względem celu</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.year}>
                <th scope="row">
                  {r.year}
                  {r.example ? (
                    <>
                      {" "}
                      <ExampleDataTag />
                    </>
                  ) : null}
                </th>
                <td className="num">
                  {r.complete
                    ? formatChartValue(r.total, props.unit, r.approximate)
                    : "niedostępna"}
                </td>
                <td className="num">{r.change === null ? "—" : signed(r.change, props.unit)}</td>
                {props.hasTarget ? (
                  <td>
                    <TargetStatusTag status={r.status} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="chart-grid">
        {props.charts.map((c, i) => (
          <Chart key={i} chart={c} />
        ))}
      </div>
    </section>
  );
}
