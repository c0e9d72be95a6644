// Project listings laid out one table cell per line ("\t1.", "\tC1K2", "\tTitle", "\t12"):
// the per-goal tables of contents ("Lp | Symbol | Tytuł projektu | Strona") and the list of
// projects submitted for next year. Both group rows under a goal heading and under direction
// (operational goal) titles that occupy a row of their own.
import { clean, isBlank, isCellLine } from "./normalise.ts";
import { COORDINATOR_LABEL } from "./card-field-headings.ts";
import { matchGoalHeading, readCoordinator } from "./goals.ts";
import { goalCodeOfSymbol, onlySymbol } from "./symbols.ts";

export type ListingEntry = {
  symbol: string | null;
  title: string;
  goalCode: string | null;
  line: number; // 0-based
};

export type ListingResult = {
  entries: ListingEntry[];
  goals: { code: string; title: string; coordinator: string | null; line: number }[];
  /** Direction code (from the symbols of the rows under it) → title. */
  directions: Map<string, string>;
};

type Cell = { text: string; line: number };

const HEADER_CELL =
  /^(?:lp\.?|l\.p\.|symbol|tytuł(?: projektu| zadania)?|nazwa(?: projektu| zadania)?|strona|str\.)$/iu;
const ORDINAL_CELL = /^\d{1,3}\.?$/u;

/** Reads the cells of lines [from, to), joining wrapped cell text and noting goal headings. */
function readCells(
  lines: string[],
  from: number,
  to: number,
  goals: ListingResult["goals"],
): (Cell | { goal: string })[] {
  const out: (Cell | { goal: string })[] = [];
  let current: Cell | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    const heading = matchGoalHeading(line);
    if (heading && !isCellLine(line)) {
      current = null;
      // Title lines follow the heading until a blank line or a cell.
      const titleParts = heading.rest ? [heading.rest] : [];
      let j = i + 1;
      for (; j < to; j++) {
        const l = lines[j] ?? "";
        if (isCellLine(l) || l.includes("\t") || COORDINATOR_LABEL.test(l)) break;
        if (isBlank(l)) {
          if (titleParts.length > 0) break;
          continue;
        }
        titleParts.push(clean(l));
      }
      let coordinator: string | null = null;
      for (let k = j; k < to && k < j + 3; k++) {
        const l = lines[k] ?? "";
        if (isBlank(l)) continue;
        const m = COORDINATOR_LABEL.exec(l);
        if (m) {
          const read = readCoordinator(lines, k, to, m[1] ?? "");
          coordinator = read.text;
          j = read.endLine + 1;
        }
        break;
      }
      goals.push({ code: heading.code, title: clean(titleParts.join(" ")), coordinator, line: i });
      out.push({ goal: heading.code });
      i = j - 1;
      continue;
    }
    if (isCellLine(line)) {
      current = { text: line.replace(/^ *\t/u, ""), line: i };
      out.push(current);
      continue;
    }
    if (line.includes("\t")) {
      // A whole row on one line (PDF and Word tables): its cells in order, as if one per line.
      for (const text of line.split("\t")) out.push({ text, line: i });
      current = null;
      continue;
    }
    if (isBlank(line)) continue;
    if (COORDINATOR_LABEL.test(line)) {
      current = null;
      continue;
    }
    // A line that is not a cell continues the cell above: Word breaks long titles inside a cell.
    if (current) current.text += ` ${line}`;
  }
  return out;
}

export function parseListing(lines: string[], from: number, to: number): ListingResult {
  const goals: ListingResult["goals"] = [];
  const directions = new Map<string, string>();
  const entries: ListingEntry[] = [];
  const cells = readCells(lines, from, to, goals);

  let goalCode: string | null = null;
  let open: ListingEntry | null = null;
  let pendingDirection: string | null = null;
  for (const cell of cells) {
    if ("goal" in cell) {
      goalCode = cell.goal;
      open = null;
      pendingDirection = null;
      continue;
    }
    const text = clean(cell.text);
    if (text === "" || HEADER_CELL.test(text)) continue;
    if (ORDINAL_CELL.test(text)) {
      // An ordinal before a title-less entry closes it; page numbers are ignored likewise.
      if (open && open.title) open = null;
      continue;
    }
    const symbol = onlySymbol(text);
    if (symbol) {
      open = { symbol, title: "", goalCode: goalCodeOfSymbol(symbol) ?? goalCode, line: cell.line };
      entries.push(open);
      if (pendingDirection !== null && !directions.has(symbol))
        directions.set(symbol, pendingDirection);
      pendingDirection = null;
      continue;
    }
    if (open && !open.title) {
      open.title = text;
      continue;
    }
    // A text cell outside an entry is a direction title (a row of its own above its projects).
    open = null;
    pendingDirection = text;
  }
  return { entries: entries.filter((e) => e.title !== ""), goals, directions };
}

/** A whole listing row on one line (PDF and Word tables): a cell holds a project symbol. */
function isListingRow(line: string): boolean {
  return !isCellLine(line) && line.includes("\t") && line.split("\t").some((c) => onlySymbol(c));
}

/**
 * Spans of lines [start, end) that hold one-cell-per-line listings. A listing's cells are never
 * far apart; the goal heading just above the first cell belongs to it.
 */
export function listingSpans(lines: string[], from: number, to: number): [number, number][] {
  const MAX_GAP = 10;
  const spans: [number, number][] = [];
  let start = -1;
  let last = -1;
  const close = () => {
    if (start < 0) return;
    let end = last + 1;
    // Wrapped text of the last cell.
    while (end < to && !isBlank(lines[end] ?? "") && !isCellLine(lines[end] ?? "")) end++;
    let begin = start;
    for (let k = start - 1; k >= from && k >= start - 8; k--) {
      if (matchGoalHeading(lines[k] ?? "")) begin = k;
    }
    spans.push([begin, end]);
  };
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    const row = isListingRow(line);
    if (!isCellLine(line) && !row) continue;
    if (start >= 0 && i - last > MAX_GAP) {
      close();
      start = -1;
    }
    if (start < 0) {
      start = i;
      // The header and direction rows above the first project row belong to the listing.
      while (row && start > from && (lines[start - 1] ?? "").includes("\t")) start--;
    }
    last = i;
  }
  close();
  return spans;
}
