import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Chart } from "../../../app/components/chart/chart.tsx";
import {
  chartAltText,
  chartOption,
  chartTable,
  type ChartSpec,
} from "../../../app/components/chart/chart-spec.ts";
import { renderChart } from "../../../app/components/chart/render-chart.server.ts";
import {
  budgetsSpec,
  exportRows,
  goalProgressSpec,
} from "../../../app/web/dashboard/dashboard-specs.ts";
import { dashboardCsv } from "../../../app/web/dashboard/dashboard-export.server.ts";
import { ownContributionSpec } from "../../../app/web/dashboard/work-data.server.ts";
import type { IndicatorSeries } from "../../../app/domain/analytics/indicator-series.ts";

// Polish numbers group with no-break spaces; the expectations are easier to read with plain ones.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

const budgets: ChartSpec = budgetsSpec({
  years: [2019, 2020],
  sources: [
    { kind: "own", amounts: [1_388_268.16, 1_412_000] },
    { kind: "state", amounts: [200_000, 0] },
  ],
});

describe("chart specs", () => {
  it("keeps whole-number ticks for counts, not for amounts with grosze", () => {
    const counts: ChartSpec = {
      kind: "bar",
      title: "Projekty według statusu",
      unit: "projekty",
      categories: ["C1"],
      series: [{ name: "zrealizowany", values: [2] }],
    };
    const axis = (spec: ChartSpec) =>
      (chartOption(spec) as { yAxis: { minInterval?: number } }).yAxis;
    expect(axis(counts).minInterval).toBe(1);
    expect(axis(budgets).minInterval).toBeUndefined();
  });

  it("stacks budgets by funding source, with Polish amounts in the table and the text", () => {
    const option = chartOption(budgets) as { series: { stack?: string; name: string }[] };
    expect(option.series.map((s) => s.stack)).toEqual(["total", "total"]);
    expect(option.series.map((s) => s.name)).toEqual(["środki własne gminy", "budżet państwa"]);
    const table = chartTable(budgets);
    expect(table.headers).toEqual([
      "Rok",
      "środki własne gminy (zł)",
      "budżet państwa (zł)",
      "Razem (zł)",
    ]);
    expect(table.rows[0]!.map(plain)).toEqual([
      "2019",
      "1 388 268,16 zł",
      "200 000,00 zł",
      "1 588 268,16 zł",
    ]);
    expect(plain(chartAltText(budgets))).toContain("środki własne gminy: 2019 – 1 388 268,16 zł");
  });

  it("counts projects by status per goal, a status absent everywhere left out", () => {
    const spec = goalProgressSpec(
      [
        {
          goalId: "a",
          code: "I",
          title: "Rodzina",
          byStatus: { carried_out: 12, not_carried_out: 2 },
        },
        { goalId: "b", code: "II", title: "Seniorzy", byStatus: { carried_out: 7 } },
      ],
      2020,
    );
    expect(spec.categories).toEqual(["I", "II"]);
    expect(spec.series.map((s) => [s.name, s.values])).toEqual([
      ["zrealizowany", [12, 7]],
      ["niezrealizowany", [2, 0]],
    ]);
    expect(exportRows([spec])).toHaveLength(4);
  });

  it("renders an accessible SVG figure with caption and data table", () => {
    const chart = renderChart(budgets);
    expect(chart.svg).toMatch(/^<svg role="img" aria-label="Wykres słupkowy skumulowany: Budżety/);
    const html = plain(renderToStaticMarkup(createElement(Chart, { chart })));
    expect(html).toContain("<figcaption");
    expect(html).toContain("<summary>Dane wykresu</summary>");
    expect(html).toContain("1 588 268,16 zł");
  });

  it("writes CSV a Polish spreadsheet opens: BOM, semicolons, decimal commas", () => {
    const csv = dashboardCsv(exportRows([budgets]));
    expect(csv.startsWith("\uFEFFZestawienie;Kategoria;Seria;Wartość;Jednostka\r\n")).toBe(true);
    expect(csv).toContain(";2019;środki własne gminy;1388268,16;zł\r\n");
  });
});

describe("chart SVG under the pages' CSP", () => {
  it("carries no style attribute and no style element, only presentation attributes", async () => {
    const { withoutInlineStyles } =
      await import("../../../app/components/chart/render-chart.server.ts");
    const svg = withoutInlineStyles(
      '<svg><style><![CDATA[.a:hover{cursor:pointer}]]></style><text style="font-size:11px;font-family:Arial, Helvetica, sans-serif;">2020</text></svg>',
    );
    expect(svg).not.toMatch(/<style|style=/);
    expect(svg).toContain('font-size="11px"');
    expect(svg).toContain('font-family="Arial, Helvetica, sans-serif"');
    expect(svg).toContain(">2020</text>");
  });
});

describe("a partner's own contributions", () => {
  it("keeps a year without their value on the axis as a gap", () => {
    const point = (year: number, value: number | null) => ({
      year,
      contributions: value === null ? [] : [{ institutionId: "pup", name: "PUP", value }],
    });
    const series = {
      indicator: { name: "liczba osób, które podjęły zatrudnienie", unit: "osoby" },
      points: [point(2015, null), point(2016, 12), point(2017, 11), point(2020, 15)],
    } as unknown as IndicatorSeries;
    const spec = ownContributionSpec(series, "pup");
    expect(spec.categories).toEqual(["2016", "2017", "2018", "2019", "2020"]);
    expect(spec.series[0]!.values).toEqual([12, 11, null, null, 15]);
    expect(ownContributionSpec(series, "mops").categories).toEqual([]);
  });
});
