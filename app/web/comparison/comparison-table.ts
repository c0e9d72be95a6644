// The comparison between municipalities as one table (decision 057): a row per municipality and
// year with the value, the residents and the rate per 1,000. The page's table, its chart and the
// CSV download are all made from these rows, so the three always hold the same figures — and
// only what readComparison gives (current publications, small counts withheld). Pure.
import type { ChartSpec } from "../../components/chart/chart-spec.ts";
import type { Comparison } from "../../domain/comparison/comparison.ts";
import { WITHHELD_LABEL } from "../../domain/publication/suppress.ts";

export type ComparisonRow = {
  municipality: string;
  teryt: string;
  slug: string;
  year: number;
  indicatorName: string;
  value: number | null;
  withheld: boolean;
  approximate: boolean;
  residents: number | null;
  perThousand: number | null;
};

export function comparisonRows(c: Comparison): ComparisonRow[] {
  return c.municipalities.flatMap((m) =>
    m.cells.map((cell) => ({
      municipality: m.name,
      teryt: m.teryt,
      slug: m.slug,
      year: cell.year,
      indicatorName: cell.indicatorName,
      value: cell.withheld ? null : cell.value,
      withheld: cell.withheld,
      approximate: cell.approximate,
      residents: cell.residents,
      perThousand: cell.withheld ? null : cell.perThousand,
    })),
  );
}

/** Municipalities one chart draws at most: more lines cannot be told apart. */
export const CHART_MAX = 12;
/** Table rows per page: a whole country's nine years are 22,500 rows. */
export const PAGE_SIZE = 100;

export type TablePage<T> = { rows: T[]; page: number; pages: number; first: number };

/** One page of the rows (1-based; a page past the end is the last one). */
export function tablePage<T>(all: T[], asked: number, size = PAGE_SIZE): TablePage<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(Math.max(1, asked), pages);
  return {
    rows: all.slice((page - 1) * size, page * size),
    page,
    pages,
    first: (page - 1) * size + 1,
  };
}

/** One line per municipality across the years; lines told apart by their symbols too. */
export function comparisonChartSpec(c: Comparison, perThousand: boolean): ChartSpec {
  const categories = c.years.map(String);
  return {
    kind: "line",
    title: perThousand
      ? `${c.entry.name} na 1000 mieszkańców — według gmin`
      : `${c.entry.name} — według gmin`,
    unit: perThousand ? `${c.entry.unit} na 1000 mieszkańców` : c.entry.unit,
    categories,
    categoryLabel: "Rok",
    series: c.municipalities.map((m) => {
      const byYear = new Map(m.cells.map((cell) => [cell.year, cell]));
      return {
        name: m.name,
        values: c.years.map((y) => {
          const cell = byYear.get(y);
          if (!cell || cell.withheld) return null;
          return perThousand ? cell.perThousand : cell.value;
        }),
        approximate: c.years.map((y) => byYear.get(y)?.approximate ?? false),
      };
    }),
  };
}

function csvCell(text: string): string {
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvNumber(n: number | null): string {
  return n === null ? "" : String(n).replace(".", ",");
}

export const CSV_HEADERS = [
  "Kod",
  "Wskaźnik wspólny",
  "Gmina",
  "TERYT",
  "Rok",
  "Wskaźnik gminy",
  "Wartość",
  "Jednostka",
  "Uwagi",
  "Liczba mieszkańców",
  "Na 1000 mieszkańców",
];

/** The page's table as CSV for a Polish spreadsheet: semicolons, decimal commas, a BOM. */
export function comparisonCsv(c: Comparison): string {
  const lines = [
    CSV_HEADERS.join(";"),
    ...comparisonRows(c).map((r) =>
      [
        csvCell(c.entry.code),
        csvCell(c.entry.name),
        csvCell(r.municipality),
        r.teryt,
        String(r.year),
        csvCell(r.indicatorName),
        csvNumber(r.value),
        csvCell(c.entry.unit),
        r.withheld ? WITHHELD_LABEL : r.approximate ? "wartość szacunkowa" : "",
        csvNumber(r.residents),
        csvNumber(r.perThousand),
      ].join(";"),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
