// The blocks both layouts share: an indicator's value and its institutions' parts, the table of
// indicators and their history charts.
import { formatInUnit } from "../../domain/validation/finding.ts";
import { isMoneyUnit } from "../../domain/validation/units.ts";
import { chartAltText, renderChartSvg, CHART_HEIGHT, CHART_WIDTH } from "../charts.ts";
import type { ReportIndicator, ReportValue } from "../model.ts";
import { DASH, WITHHELD, type Block } from "./blocks.ts";
import { remarks } from "./remarks.ts";

export { contributionsText, remarks } from "./remarks.ts";

/** The value as the table prints it: "725", "ok. 600", "1 588 268,16 zł". */
export function valueText(ind: Pick<ReportIndicator, "unit" | "value">): string {
  const v = ind.value;
  if (v?.withheld) return WITHHELD;
  if (!v || v.total === null) return DASH;
  return formatInUnit(v.total, ind.unit, v.approximate);
}

export function implementers(value: ReportValue | null): string {
  const names = [...new Set(value?.contributions.map((c) => c.institution) ?? [])];
  return names.length ? names.join(", ") : DASH;
}

export function indicatorTable(caption: string, inds: ReportIndicator[]): Block {
  return {
    kind: "table",
    caption,
    headers: ["Wskaźnik", "Jednostka", "Wartość", "Uwagi"],
    widths: [2.6, 0.9, 1, 2.4],
    rows: inds.map((i) => [
      { lines: [i.name] },
      { lines: [i.unit] },
      { lines: [valueText(i)] },
      { lines: remarks(i.value, i.unit) },
    ]),
  };
}

export function charts(inds: ReportIndicator[]): Block[] {
  return inds
    .filter((i) => i.history.length >= 2)
    .map((i) => {
      const chart = { name: i.name, unit: i.unit, points: i.history };
      return {
        kind: "chart" as const,
        caption: `Wskaźnik „${i.name}” w latach ${i.history[0]!.year}${DASH}${i.history.at(-1)!.year}`,
        svg: renderChartSvg(chart),
        alt: chartAltText(chart),
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        table: {
          headers: ["Rok", `Wartość (${i.unit})`],
          rows: i.history.map((h) => [
            String(h.year),
            formatInUnit(h.total, isMoneyUnit(i.unit) ? i.unit : "", h.approximate),
          ]),
        },
      };
    });
}
