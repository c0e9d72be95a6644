// The one chart renderer: a ChartSpec drawn by Apache ECharts on the server as SVG (no
// browser, no canvas). The staff pages, the public portal and the report all call it, so the
// same data gives the same picture everywhere. See docs/decisions/036.
import { createRequire } from "node:module";
import type * as EChartsModule from "echarts";
import {
  chartAltText,
  chartOption,
  chartTable,
  type ChartSpec,
  type RenderedChart,
} from "./chart-spec.ts";

export type { RenderedChart } from "./chart-spec.ts";

// ECharts takes about a second to load: loaded (synchronously, its CommonJS build) the first
// time a chart is drawn, not whenever a module that may draw one is imported.
type ECharts = typeof EChartsModule;
let loaded: ECharts | undefined;
function echartsLib(): ECharts {
  loaded ??= createRequire(import.meta.url)("echarts") as ECharts;
  return loaded;
}

export const DEFAULT_WIDTH = 640;
export const DEFAULT_HEIGHT = 300;

/** The bare SVG of a chart (the report adds its own title and description to it). */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echartsLib().init(null, null, {
    renderer: "svg",
    ssr: true,
    width: spec.width ?? DEFAULT_WIDTH,
    height: spec.height ?? DEFAULT_HEIGHT,
  });
  try {
    chart.setOption(chartOption(spec));
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts writes `style="font-size:…"` on texts and a `<style>` of hover rules; the pages' CSP
 * (style-src 'self', decision 027) refuses both. SVG takes the same properties as presentation
 * attributes, so each declaration becomes one; the hover rules are not needed for a static chart.
 */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ style="([^"]*)"/g, (_, declarations: string) =>
      declarations
        .split(";")
        .map((d) => d.split(/:(.*)/s).map((x) => x.trim()))
        .filter(([name, value]) => name && value && /^[a-z-]+$/.test(name))
        .map(([name, value]) => ` ${name}="${value!.replace(/"/g, "&quot;")}"`)
        .join(""),
    );
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The SVG with role="img" and the text alternative on its root element. */
export function withTextAlternative(svg: string, alt: string): string {
  if (!svg.startsWith("<svg")) return "";
  return `<svg role="img" aria-label="${escapeAttribute(alt)}" focusable="false"${svg.slice(4)}`;
}

export function renderChart(spec: ChartSpec, extra: { note?: string } = {}): RenderedChart {
  const alt = chartAltText(spec);
  return {
    svg: withTextAlternative(renderChartSvg(spec), alt),
    caption: spec.title,
    alt,
    table: chartTable(spec),
    ...(extra.note ? { note: extra.note } : {}),
  };
}
