// The blocks both layouts share: an indicator's value and its institutions' parts, the table of
// indicators and their history charts.
import { formatInUnit } from "../../domain/validation/finding.ts";
import { isMoneyUnit } from "../../domain/validation/units.ts";
import { chartAltText, renderChartSvg, CHART_HEIGHT, CHART_WIDTH } from "../charts.ts";
import type { ReportIndicator, ReportValue } from "../model.ts";
import { DASH, WITHHELD, hasText, splitLines, type Block } from "./blocks.ts";

/** The value as the table prints it: "725", "ok. 600", "1 588 268,16 zł". */
export function valueText(ind: Pick<ReportIndicator, "unit" | "value">): string {
  const v = ind.value;
  if (v?.withheld) return WITHHELD;
  if (!v || v.total === null) return DASH;
  return formatInUnit(v.total, ind.unit, v.approximate);
}

function amountText(
  value: number | null,
  unit: string,
  approximate: boolean,
  withheld = false,
): string {
  if (withheld) return WITHHELD;
  return value === null ? "brak danych" : formatInUnit(value, unit, approximate);
}

/** Seed 003's "Uwagi": each institution's part, "PUP – 725, MOPS – 23", with "w tym" splits. */
export function contributionsText(value: ReportValue | null, unit: string): string {
  if (!value || value.contributions.length === 0) return "";
  return value.contributions
    .map((c) => {
      const parts = c.parts.length
        ? ` (${c.parts[0]!.dimension === "of_which" ? "w tym: " : ""}${c.parts
            .map((p) => `${p.label} ${DASH} ${amountText(p.value, unit, false, p.withheld)}`)
            .join(", ")})`
        : "";
      const note = hasText(c.note) ? ` ${c.note.trim()}` : "";
      return `${c.institution} ${DASH} ${amountText(c.value, unit, c.approximate, c.withheld)}${parts}${note}`;
    })
    .join(", ");
}

export function remarks(value: ReportValue | null, unit: string): string[] {
  if (!value) return [DASH];
  const lines = [
    contributionsText(value, unit),
    ...splitLines(value.remarks).filter((l) => !restatesContributions(l, value, unit)),
  ].filter((l) => l !== "");
  return lines.length ? lines : [DASH];
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** 1294 as remarks write it: "1294", "1 294"; 2.5 as "2,5" or "2.5". */
function numberPattern(n: number): string {
  const [whole = "", fraction] = String(Math.abs(n)).split(".");
  const groups: string[] = [];
  for (let end = whole.length; end > 0; end -= 3)
    groups.unshift(whole.slice(Math.max(0, end - 3), end));
  return `${groups.join("[\\s\u00a0\u202f]?")}${fraction ? `[,.]${fraction}` : ""}`;
}

/**
 * An imported "Uwagi" cell keeps its text ("PUP - 725 MOPS - 23") beside the parts read from
 * it, so printing both would say each institution's share twice (issue 15). A remark line is
 * left out when, with every "institution – its value" (and "part – its value") taken away,
 * nothing but separators, "w tym" and the unit is left; a line with anything more is kept whole.
 */
export function restatesContributions(line: string, value: ReportValue, unit: string): boolean {
  let rest = line;
  const drop = (name: string, n: number | null) => {
    if (n === null || name.trim() === "") return;
    const re = `${escapeRe(name.trim())}\\s*[-–—:]?\\s*(?:ok\\.\\s*)?${numberPattern(n)}(?!\\d|,\\d)`;
    rest = rest.replace(new RegExp(re, "giu"), " ");
  };
  for (const c of value.contributions) {
    for (const name of new Set([c.institution, ...(c.aliases ?? [])])) drop(name, c.value);
    for (const p of c.parts) drop(p.label, p.value);
  }
  if (rest === line) return false;
  if (unit.trim()) rest = rest.replace(new RegExp(escapeRe(unit.trim()), "giu"), " ");
  return /^[\s,;.:()\-–—]*$/u.test(rest.replace(/w\s+tym/giu, " "));
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
