// Indicator tables, one per strategic goal, as tab-separated rows:
//   Lp | Cele operacyjne | Proponowane kierunki działań | Wskaźniki realizacji celu operacyjnego |
//   Wartość wskaźnika | Realizatorzy strategii | Uwagi
// A row whose first cell holds a code ("1.3") opens an operational goal; rows with an empty first
// cell continue it. Columns are found by their header words, so another order or a missing
// column still reads.
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { clean, isBlank, isCellLine, isTsvRow, stripMarkup } from "./normalise.ts";
import { matchGoalHeading } from "./goals.ts";
import { splitContributions } from "./contributions.ts";
import type { ProposedDirection, ProposedGoal, ProposedIndicator } from "./types.ts";

type Columns = {
  lp: number | null;
  operational: number | null;
  directions: number | null;
  indicator: number;
  value: number;
  /** Value columns headed by a year ("2019 | 2020 | 2021", "Stan na 31.12.2020"), in order. */
  years: { column: number; year: number }[];
  target: number | null;
  implementers: number | null;
  remarks: number | null;
};

const OPERATIONAL_CODE = /^\d{1,2}(?:\.\d{1,2})+\.?$/u;
const CODE_BEFORE_TITLE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u;

// Header words of each column, as reports write them.
const TARGET_WORDS = /docelow|zakładan|planowan|oczekiwan|bazow|wyjściow/u;
const VALUE_WORDS =
  /warto[śs][ćc]|wykonani|stan na|osiągnięt|uzyskan|realizacj[ai] w\b|^\s*liczba\s*$|^\s*ilo[śs][ćc]\s*$|^\s*wynik/u;
const INDICATOR_WORDS = /wskaźnik|miernik|nazwa (?:wskaźnika|miernika)|^\s*nazwa\s*$/u;
const YEAR_HEADER =
  /^(?:(?:rok|wartość|wykonanie|stan na(?: dzień)?(?: 31\.12\.?)?)\s*)?((?:19|20)\d{2})(?:\s*r\.?)?$/u;

function yearColumns(norm: string[], indicator: number | null): { column: number; year: number }[] {
  const out: { column: number; year: number }[] = [];
  norm.forEach((c, column) => {
    if (column === indicator || TARGET_WORDS.test(c)) return;
    const m = YEAR_HEADER.exec(c.replace(/\s+/gu, " ").trim());
    if (m?.[1]) out.push({ column, year: Number(m[1]) });
  });
  return out;
}

function findColumns(cells: string[]): Columns | null {
  const norm = cells.map((c) => stripMarkup(c).toLowerCase());
  const find = (test: (c: string) => boolean) => {
    const k = norm.findIndex(test);
    return k >= 0 ? k : null;
  };
  const indicator = find((c) => INDICATOR_WORDS.test(c) && !VALUE_WORDS.test(c));
  if (indicator === null) return null;
  const years = yearColumns(norm, indicator);
  const value =
    years.at(-1)?.column ??
    find((c) => VALUE_WORDS.test(c) && !TARGET_WORDS.test(c) && !INDICATOR_WORDS.test(c)) ??
    find((c) => /warto[śs][ćc]/u.test(c) && !TARGET_WORDS.test(c));
  if (value === null) return null;
  return {
    lp: find((c) => /^(?:lp\.?|l\.p\.|nr)$/u.test(c)),
    operational: find((c) => /cel(?:e)? (?:operacyjn|szczegółow)/u.test(c) && !/wskaźnik/u.test(c)),
    directions: find((c) => /kierunk/u.test(c) && !/wskaźnik/u.test(c)),
    indicator,
    value,
    years,
    target: find((c) => /docelow|zakładan|planowan|oczekiwan/u.test(c) && !INDICATOR_WORDS.test(c)),
    implementers: find((c) => /realizator|podmiot|jednostk|odpowiedzialn|wykonawc/u.test(c)),
    remarks: find((c) => /uwagi|komentarz|objaśnieni/u.test(c)),
  };
}

