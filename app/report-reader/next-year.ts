// The list of projects submitted for the next year, at the end of a card report ("Wykaz
// projektów zgłoszonych na 2021r."): the same one-cell-per-line layout as the tables of contents,
// without page numbers.
import { isCellLine } from "./normalise.ts";
import { listingSpans, parseListing, type ListingResult } from "./listing.ts";

const NEXT_YEAR_HEADING =
  /^\s*(?:\*\*)?(?:wykaz|lista|zestawienie)\s+(?:projektów|zadań)\s+(?:zgłoszonych|planowanych|przewidzianych|do realizacji)?\s*(?:do realizacji\s+)?(?:na|w)\s+(?:rok\s+)?(\d{4})/iu;

/** Index of the heading line that opens the next-year list, or null. */
export function findNextYearHeading(lines: string[]): { line: number; year: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    // Tables of contents mention the list in a cell (a cell line, or a row of cells from a PDF
    // or Word table); the list itself is a heading line.
    if (isCellLine(line) || line.includes("\t")) continue;
    const m = NEXT_YEAR_HEADING.exec(line);
    if (m) return { line: i, year: Number(m[1]) };
  }
  return null;
}

export function parseNextYear(lines: string[], heading: number): ListingResult {
  const merged: ListingResult = { entries: [], goals: [], directions: new Map() };
  for (const [start, end] of listingSpans(lines, heading + 1, lines.length)) {
    const part = parseListing(lines, start, end);
    merged.entries.push(...part.entries);
    merged.goals.push(...part.goals);
    for (const [k, v] of part.directions)
      if (!merged.directions.has(k)) merged.directions.set(k, v);
  }
  return merged;
}
