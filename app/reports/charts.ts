// Year-over-year charts of an indicator in the report, drawn by the one chart renderer
// (app/components/chart, decision 036): the same picture in HTML (inline) and PDF (Typst draws
// the SVG). The picture is never the only carrier of the numbers: every chart comes with a
// text alternative and a table.
import type { ChartSpec } from "../components/chart/chart-spec.ts";
import { renderChartSvg as renderSpec } from "../components/chart/render-chart.server.ts";
import { formatInUnit } from "../domain/validation/finding.ts";

export type ChartPoint = { year: number; total: number; approximate: boolean };

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 260;
// The PDF embeds DejaVu Sans; the same family in the SVG keeps text metrics identical.
const FONT = "DejaVu Sans";

/** The sentence that stands for the chart: every value in words, in the Polish way. */
export function chartAltText(opts: { name: string; unit: string; points: ChartPoint[] }): string {
  const values = opts.points
    .map((p) => `${p.year} r. – ${formatInUnit(p.total, opts.unit, p.approximate)}`)
    .join(", ");
  return `Wykres słupkowy wartości wskaźnika „${opts.name}” (${opts.unit}) w kolejnych latach: ${values}.`;
}

function reportSpec(opts: { name: string; unit: string; points: ChartPoint[] }): ChartSpec {
  return {
    kind: "bar",
    title: opts.name,
    unit: opts.unit,
    categories: opts.points.map((p) => String(p.year)),
    series: [
      {
        name: opts.name,
        values: opts.points.map((p) => p.total),
        approximate: opts.points.map((p) => p.approximate),
      },
    ],
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    fontFamily: FONT,
    valueLabels: true,
  };
}

export function renderChartSvg(opts: { name: string; unit: string; points: ChartPoint[] }): string {
  return renderSpec(reportSpec(opts));
}