/** Contributions from the remarks, else from an implementers cell that gives numbers. */
function contributionsOf(remarks: string, implementers: string) {
  const fromRemarks = splitContributions(remarks);
  if (fromRemarks.contributions.length > 0 || !/\d/u.test(implementers)) return fromRemarks;
  const fromImplementers = splitContributions(implementers);
  return fromImplementers.contributions.length > 0 ? fromImplementers : fromRemarks;
}

/** A value per year when the table has a column per year; nothing otherwise. */
function yearValues(
  columns: Columns,
  cell: (k: number | null) => string,
): { values?: { year: number; value: number | null; approximate: boolean }[] } {
  if (columns.years.length < 2) return {};
  return {
    values: columns.years.map(({ column, year }) => {
      const parsed = parseNumberCell(cell(column));
      return { year, value: parsed.value, approximate: parsed.approximate };
    }),
  };
}

/** Bulleted action lines of a "Proponowane kierunki działań" cell. */
function actionLines(cell: string): string[] {
  const text = stripMarkup(cell);
  if (text === "") return [];
  return text
    .split(/\s*[•▪·]\s*/u)
    .map((s) => clean(s).replace(/[,;]$/u, ""))
    .filter((s) => s !== "");
}

function parseNumberCell(cell: string): {
  value: number | null;
  approximate: boolean;
  unit: string | null;
  error: string | null;
} {
  const text = stripMarkup(cell);
  const parsed = parsePolishNumber(text);
  if ("error" in parsed) return { value: null, approximate: false, unit: null, error: text };
  const unit =
    /^(?:(?:około|ok\.?|ca\.?|~)\s*)?[\d\s.,]*\d\s*(.*)$/iu.exec(text)?.[1]?.trim() ?? "";
  return { value: parsed.value, approximate: parsed.approximate, unit: unit || null, error: null };
}

