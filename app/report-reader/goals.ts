// Strategic goal headings and their coordinators. Forms seen in reports:
//   "CEL STRATEGICZNY (C1)" + title on the next lines (tables of contents, lists)
//   "Cel strategiczny 1. Title" (indicator tables, one line)
//   "C1" alone on a line + title + "Koordynator:" (card sections)
import { clean, isBlank, isCellLine, isTsvRow, startsLowercase } from "./normalise.ts";
import { COORDINATOR_LABEL, matchFieldLabel } from "./card-field-headings.ts";
import { headingSymbol, normaliseGoalCode } from "./symbols.ts";

const GOAL_HEADING =
  /^\s*(?:\*\*)?cel(?:u)? strategiczn(?:y|ego)\s*(?:nr\.?\s*)?\(?\s*(C?\s*\d{1,2})\s*\)?\s*[.:–-]?\s*(.*)$/iu;
const BARE_GOAL_CODE = /^\s*(C\d{1,2})\s*$/u;

export type GoalHeading = {
  line: number; // 0-based index
  code: string;
  title: string;
  coordinator: string | null;
  /** Index of the last line that belongs to the heading block (title, coordinator). */
  endLine: number;
  form: "heading" | "bare";
};

export function matchGoalHeading(line: string): { code: string; rest: string } | null {
  const text = line.split("\t")[0] ?? "";
  const m = GOAL_HEADING.exec(text);
  if (!m) return null;
  return { code: normaliseGoalCode(m[1] ?? ""), rest: clean((m[2] ?? "").replace(/\*\*/gu, "")) };
}

/**
 * Finds goal headings. A bare "C1" line counts only when a coordinator label follows within a
 * few lines — otherwise a lone code in running text would open a goal.
 */
export function findGoalHeadings(lines: string[], from: number, to: number): GoalHeading[] {
  const found: GoalHeading[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    const heading = matchGoalHeading(line);
    if (heading && !isCellLine(line)) {
      const block = readTitleAndCoordinator(lines, i + 1, to, heading.rest);
      found.push({ line: i, code: heading.code, form: "heading", ...block });
      continue;
    }
    const bare = BARE_GOAL_CODE.exec(line);
    if (bare && hasCoordinatorSoon(lines, i + 1, to)) {
      const block = readTitleAndCoordinator(lines, i + 1, to, "");
      found.push({ line: i, code: bare[1] ?? "", form: "bare", ...block });
    }
  }
  return found;
}

function hasCoordinatorSoon(lines: string[], from: number, to: number): boolean {
  for (let i = from, seen = 0; i < to && seen < 6; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line)) continue;
    seen++;
    if (COORDINATOR_LABEL.test(line)) return true;
  }
  return false;
}

function isStructural(line: string): boolean {
  return (
    isCellLine(line) ||
    isTsvRow(line) ||
    matchGoalHeading(line) !== null ||
    headingSymbol(line) !== null ||
    matchFieldLabel(line) !== null
  );
}

/** Title lines (up to the first blank after some text) and an optional coordinator block. */
function readTitleAndCoordinator(
  lines: string[],
  from: number,
  to: number,
  titleOnHeadingLine: string,
): { title: string; coordinator: string | null; endLine: number } {
  const titleParts = titleOnHeadingLine ? [titleOnHeadingLine] : [];
  let i = from;
  let end = from - 1;
  for (; i < to; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      if (titleParts.length > 0) break;
      continue;
    }
    if (COORDINATOR_LABEL.test(line) || isStructural(line)) break;
    // A one-line heading form ("Cel strategiczny 1. Title") is complete unless the next line
    // plainly continues it.
    if (titleOnHeadingLine && !startsLowercase(line)) break;
    titleParts.push(clean(line));
    end = i;
  }
  let coordinator: string | null = null;
  // The coordinator may come after one blank line.
  for (let j = i; j < to && j < i + 3; j++) {
    const line = lines[j] ?? "";
    if (isBlank(line)) continue;
    const m = COORDINATOR_LABEL.exec(line);
    if (!m) break;
    const read = readCoordinator(lines, j, to, m[1] ?? "");
    coordinator = read.text;
    end = read.endLine;
    break;
  }
  return { title: clean(titleParts.join(" ")), coordinator, endLine: Math.max(end, from - 1) };
}

/**
 * The coordinator is the rest of the label line or the next non-blank line; following lines
 * that start in lowercase continue it (a position broken across lines).
 */
export function readCoordinator(
  lines: string[],
  labelLine: number,
  to: number,
  rest: string,
): { text: string | null; endLine: number } {
  const parts: string[] = [];
  let end = labelLine;
  let i = labelLine + 1;
  if (rest.trim()) {
    parts.push(clean(rest));
  } else {
    for (; i < to && i < labelLine + 4; i++) {
      const line = lines[i] ?? "";
      if (isBlank(line)) continue;
      if (isStructural(line)) break;
      parts.push(clean(line));
      end = i;
      i++;
      break;
    }
  }
  for (; parts.length > 0 && i < to; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line) || !startsLowercase(line) || isStructural(line)) break;
    parts.push(clean(line));
    end = i;
  }
  return { text: parts.length > 0 ? clean(parts.join(" ")) : null, endLine: end };
}
