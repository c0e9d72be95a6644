// Domain figures shaped into chart specs and flat export rows. Pure (no rendering, no data
// access): the home page draws the specs, the CSV/XLSX export writes the rows of the same specs,
// so the download always holds what the charts show.
import type { ChartSpec } from "../../components/chart/chart-spec.ts";
import { labelOf } from "../../domain/value-labels.ts";
import type { IndicatorSeries } from "../../domain/analytics/indicator-series.ts";
import type { BudgetsBySource, GoalProgress } from "../../domain/analytics/tenant-dashboard.ts";
import { STATUS_ORDER as TARGET_ORDER } from "../../domain/analytics/goal-status.ts";
import type { GoalTargetStatus } from "../../domain/analytics/goal-status.ts";
import { CARD_STATUS_LABELS } from "../../domain/value-labels.ts";

const STATUS_ORDER = Object.keys(CARD_STATUS_LABELS);

export function goalProgressSpec(goals: GoalProgress[], year: number): ChartSpec {
  const statuses = STATUS_ORDER.filter((s) => goals.some((g) => g.byStatus[s]));
  return {
    kind: "stacked-bar",
    title: `Projekty według statusu w celach strategicznych, ${year} r.`,
    unit: "projekty",
    categoryLabel: "Cel strategiczny",
    categories: goals.map((g) => g.code),
    series: statuses.map((s) => ({
      name: labelOf("cardStatus", s),
      values: goals.map((g) => g.byStatus[s] ?? 0),
    })),
  };
}

/** Indicators with a target per goal, by their status in the year (decision 053). */
export function goalTargetStatusSpec(goals: GoalTargetStatus[], year: number): ChartSpec {
  return {
    kind: "stacked-bar",
    title: `Wskaźniki z wartością docelową według stanu realizacji w celach strategicznych, ${year} r.`,
    unit: "wskaźniki",
    categoryLabel: "Cel strategiczny",
    categories: goals.map((g) => g.code),
    series: TARGET_ORDER.map((s) => ({
      name: labelOf("targetStatus", s),
      values: goals.map((g) => g.counts[s]),
    })),
  };
}

export function budgetsSpec(b: BudgetsBySource): ChartSpec {
  const span =
    b.years.length > 1 ? `w latach ${b.years[0]}–${b.years.at(-1)}` : `w ${b.years[0]} r.`;
  return {
    kind: "stacked-bar",
    title: `Budżety projektów według źródeł finansowania ${span}`,
    unit: "zł",
    categories: b.years.map(String),
    series: b.sources.map((s) => ({ name: labelOf("fundingSource", s.kind), values: s.amounts })),
  };
}

/** The totals of an indicator over the years; for whom totals are withheld, their contributions. */
export function trendSpec(s: IndicatorSeries): ChartSpec {
  const points = s.points;
  const totals = points.some((p) => p.total !== null);
  if (totals) {
    return {
      kind: "line",
      title: `${s.indicator.name} w latach ${points[0]!.year}–${points.at(-1)!.year}`,
      unit: s.indicator.unit,
      categories: points.map((p) => String(p.year)),
      series: [
        {
          name: s.indicator.name,
          values: points.map((p) => p.total),
          approximate: points.map((p) => p.approximate),
        },
        ...(s.indicator.target !== null
          ? [{ name: "wartość docelowa", values: points.map(() => s.indicator.target) }]
          : []),
      ],
    };
  }
  return contributionsSpec(s);
}

/** Contributions stacked by institution, year by year. */
export function contributionsSpec(s: IndicatorSeries): ChartSpec {
  const names = new Map<string, string>();
  for (const p of s.points) for (const c of p.contributions) names.set(c.institutionId, c.name);
  return {
    kind: "stacked-bar",
    title: `${s.indicator.name} — wartości przekazane przez instytucje`,
    unit: s.indicator.unit,
    categories: s.points.map((p) => String(p.year)),
    series: [...names].map(([id, name]) => ({
      name,
      values: s.points.map(
        (p) => p.contributions.find((c) => c.institutionId === id)?.value ?? null,
      ),
    })),
  };
}

/** Breakdowns of the total (one dimension) over the years. */
export function breakdownSpecs(s: IndicatorSeries): ChartSpec[] {
  const dims = new Map<string, Set<string>>();
  for (const p of s.points)
    for (const b of p.breakdowns)
      dims.set(b.dimension, (dims.get(b.dimension) ?? new Set()).add(b.label));
  return [...dims].map(([dimension, labels]) => ({
    kind: "stacked-bar" as const,
    title: `${s.indicator.name} — podział: ${DIMENSION_WORDS[dimension] ?? dimension}`,
    unit: s.indicator.unit,
    categories: s.points.map((p) => String(p.year)),
    series: [...labels].map((label) => ({
      name: label,
      values: s.points.map(
        (p) =>
          p.breakdowns.find((b) => b.dimension === dimension && b.label === label)?.value ?? null,
      ),
    })),
  }));
}

/**
 * Dimensions the institutions split their contributions by, where the total itself has no
 * such breakdown (PUP gives its placements by sex, the total has none): the parts summed over
 * the institutions that gave them, year by year, and said to be such a sum.
 */
export function contributionBreakdownSpecs(s: IndicatorSeries): ChartSpec[] {
  const ofTotal = new Set(s.points.flatMap((p) => p.breakdowns.map((b) => b.dimension)));
  const dims = new Map<string, Set<string>>();
  for (const p of s.points)
    for (const c of p.contributions)
      for (const b of c.breakdowns) {
        if (ofTotal.has(b.dimension) || b.dimension === "of_which") continue;
        dims.set(b.dimension, (dims.get(b.dimension) ?? new Set()).add(b.label));
      }
  return [...dims].map(([dimension, labels]) => ({
    kind: "stacked-bar" as const,
    title: `${s.indicator.name} — podział: ${DIMENSION_WORDS[dimension] ?? dimension} (suma podziałów podanych przez instytucje)`,
    unit: s.indicator.unit,
    categories: s.points.map((p) => String(p.year)),
    series: [...labels].map((label) => ({
      name: label,
      values: s.points.map((p) => {
        const parts = p.contributions.flatMap((c) =>
          c.breakdowns.filter((b) => b.dimension === dimension && b.label === label),
        );
        const known = parts.map((b) => b.value).filter((v) => v !== null);
        return known.length ? known.reduce((a, b) => a + b, 0) : null;
      }),
    })),
  }));
}

const DIMENSION_WORDS: Record<string, string> = {
  sex: "płeć",
  district: "dzielnica",
  age: "grupa wieku",
  of_which: "w tym",
  other: "inny podział",
};

export type ExportRow = {
  chart: string;
  category: string;
  series: string;
  value: number | null;
  unit: string;
};

/** Every value of the given charts as one row each (long format: easy to filter and pivot). */
export function exportRows(specs: ChartSpec[]): ExportRow[] {
  return specs.flatMap((spec) =>
    spec.series.flatMap((s) =>
      spec.categories.map((category, i) => ({
        chart: spec.title,
        category,
        series: s.name,
        value: s.values[i] ?? null,
        unit: spec.unit,
      })),
    ),
  );
}

/** The indicator page's charts: totals (when there are two years), contributions, breakdowns. */
export function indicatorPageSpecs(s: IndicatorSeries): ChartSpec[] {
  const specs: ChartSpec[] = [];
  if (s.points.some((p) => p.total !== null)) specs.push(trendSpec(s));
  if (s.points.some((p) => p.contributions.length > 0)) specs.push(contributionsSpec(s));
  return [...specs, ...breakdownSpecs(s), ...contributionBreakdownSpecs(s)];
}
