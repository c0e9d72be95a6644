// A server-drawn chart as a figure: the SVG (role="img" with its text alternative), a visible
// caption and the data table under "Dane wykresu" — all of it readable without JavaScript.
import "./chart.css";
import type { RenderedChart } from "./chart-spec.ts";

export function Chart({ chart }: { chart: RenderedChart }) {
  return (
    <figure className="chart">
      <figcaption className="chart__caption">
        {chart.caption}
        {chart.note ? <span className="chart__note">{chart.note}</span> : null}
      </figcaption>
      {/* The SVG comes from our own renderer, never from user input as markup. */}
      <div className="chart__picture" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <details className="chart__data">
        <summary>Dane wykresu</summary>
        <div className="table-wrapper" tabIndex={0}>
          <table className="table table--compact">
            <caption className="table__caption table__caption--small">{chart.caption}</caption>
            <thead>
              <tr>
                {chart.table.headers.map((h, i) => (
                  <th key={i} scope="col" className={i > 0 ? "num" : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="num">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
