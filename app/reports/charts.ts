// Year-over-year charts of an indicator, drawn by ECharts on the server as SVG: no browser,
// no canvas, the same picture in HTML (inline) and PDF (Typst draws the SVG). The picture is
// never the only carrier of the numbers: every chart comes with a text alternative and a table.
import { createRequire } from "node:module";
import type * as EChartsModule from "echarts";
import { formatInUnit } from "../domain/validation/finding.ts";

// ECharts takes about a second to load: loaded (synchronously, its CommonJS build) the first
// time a chart is drawn, not whenever the report modules are imported.
type ECharts = typeof EChartsModule;
let loaded: ECharts | undefined;
function echartsLib(): ECharts {
  loaded ??= createRequire(import.meta.url)("echarts") as ECharts;
  return loaded;
}

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

export function renderChartSvg(opts: { name: string; unit: string; points: ChartPoint[] }): string {
  const chart = echartsLib().init(null, null, {
    renderer: "svg",
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: "#1a1a1a" },
      grid: { left: 64, right: 16, top: 24, bottom: 32 },
      xAxis: {
        type: "category",
        data: opts.points.map((p) => String(p.year)),
        axisLabel: { fontFamily: FONT, fontSize: 12, color: "#1a1a1a" },
        axisLine: { lineStyle: { color: "#595959" } },
      },
      yAxis: {
        type: "value",
        name: opts.unit,
        nameTextStyle: { fontFamily: FONT, fontSize: 11, color: "#1a1a1a" },
        axisLabel: {
          fontFamily: FONT,
          fontSize: 11,
          color: "#1a1a1a",
          formatter: (v: number) => formatInUnit(v, ""),
        },
        splitLine: { lineStyle: { color: "#d0d0d0" } },
      },
      series: [
        {
          type: "bar",
          data: opts.points.map((p) => p.total),
          // Dark blue on white: contrast well above 3:1 for a graphical object (WCAG 1.4.11).
          itemStyle: { color: "#1f4e79" },
          barMaxWidth: 48,
          label: {
            show: true,
            position: "top",
            fontFamily: FONT,
            fontSize: 11,
            color: "#1a1a1a",
            formatter: (p: { dataIndex: number }) => {
              const point = opts.points[p.dataIndex]!;
              return formatInUnit(point.total, opts.unit, point.approximate);
            },
          },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
