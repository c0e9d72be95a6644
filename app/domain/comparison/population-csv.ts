// Reading a CSV of population figures: `teryt,rok,ludnosc` (the CLI, any municipality) or
// `rok,ludnosc` (one municipality's page). Comma or semicolon between fields, an optional header
// row, spaces inside a number allowed ("141 521"). Every bad line gets its own Polish message
// with its line number; nothing is saved while any line is wrong. Pure.
import { formatNumber } from "../../format/polish-numbers.ts";

export type PopulationLine = {
  line: number;
  teryt: string | null;
  year: number;
  residents: number;
};
export type PopulationCsv = { rows: PopulationLine[]; errors: { line: number; message: string }[] };

export const MIN_POPULATION_YEAR = 1990;
export const MAX_POPULATION_YEAR = 2100;
// Warszawa has about 1.86 million residents; ten million leaves room and catches typos.
export const MAX_RESIDENTS = 10_000_000;

const HEADER = /^\s*"?(teryt|kod|rok)"?\s*[,;]/iu;

function fieldsOf(line: string): string[] {
  const sep = line.includes(";") ? ";" : ",";
  return line.split(sep).map((f) =>
    f
      .trim()
      .replace(/^"(.*)"$/u, "$1")
      .trim(),
  );
}

function parseYear(raw: string): number | string {
  if (!/^\d{4}$/u.test(raw)) return `rok „${raw}” nie jest rokiem (np. 2023)`;
  const year = Number(raw);
  if (year < MIN_POPULATION_YEAR || year > MAX_POPULATION_YEAR)
    return `rok ${raw} jest spoza zakresu ${MIN_POPULATION_YEAR}–${MAX_POPULATION_YEAR}`;
  return year;
}

function parseResidents(raw: string): number | string {
  const compact = raw.replace(/[\s\u00a0\u202f]/gu, "");
  if (compact === "") return "brak liczby mieszkańców";
  if (!/^\d+$/u.test(compact))
    return `liczba mieszkańców „${raw}” nie jest liczbą całkowitą (np. 141 521)`;
  const n = Number(compact);
  if (n === 0) return "liczba mieszkańców musi być większa od zera";
  if (n > MAX_RESIDENTS)
    return `liczba mieszkańców ${formatNumber(n)} jest większa niż ${formatNumber(MAX_RESIDENTS)} — sprawdź, czy to nie pomyłka`;
  return n;
}

/** One data line: `[teryt,]rok,ludnosc`. */
function parseLine(fields: string[], withTeryt: boolean): Omit<PopulationLine, "line"> | string[] {
  const expected = withTeryt ? 3 : 2;
  if (fields.length !== expected) {
    return [
      withTeryt
        ? `oczekiwano 3 pól (kod TERYT, rok, liczba mieszkańców), jest ${fields.length}`
        : `oczekiwano 2 pól (rok, liczba mieszkańców), jest ${fields.length}`,
    ];
  }
  const problems: string[] = [];
  const teryt = withTeryt ? fields[0]! : null;
  if (teryt !== null && !/^\d{7}$/u.test(teryt))
    problems.push(`kod TERYT „${teryt}” nie ma 7 cyfr (np. 2472011)`);
  const year = parseYear(fields[expected - 2]!);
  if (typeof year === "string") problems.push(year);
  const residents = parseResidents(fields[expected - 1]!);
  if (typeof residents === "string") problems.push(residents);
  if (problems.length > 0) return problems;
  return { teryt, year: year as number, residents: residents as number };
}

export function parsePopulationCsv(text: string, opts: { withTeryt: boolean }): PopulationCsv {
  const out: PopulationCsv = { rows: [], errors: [] };
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    if (out.rows.length === 0 && out.errors.length === 0 && HEADER.test(raw)) return;
    const parsed = parseLine(fieldsOf(raw), opts.withTeryt);
    if (Array.isArray(parsed)) {
      out.errors.push({ line, message: `Wiersz ${line}: ${parsed.join("; ")}.` });
      return;
    }
    const key = `${parsed.teryt ?? ""}:${parsed.year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      out.errors.push({
        line,
        message: `Wiersz ${line}: rok ${parsed.year}${parsed.teryt ? ` dla kodu ${parsed.teryt}` : ""} jest już w wierszu ${earlier}.`,
      });
      return;
    }
    seen.set(key, line);
    out.rows.push({ line, ...parsed });
  });
  if (out.rows.length === 0 && out.errors.length === 0)
    out.errors.push({ line: 0, message: "Plik nie zawiera żadnego wiersza z danymi." });
  return out;
}
