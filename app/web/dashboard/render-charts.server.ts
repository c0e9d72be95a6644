// Chart specs drawn for a page, each with the example-data note for the example years it shows
// (decision 054): a chart whose categories include a generated year says so under its caption.
import type { ChartSpec, RenderedChart } from "../../components/chart/chart-spec.ts";
import { renderChart } from "../../components/chart/render-chart.server.ts";
import { exampleDataNote } from "../../components/example-data/example-data.tsx";

/** The example years among a chart's categories (the categories of a series chart are years). */
export function exampleYearsIn(spec: ChartSpec, exampleYears: readonly number[]): number[] {
  return exampleYears.filter((y) => spec.categories.includes(String(y)));
}

export function renderCharts(
  specs: ChartSpec[],
  exampleYears: readonly number[] = [],
): RenderedChart[] {
  return specs.map((spec) => {
    const note = exampleDataNote(exampleYearsIn(spec, exampleYears));
    return renderChart(spec, note ? { note } : {});
  });
}
