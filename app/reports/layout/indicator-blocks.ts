// The blocks both layouts share: an indicator's value and its institutions' parts, its target
// and status, the table of indicators and their history charts.
import { hasTarget } from "../../domain/analytics/target-status.ts";
import { formatInUnit } from "../../domain/validation/finding.ts";
import { labelOf } from "../../domain/value-labels.ts";
import { isMoneyUnit } from "../../domain/validation/units.ts";
import { chartAltText, renderChartSvg, CHART_HEIGHT, CHART_WIDTH } from "../charts.ts";
import type { ReportIndicator, ReportValue } from "../model.ts";
import { DASH, WITHHELD, type Block, type Cell } from "./blocks.ts";
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

/** The header of the target's column, in the tables that have one. */
export const TARGET_HEADER = "Wartość docelowa i stan realizacji celu";

/** Whether a table of these indicators needs the target's column: one of them has a target. */
export function anyTarget(inds: ReportIndicator[]): boolean {
  return inds.some(hasTarget);
}

/**
 * The target and the year's status in words — the printed page has no colour to lean on, and
 * a status must never be told by colour alone (decision 073). An indicator without a target has
 * no status at all: a dash, not "brak danych", which means a target whose value is missing.
 */
export function targetCell(ind: ReportIndicator): Cell {
  if (!hasTarget(ind)) return { lines: [DASH] };
  return {
    lines: [formatInUnit(ind.target!, ind.unit), labelOf("targetStatus", ind.status ?? "no_data")],
  };
}

export function indicatorTable(caption: string, inds: ReportIndicator[]): Block {
  // The column is there only where it says something: most documents set no targets.
  const withTarget = anyTarget(inds);
  return {
    kind: "table",
    caption,
    headers: ["Wskaźnik", "Jednostka", "Wartość", ...(withTarget ? [TARGET_HEADER] : []), "Uwagi"],
    widths: withTarget ? [2.3, 0.8, 0.9, 1.3, 2.1] : [2.6, 0.9, 1, 2.4],
    rows: inds.map((i) => [
      { lines: [i.name] },
      { lines: [i.unit] },
      { lines: [valueText(i)] },
      ...(withTarget ? [targetCell(i)] : []),
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
