// Server-rendered charts of the public pages, drawn by ECharts as SVG (the same library and
// settings as the reports' charts). The SVG is decoration for sighted readers: the page wraps
// it in role="img" with the text alternative, and the numbers are in a table beside it.
import { createRequire } from "node:module";
import type * as EChartsModule from "echarts";
import { formatMoney, formatPercent } from "../../domain/format/polish-numbers.ts";

export { chartAltText, renderChartSvg } from "../../reports/charts.ts";

let loaded: typeof EChartsModule | undefined;
const echarts = () =>
  (loaded ??= createRequire(import.meta.url)("echarts") as typeof EChartsModule);
const FONT = "DejaVu Sans";

export type SharePart = { label: string; amount: number; percent: number };

/** Budget by funding source: one horizontal bar per source, labelled with amount and share. */
export function renderBudgetChartSvg(parts: SharePart[]): string {
  const height = 48 + parts.length * 44;
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width: 640, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: "#1a1a1a" },
      grid: { left: 200, right: 170, top: 16, bottom: 24 },
      xAxis: {
        type: "value",
        axisLabel: { show: false },
        splitLine: { lineStyle: { color: "#d0d0d0" } },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: parts.map((p) => p.label),
        axisLabel: {
          fontFamily: FONT,
          fontSize: 12,
          color: "#1a1a1a",
          width: 190,
          overflow: "truncate",
        },
      },
      series: [
        {
          type: "bar",
          data: parts.map((p) => p.amount),
          itemStyle: { color: "#1f4e79" },
          barMaxWidth: 28,
          label: {
            show: true,
            position: "right",
            fontFamily: FONT,
            fontSize: 12,
            color: "#1a1a1a",
            formatter: (p: { dataIndex: number }) => {
              const part = parts[p.dataIndex]!;
              return `${formatMoney(part.amount)} (${formatPercent(part.percent)})`;
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

export function budgetAltText(parts: SharePart[]): string {
  return `Wykres słupkowy budżetu według źródeł finansowania: ${parts
    .map((p) => `${p.label} – ${formatMoney(p.amount)} (${formatPercent(p.percent)})`)
    .join(", ")}.`;
}
