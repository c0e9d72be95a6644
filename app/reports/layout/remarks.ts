// The "Uwagi" cell of an indicator: each institution's part, "PUP – 725, MOPS – 23", with
// "w tym" splits, and the value's remarks — each fact once (decision 060).
import { formatInUnit } from "../../domain/validation/finding.ts";
import type { ReportContribution, ReportValue } from "../model.ts";
import { DASH, WITHHELD, hasText, splitLines } from "./blocks.ts";

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

/**
 * The parts, then the remark lines. An imported "Uwagi" cell is kept as the value's remarks
 * beside the parts read from it, so printing both would give each share twice (issue 15): a
 * remark line that only restates parts is left out, and when the remarks name every share in
 * their own words (with what was done), they are printed alone, without the parts again.
 */
export function remarks(value: ReportValue | null, unit: string): string[] {
  if (!value) return [DASH];
  const notes = splitLines(value.remarks).filter((l) => !restatesContributions(l, value, unit));
  const told =
    notes.length > 0 &&
    value.contributions.length > 0 &&
    value.contributions.every((c) => mentionsShare(notes.join("\n"), c));
  const lines = [told ? "" : contributionsText(value, unit), ...notes].filter((l) => l !== "");
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

/** "PUP - 725", "PUP –725", "KPP – ok. 1 294": a name and its value as remarks write them. */
function sharePattern(name: string, n: number): RegExp {
  const re = `${escapeRe(name.trim())}\\s*[-–—:]?\\s*(?:ok\\.\\s*)?${numberPattern(n)}(?!\\d|,\\d)`;
  return new RegExp(re, "giu");
}

const namesOf = (c: ReportContribution) =>
  [...new Set([c.institution, ...(c.aliases ?? [])])].filter((n) => n.trim() !== "");

/** Whether the text gives this institution's share (a withheld one never matches). */
function mentionsShare(text: string, c: ReportContribution): boolean {
  const n = c.value;
  return n !== null && namesOf(c).some((name) => sharePattern(name, n).test(text));
}

/**
 * A remark line only restates the parts when, with every "institution – its value" (and
 * "part – its value") taken away, nothing but separators, "w tym" and the unit is left.
 */
export function restatesContributions(line: string, value: ReportValue, unit: string): boolean {
  let rest = line;
  const drop = (name: string, n: number | null) => {
    if (n !== null && name.trim() !== "") rest = rest.replace(sharePattern(name, n), " ");
  };
  for (const c of value.contributions) {
    for (const name of namesOf(c)) drop(name, c.value);
    for (const p of c.parts) drop(p.label, p.value);
  }
  if (rest === line) return false;
  if (unit.trim()) rest = rest.replace(new RegExp(escapeRe(unit.trim()), "giu"), " ");
  return /^[\s,;.:()\-–—]*$/u.test(rest.replace(/w\s+tym/giu, " "));
}