export function parseIndicatorTables(
  lines: string[],
  from: number,
  to: number,
): { goals: ProposedGoal[]; indicators: ProposedIndicator[]; warnings: string[] } {
  const goals: ProposedGoal[] = [];
  const indicators: ProposedIndicator[] = [];
  const warnings: string[] = [];
  let goal: ProposedGoal | null = null;
  let direction: ProposedDirection | null = null;
  let columns: Columns | null = null;

  const openGoal = (code: string, title: string) => {
    goal = goals.find((g) => g.code === code) ?? null;
    if (!goal) {
      goal = { code, title, coordinator: null, directions: [] };
      goals.push(goal);
    } else if (!goal.title) goal.title = title;
    direction = null;
  };

  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line)) continue;
    // Small tables (indicator, value, remarks) have fewer cells than the strategy's big ones.
    const rowLike = isTsvRow(line) || (line.includes("\t") && !isCellLine(line));
    const heading = matchGoalHeading(line);
    if (heading) {
      openGoal(heading.code, heading.rest);
      if (!rowLike) columns = null;
      continue;
    }
    if (!rowLike) {
      // Prose between tables ends the current table.
      columns = null;
      continue;
    }
    const cells = line.split("\t");
    const header = findColumns(cells);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) continue;
    if (cells.every((c) => /^[\s\-–—:|]*$/u.test(c))) continue; // Markdown separator row.
    const cell = (k: number | null) => (k === null ? "" : (cells[k] ?? ""));

    // An operational goal code where it belongs, or — in a row shifted by a lost cell — in a
    // later cell after empty ones.
    let codeAt: number | null = null;
    const lpText = stripMarkup(cell(columns.lp ?? 0));
    const titled = CODE_BEFORE_TITLE.exec(stripMarkup(cell(columns.operational)));
    if (titled && !OPERATIONAL_CODE.test(lpText)) {
      // "1.2. Title" written in the operational goal's own cell.
      openDirection(titled[1] ?? "", titled[2] ?? "", actionLines(cell(columns.directions)));
    } else if (OPERATIONAL_CODE.test(lpText)) codeAt = columns.lp ?? 0;
    else {
      const firstFilled = cells.findIndex((c) => stripMarkup(c) !== "");
      if (firstFilled > 0 && OPERATIONAL_CODE.test(stripMarkup(cells[firstFilled] ?? ""))) {
        codeAt = firstFilled;
      }
    }
    if (codeAt !== null && codeAt !== (columns.lp ?? 0)) {
      // Shifted row: code, then title, then action lines in whatever cells follow.
      const rest = cells
        .slice(codeAt + 1)
        .map(stripMarkup)
        .filter((c) => c !== "");
      const code = stripMarkup(cells[codeAt] ?? "").replace(/\.$/u, "");
      openDirection(code, rest[0] ?? "", rest.slice(1).flatMap(actionLines));
      warnings.push(
        `Wiersz ${i + 1}: cel operacyjny ${code} stoi w przesuniętych kolumnach tabeli — sprawdź jego tytuł i kierunki działań.`,
      );
      continue;
    }
    if (codeAt !== null) {
      const code = lpText.replace(/\.$/u, "");
      const ownTitle = stripMarkup(cell(columns.operational));
      // Without a column of its own, a direction's title stands in the indicator column of a
      // row that has no value.
      const titleRow = columns.operational === null && stripMarkup(cell(columns.value)) === "";
      openDirection(
        code,
        titleRow ? stripMarkup(cell(columns.indicator)) : ownTitle,
        actionLines(cell(columns.directions)),
      );
      if (titleRow) continue;
    } else if (direction && columns.directions !== null) {
      // Action lines that Word pushed into the next row continue the last line.
      const more = actionLines(cell(columns.directions));
      const current = direction as ProposedDirection;
      const first = more.shift();
      if (first !== undefined) {
        const lastIndex = current.actionLines.length - 1;
        if (lastIndex >= 0 && /^\p{Ll}/u.test(first)) {
          current.actionLines[lastIndex] = clean(`${current.actionLines[lastIndex]} ${first}`);
        } else current.actionLines.push(first);
        current.actionLines.push(...more);
      }
    }

    const name = stripMarkup(cell(columns.indicator));
    if (name === "") continue;
    const uncertain: string[] = [];
    const valueCell = parseNumberCell(cell(columns.value));
    if (valueCell.error !== null) uncertain.push(`Nie odczytano wartości „${valueCell.error}”.`);
    else if (valueCell.value === null) uncertain.push("Brak wartości wskaźnika.");
    if (valueCell.approximate) uncertain.push("Wartość przybliżona („ok.”).");
    const target = columns.target === null ? null : parseNumberCell(cell(columns.target)).value;
    const remarksText = stripMarkup(cell(columns.remarks));
    const split = contributionsOf(remarksText, stripMarkup(cell(columns.implementers)));
    uncertain.push(...split.uncertain);
    const currentDirection = direction as ProposedDirection | null;
    const currentGoal = goal as ProposedGoal | null;
    if (!currentDirection) uncertain.push("Wskaźnik przed pierwszym celem operacyjnym tabeli.");
    indicators.push({
      name,
      unit: valueCell.unit,
      value: valueCell.value,
      approximate: valueCell.approximate,
      target,
      goalCode: currentGoal?.code ?? null,
      directionCode: currentDirection?.code ?? null,
      projectSymbol: null,
      contributions: split.contributions,
      ...yearValues(columns, cell),
      remarks: remarksText || null,
      uncertain,
      source: {
        line: i + 1,
        text: cells
          .map(stripMarkup)
          .filter((c) => c !== "")
          .join(" | "),
      },
    });
  }
  return { goals, indicators, warnings };

  function openDirection(code: string, title: string, lines: string[]) {
    ensureGoal(code);
    direction = { code, title, actionLines: lines };
    (goal as ProposedGoal | null)?.directions.push(direction);
  }

  // A code "2.3" names its strategic goal "2"; a table without a goal heading still gets one.
  function ensureGoal(code: string) {
    const goalCode = code.split(".")[0] ?? code;
    const current = goal as ProposedGoal | null;
    if (current && current.code === goalCode) return;
    if (current && current.code !== goalCode) {
      warnings.push(
        `Cel operacyjny ${code} stoi pod celem strategicznym ${current.code} — sprawdź przypisanie.`,
      );
      return;
    }
    openGoal(goalCode, "");
  }
}
