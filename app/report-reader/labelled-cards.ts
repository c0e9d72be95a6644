// Project cards without symbols, recognised by their field labels alone (decision 042): a run
// of labelled fields ("Cel:", "Realizator:", "Termin realizacji:" — any synonyms, any order)
// with at least two different fields is a card; a label that repeats a field of the open card,
// or a heading of the document between two labels, opens the next one. The card's title is the
// document heading above its first label, else the line right above it.
import { clean, isBlank, isCellLine, isTsvRow } from "./normalise.ts";
import { matchFieldLabel, type FieldKey } from "./card-field-headings.ts";
import { headingSymbol } from "./symbols.ts";

export type LabelledCard = { line: number; title: string };

const MIN_FIELDS = 2;
const MAX_TITLE_LENGTH = 250;

type Open = { titleLine: number; keys: Set<FieldKey>; lastLabel: number };

function titleLineAbove(
  lines: string[],
  label: number,
  floor: number,
  headings: Map<number, number>,
): number | null {
  for (let i = label - 1; i > floor; i--) if (headings.has(i)) return i;
  for (let i = label - 1; i > floor; i--) {
    const line = lines[i] ?? "";
    if (isBlank(line)) continue;
    if (isCellLine(line) || isTsvRow(line) || line.trim().length > MAX_TITLE_LENGTH) return null;
    return i;
  }
  return null;
}

/** The title of a card: its heading line and the lines of the same heading right above it. */
function titleAt(lines: string[], line: number, headings: Map<number, number>): string {
  let start = line;
  const level = headings.get(line);
  while (
    level !== undefined &&
    headings.get(start - 1) === level &&
    !isBlank(lines[start - 1] ?? "")
  )
    start--;
  return clean(lines.slice(start, line + 1).join(" "));
}

export function findLabelledCards(
  lines: string[],
  from: number,
  to: number,
  headings: Map<number, number>,
): LabelledCard[] {
  const found: Open[] = [];
  let open: Open | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    if (isCellLine(line) || isTsvRow(line)) continue;
    const label = matchFieldLabel(line);
    if (!label) continue;
    const headingBetween =
      open !== null && [...headings.keys()].some((h) => h > (open?.lastLabel ?? 0) && h < i);
    if (open === null || open.keys.has(label.key) || headingBetween) {
      const floor = open ? open.lastLabel : from - 1;
      const titleLine = titleLineAbove(lines, i, floor, headings);
      open = titleLine === null ? null : { titleLine, keys: new Set(), lastLabel: i };
      if (open) found.push(open);
      else continue;
    }
    open.keys.add(label.key);
    open.lastLabel = i;
  }
  return found
    .filter((c) => c.keys.size >= MIN_FIELDS && !headingSymbol(lines[c.titleLine] ?? ""))
    .map((c) => ({ line: c.titleLine, title: titleAt(lines, c.titleLine, headings) }));
}
