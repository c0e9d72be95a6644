// The explorer's result shaped for the page and the files (decision 055): one chart spec per
// chosen indicator (its total, the chosen institutions' contributions and breakdowns as lines
// told apart by symbol and dash, not by colour alone), and flat rows for the table, the CSV and
// the XLSX — so the download holds exactly what the page shows. Pure: no rendering, no data.
import type { ChartSpec } from "../../components/chart/chart-spec.ts";
import type { ExplorerResult, ExplorerRow } from "../../domain/analytics/explorer.ts";
import { labelOf } from "../../domain/value-labels.ts";

/** The name of a row's series in a chart and the table: "Razem", "MOPS", "płeć: kobiety". */
export function seriesLabel(r: ExplorerRow): string {
  if (r.kind !== "breakdown" || r.dimension === null) return r.series;
  return `${labelOf("breakdownDimension", r.dimension)}: ${r.series}`;
}

function seriesKey(r: ExplorerRow): string {
  return `${r.kind}\u0000${r.dimension ?? ""}\u0000${r.series}`;
}

/** One line chart per indicator over the years of the selection. */
export function explorerSpecs(result: ExplorerResult): ChartSpec[] {
  const specs: ChartSpec[] = [];
  for (const s of result.series) {
    const rows = result.rows.filter((r) => r.indicatorId === s.indicator.id);
    if (rows.length === 0) continue;
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const series = new Map<string, { name: string; rows: ExplorerRow[] }>();
    for (const r of rows) {
      const key = seriesKey(r);
      const entry = series.get(key) ?? { name: seriesLabel(r), rows: [] };
      entry.rows.push(r);
      series.set(key, entry);
    }
    const span = years.length > 1 ? `w latach ${years[0]}–${years.at(-1)}` : `w ${years[0]} r.`;
    specs.push({
      kind: "line",
      title: `${s.indicator.name} ${span}`,
      unit: s.indicator.unit,
      categories: years.map(String),
      series: [...series.values()].map(({ name, rows: own }) => {
        const at = (y: number) => own.find((r) => r.year === y);
        return {
          name,
          values: years.map((y) => at(y)?.value ?? null),
          approximate: years.map((y) => at(y)?.approximate ?? false),
        };
      }),
    });
  }
  return specs;
}

export type ExplorerFileRow = {
  indicator: string;
  year: number;
  kind: string;
  series: string;
  value: number | null;
  approximate: boolean;
  withheld: boolean;
  unit: string;
};

export const EXPLORER_FILE_HEADERS = [
  "Wskaźnik",
  "Rok",
  "Rodzaj",
  "Seria",
  "Wartość",
  "Szacunek",
  "Jednostka",
];

/** The table's and the files' rows: one per value, in the order of the selection. */
export function explorerFileRows(result: ExplorerResult): ExplorerFileRow[] {
  return result.rows.map((r) => ({
    indicator: r.indicator,
    year: r.year,
    kind: labelOf("explorerRowKind", r.kind),
    series: seriesLabel(r),
    value: r.value,
    approximate: r.approximate,
    withheld: r.withheld,
    unit: r.unit,
  }));
}
