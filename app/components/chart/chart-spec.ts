// What a chart shows, independent of how it is drawn: categories (usually years), one or more
// series, a unit. From one spec come the ECharts option (drawn to SVG on the server), the
// sentence that stands for the picture and the data table under it — so the staff pages, the
// report and the public portal draw the same chart the same way. Pure: safe in the browser.
import { formatMoney, formatNumber } from "../../format/polish-numbers.ts";

export type ChartKind = "line" | "bar" | "stacked-bar" | "donut";

export type ChartSeries = {
  name: string;
  /** One per category; null where there is no value. */
  values: (number | null)[];
  /** Per category: the value is an estimate ("ok."). */
  approximate?: boolean[];
};

export type ChartSpec = {
  kind: ChartKind;
  /** The visible caption, also the start of the text alternative. */
  title: string;
  unit: string;
  categories: string[];
  series: ChartSeries[];
  /** Header of the category column in the data table. */
  categoryLabel?: string;
  width?: number;
  height?: number;
  fontFamily?: string;
  /** Value labels on the bars (single-series bar charts only). */
  valueLabels?: boolean;
};

// Dark enough on white for a graphical object (WCAG 1.4.11, ≥ 3:1), and told apart by the
// line symbols and bar patterns as well, not by colour alone.
export const CHART_COLOURS = [
  "#1f4e79",
  "#b04a00",
  "#2e6b30",
  "#6a1b9a",
  "#a50e0e",
  "#00606e",
  "#595959",
  "#7a5c00",
];
const LINE_SYMBOLS = ["circle", "rect", "triangle", "diamond", "pin", "arrow", "roundRect"];
const TEXT = "#1a1a1a";
export const DEFAULT_FONT = "Arial, Helvetica, sans-serif";

const KIND_WORDS: Record<ChartKind, string> = {
  line: "Wykres liniowy",
  bar: "Wykres słupkowy",
  "stacked-bar": "Wykres słupkowy skumulowany",
  donut: "Wykres pierścieniowy",
};

const MONEY = /^(zł|pln)$/i;

/** A value the Polish way, in the chart's unit: "1 588 268,16 zł", "ok. 40". */
export function formatChartValue(n: number | null, unit: string, approximate = false): string {
  if (n === null) return "brak danych";
  const text = MONEY.test(unit.trim())
    ? formatMoney(n)
    : formatNumber(n, Number.isInteger(n) ? { decimals: 0 } : {});
  return approximate ? `ok. ${text}` : text;
}

/** The sentence that stands for the chart: what it shows and every value, in words. */
export function chartAltText(spec: ChartSpec): string {
  const parts = spec.series.map((s) => {
    const values = spec.categories
      .map(
        (c, i) => `${c} – ${formatChartValue(s.values[i] ?? null, spec.unit, s.approximate?.[i])}`,
      )
      .join(", ");
    return spec.series.length > 1 ? `${s.name}: ${values}` : values;
  });
  const unit = spec.unit ? ` (${spec.unit})` : "";
  return `${KIND_WORDS[spec.kind]}: ${spec.title}${unit}. ${parts.join("; ")}.`;
}

export type ChartTable = { headers: string[]; rows: string[][] };

/** What the Chart component shows: the picture, its caption, text alternative and data. */
export type RenderedChart = {
  svg: string;
  caption: string;
  alt: string;
  table: ChartTable;
  /** Shown under the caption, e.g. that the data are example data. */
  note?: string;
};

/** The chart's data as a table: a row per category, a column per series (and a total). */
export function chartTable(spec: ChartSpec): ChartTable {
  const unit = spec.unit ? ` (${spec.unit})` : "";
  const stacked = spec.kind === "stacked-bar" && spec.series.length > 1;
  const headers = [
    spec.categoryLabel ?? "Rok",
    ...spec.series.map((s) => `${s.name}${unit}`),
    ...(stacked ? [`Razem${unit}`] : []),
  ];
  const rows = spec.categories.map((c, i) => {
    const cells = spec.series.map((s) =>
      formatChartValue(s.values[i] ?? null, spec.unit, s.approximate?.[i]),
    );
    if (stacked) {
      const present = spec.series.map((s) => s.values[i]).filter((v) => v != null);
      const sum = present.length ? present.reduce((a, b) => a + b, 0) : null;
      cells.push(formatChartValue(sum, spec.unit));
    }
    return [c, ...cells];
  });
  return { headers, rows };
}

