// The explorer's selection (/g/:tenant/analiza, decision 055) as the address holds it, so a
// selection can be bookmarked and shared and the GET form works without JavaScript:
// `w` indicators, `od`/`do` years, `i` institutions, `podzial` breakdown dimensions (each may
// repeat). Parsing never fails: what cannot be read is left out and said in `problems` (each
// tied to its field, for the error summary and the field), and the page shows what remains. Pure: safe in the browser.
import type { FieldError } from "../../domain/errors.ts";
import { BREAKDOWN_DIMENSIONS } from "../../domain/value-labels.ts";
import { z } from "./zod.ts";

export const MAX_EXPLORER_INDICATORS = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const DIMENSIONS = Object.keys(BREAKDOWN_DIMENSIONS);

export type ExplorerSelection = {
  indicatorIds: string[];
  fromYear: number | null;
  toYear: number | null;
  institutionIds: string[];
  dimensions: string[];
};

export type ParsedSelection = { selection: ExplorerSelection; problems: FieldError[] };

/** The address parameters, which are also the form fields' names. */
export const EXPLORER_FIELDS = {
  indicators: "w",
  fromYear: "od",
  toYear: "do",
  institutions: "i",
  dimensions: "podzial",
} as const;

const yearField = z.coerce.number().int().min(1990).max(2100);

function distinct(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
}

function readYear(
  raw: string | null,
  field: string,
  what: string,
  problems: FieldError[],
): number | null {
  if (raw === null || raw.trim() === "") return null;
  const parsed = yearField.safeParse(raw.trim());
  if (parsed.success) return parsed.data;
  problems.push({
    field,
    message: `${what} „${raw}” nie jest rokiem z zakresu 1990–2100 — pominięto.`,
  });
  return null;
}

export const UNKNOWN_INDICATOR = "Adres zawiera nieznany wskaźnik — pominięto go.";
export const UNKNOWN_INSTITUTION = "Adres zawiera nieznaną instytucję — pominięto ją.";

export function parseExplorerSelection(params: URLSearchParams): ParsedSelection {
  const problems: FieldError[] = [];
  const ids = distinct(params.getAll("w"));
  const indicatorIds = ids.filter((id) => UUID.test(id));
  if (indicatorIds.length < ids.length) problems.push({ field: "w", message: UNKNOWN_INDICATOR });
  if (indicatorIds.length > MAX_EXPLORER_INDICATORS) {
    problems.push({
      field: "w",
      message: `Można porównać najwyżej ${MAX_EXPLORER_INDICATORS} wskaźników naraz — pokazano pierwsze ${MAX_EXPLORER_INDICATORS}.`,
    });
    indicatorIds.length = MAX_EXPLORER_INDICATORS;
  }
  let fromYear = readYear(params.get("od"), "od", "Rok początkowy", problems);
  let toYear = readYear(params.get("do"), "do", "Rok końcowy", problems);
  if (fromYear !== null && toYear !== null && fromYear > toYear) {
    problems.push({
      field: "od",
      message: "Rok początkowy był późniejszy niż końcowy — zamieniono je.",
    });
    [fromYear, toYear] = [toYear, fromYear];
  }
  const institutions = distinct(params.getAll("i"));
  const institutionIds = institutions.filter((id) => UUID.test(id));
  if (institutionIds.length < institutions.length)
    problems.push({ field: "i", message: UNKNOWN_INSTITUTION });
  const wanted = distinct(params.getAll("podzial"));
  const dimensions = wanted.filter((d) => DIMENSIONS.includes(d));
  if (dimensions.length < wanted.length)
    problems.push({
      field: "podzial",
      message: "Adres zawiera nieznany rodzaj podziału — pominięto go.",
    });
  return { selection: { indicatorIds, fromYear, toYear, institutionIds, dimensions }, problems };
}

/** The query string of a selection (for the export links and the shared address). */
export function explorerQuery(s: ExplorerSelection): string {
  const q = new URLSearchParams();
  for (const id of s.indicatorIds) q.append("w", id);
  if (s.fromYear !== null) q.set("od", String(s.fromYear));
  if (s.toYear !== null) q.set("do", String(s.toYear));
  for (const id of s.institutionIds) q.append("i", id);
  for (const d of s.dimensions) q.append("podzial", d);
  return q.toString();
}
