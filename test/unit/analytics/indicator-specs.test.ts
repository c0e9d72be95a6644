// The indicator page's charts (contributions stacked, breakdowns of the total and of the
// institutions' parts) and the explorer's charts and rows, from a series — pure, no database.
import { describe, expect, it } from "vitest";
import type {
  IndicatorSeries,
  SeriesPoint,
} from "../../../app/domain/analytics/indicator-series.ts";
import { indicatorPageSpecs } from "../../../app/web/dashboard/dashboard-specs.ts";
import { explorerSpecs } from "../../../app/web/explorer/explorer-view.ts";
import type { ExplorerRow } from "../../../app/domain/analytics/explorer.ts";

function point(year: number, over: Partial<SeriesPoint>): SeriesPoint {
  return {
    year,
    total: null,
    approximate: false,
    published: false,
    complete: true,
    contributions: [],
    breakdowns: [],
    change: null,
    status: "no_data",
    example: false,
    ...over,
  };
}

const indicator = {
  id: "i1",
  name: "liczba osób, które podjęły zatrudnienie",
  unit: "osoby",
  direction: "increase",
  baseline: null,
  baselineYear: null,
  target: null,
  targetYear: null,
  goalId: "g1",
};

const series: IndicatorSeries = {
  indicator,
  points: [
    point(2019, {
      total: 20,
      contributions: [
        {
          institutionId: "pup",
          name: "PUP",
          value: 20,
          breakdowns: [
            { dimension: "sex", label: "K", value: 8 },
            { dimension: "sex", label: "M", value: 12 },
          ],
        },
      ],
    }),
    point(2020, {
      total: 24,
      change: 4,
      contributions: [
        {
          institutionId: "pup",
          name: "PUP",
          value: 15,
          breakdowns: [
            { dimension: "sex", label: "K", value: 6 },
            { dimension: "sex", label: "M", value: 9 },
          ],
        },
        {
          institutionId: "mops",
          name: "MOPS",
          value: 9,
          breakdowns: [{ dimension: "sex", label: "K", value: 4 }],
        },
      ],
    }),
  ],
};

describe("indicator page charts", () => {
  it("draws the trend, contributions stacked by institution and the institutions' breakdowns", () => {
    const specs = indicatorPageSpecs(series);
    expect(specs.map((s) => s.kind)).toEqual(["line", "stacked-bar", "stacked-bar"]);
    expect(specs[1]!.series.map((s) => [s.name, s.values])).toEqual([
      ["PUP", [20, 15]],
      ["MOPS", [null, 9]],
    ]);
    expect(specs[2]!.title).toContain("podział: płeć (suma podziałów podanych przez instytucje)");
    expect(specs[2]!.series.map((s) => [s.name, s.values])).toEqual([
      ["K", [8, 10]],
      ["M", [12, 9]],
    ]);
  });

  it("leaves an institutions' dimension out when the total has its own breakdown", () => {
    const withTotal: IndicatorSeries = {
      ...series,
      points: series.points.map((p) => ({
        ...p,
        breakdowns: [{ dimension: "sex", label: "K", value: 1 }],
      })),
    };
    const titles = indicatorPageSpecs(withTotal).map((s) => s.title);
    expect(titles.filter((t) => t.includes("płeć"))).toHaveLength(1);
    expect(titles.some((t) => t.includes("suma podziałów"))).toBe(false);
  });
});

describe("explorer charts", () => {
  it("draws one line chart per indicator, a line per series", () => {
    const row = (over: Partial<ExplorerRow>): ExplorerRow => ({
      indicatorId: "i1",
      indicator: indicator.name,
      unit: "osoby",
      year: 2019,
      kind: "total",
      series: "Razem",
      dimension: null,
      value: 20,
      approximate: false,
      published: false,
      withheld: false,
      ...over,
    });
    const [spec, ...rest] = explorerSpecs({
      series: [series],
      years: [2019, 2020],
      rows: [
        row({}),
        row({ year: 2020, value: 24, approximate: true }),
        row({ year: 2020, kind: "breakdown", dimension: "sex", series: "K", value: 10 }),
      ],
    });
    expect(rest).toEqual([]);
    expect(spec!.title).toBe(`${indicator.name} w latach 2019–2020`);
    expect(spec!.series.map((s) => [s.name, s.values, s.approximate])).toEqual([
      ["Razem", [20, 24], [false, true]],
      ["płeć: K", [null, 10], [false, false]],
    ]);
  });
});