function axisLabel(font: string) {
  return { fontFamily: font, fontSize: 12, color: TEXT };
}

/** The ECharts option for a spec (no functions that need a browser; SSR draws it to SVG). */
export function chartOption(spec: ChartSpec): Record<string, unknown> {
  const font = spec.fontFamily ?? DEFAULT_FONT;
  const many = spec.series.length > 1;
  const base = {
    animation: false,
    color: CHART_COLOURS,
    textStyle: { fontFamily: font, color: TEXT },
    // Patterns tell the parts of a stack or a ring apart without colour.
    aria: {
      enabled: true,
      decal: { show: spec.kind === "donut" || (spec.kind !== "line" && many) },
    },
  };
  const legend = {
    show: many || spec.kind === "donut",
    bottom: 0,
    textStyle: { fontFamily: font, fontSize: 12, color: TEXT },
  };
  if (spec.kind === "donut") {
    const s = spec.series[0] ?? { name: "", values: [] };
    return {
      ...base,
      legend,
      series: [
        {
          type: "pie",
          radius: ["40%", "68%"],
          center: ["50%", "45%"],
          label: { fontFamily: font, fontSize: 12, color: TEXT, formatter: "{b}: {d}%" },
          data: spec.categories.map((c, i) => ({ name: c, value: s.values[i] ?? 0 })),
        },
      ],
    };
  }
  return {
    ...base,
    legend,
    grid: { left: 72, right: 24, top: 28, bottom: many ? 64 : 32 },
    xAxis: {
      type: "category",
      data: spec.categories,
      axisLabel: axisLabel(font),
      axisLine: { lineStyle: { color: "#595959" } },
    },
    yAxis: {
      type: "value",
      name: spec.unit,
      // Counts of projects or people: no "0,5" or "1,5" between whole numbers on the axis.
      ...(wholeNumbers(spec) ? { minInterval: 1 } : {}),
      nameTextStyle: { fontFamily: font, fontSize: 11, color: TEXT },
      axisLabel: {
        ...axisLabel(font),
        fontSize: 11,
        formatter: (v: number) => formatNumber(v),
      },
      splitLine: { lineStyle: { color: "#d0d0d0" } },
    },
    series: spec.series.map((s, i) => seriesOption(spec, s, i, font)),
  };
}

function wholeNumbers(spec: ChartSpec): boolean {
  return spec.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
}

function seriesOption(spec: ChartSpec, s: ChartSeries, i: number, font: string) {
  if (spec.kind === "line") {
    return {
      type: "line",
      name: s.name,
      data: s.values,
      symbol: LINE_SYMBOLS[i % LINE_SYMBOLS.length],
      symbolSize: 8,
      lineStyle: { width: 2, type: i % 2 === 1 ? "dashed" : "solid" },
      connectNulls: false,
    };
  }
  const labelled = spec.valueLabels && spec.series.length === 1;
  return {
    type: "bar",
    name: s.name,
    data: s.values,
    barMaxWidth: 48,
    ...(spec.kind === "stacked-bar" ? { stack: "total" } : {}),
    ...(labelled
      ? {
          label: {
            show: true,
            position: "top",
            fontFamily: font,
            fontSize: 11,
            color: TEXT,
            formatter: (p: { dataIndex: number }) =>
              formatChartValue(
                s.values[p.dataIndex] ?? null,
                spec.unit,
                s.approximate?.[p.dataIndex],
              ),
          },
        }
      : {}),
  };
}
