// Plain text of a report → the proposed structure. Pure: no I/O, no database; the same function
// serves the upload page, the CLI dry run and the demo-data seeding. Each structure has its own
// module; this one decides which parts of the document each of them reads and merges goals found
// in several places (tables of contents, card sections, indicator tables, next-year list).
import { isCellLine } from "./normalise.ts";
import { findGoalHeadings } from "./goals.ts";
import { listingSpans, parseListing, type ListingResult } from "./listing.ts";
import { findNextYearHeading, parseNextYear } from "./next-year.ts";
import { parseProjectCards } from "./project-cards.ts";
import { looksLikeProjectPages, parseProjectPages } from "./project-pages.ts";
import { parseIndicatorTables } from "./indicator-tables.ts";
import { readDocumentInfo } from "./document-info.ts";
import { readNarrativeStructures } from "./narrative.ts";
import { splitLines } from "./normalise.ts";
import { tocParagraphsAsRows } from "./toc-paragraphs.ts";
import type { ImportProposal, ProposedGoal, ProposedIndicator } from "./types.ts";
import { findNamedDocuments } from "./named-documents.ts";

export type ParseHints = {
  /** Heading lines (0-based) and their levels, as the document's markup gives them. */
  headings?: { line: number; level: number }[];
};

export function parseReportText(text: string, hints: ParseHints = {}): ImportProposal {
  const lines = tocParagraphsAsRows(splitLines(text));
  const headingLines = new Map((hints.headings ?? []).map((h) => [h.line, h.level]));
  const warnings: string[] = [];
  const nextYear = findNextYearHeading(lines);
  const bodyEnd = nextYear ? nextYear.line : lines.length;

  // Tables of contents: listings before the next-year list.
  const toc: ListingResult = { entries: [], goals: [], directions: new Map() };
  for (const [start, end] of listingSpans(lines, 0, bodyEnd)) {
    const part = parseListing(lines, start, end);
    toc.entries.push(...part.entries);
    toc.goals.push(...part.goals);
    for (const [k, v] of part.directions) if (!toc.directions.has(k)) toc.directions.set(k, v);
  }
  // The next-year list names mostly the same projects; its titles help where the tables of
  // contents lost a row in conversion.
  const next = nextYear ? parseNextYear(lines, nextYear.line) : null;
  const tocTitles = new Map<string, string[]>();
  for (const e of [...toc.entries, ...(next?.entries ?? [])]) {
    if (!e.symbol) continue;
    tocTitles.set(e.symbol, [...(tocTitles.get(e.symbol) ?? []), e.title]);
  }

  // Goal headings and coordinator blocks in the card section are not card text.
  const cardGoals = findGoalHeadings(lines, 0, bodyEnd).filter(
    (g) => !isCellLine(lines[g.line] ?? ""),
  );
  const structural = new Set<number>();
  for (const g of cardGoals) for (let i = g.line; i <= g.endLine; i++) structural.add(i);

  const indicatorPart = parseIndicatorTables(lines, 0, lines.length);
  const info = readDocumentInfo(lines, {
    cards: 0,
    indicatorRows: indicatorPart.indicators.length,
  });
  const reportYear = info.year ?? (nextYear ? nextYear.year - 1 : null);

  const cards = parseProjectCards(lines, 0, bodyEnd, {
    tocTitles,
    structural,
    year: reportYear,
    headings: headingLines,
    labelledCards: !looksLikeProjectPages(lines),
  });
  // Project web pages have no cards: one project per funding block.
  let pageIndicators: ProposedIndicator[] = [];
  if (cards.projects.length === 0 && looksLikeProjectPages(lines)) {
    const pages = parseProjectPages(lines);
    cards.projects.push(...pages.projects);
    cards.warnings.push(...pages.warnings);
    pageIndicators = pages.indicators;
  }
  warnings.push(...cards.warnings, ...indicatorPart.warnings);
  // Reports with neither cards nor indicator tables: numbered program sections or a single
  // narrative project page.
  const narrative =
    cards.projects.length === 0 && indicatorPart.indicators.length === 0
      ? readNarrativeStructures(lines)
      : null;
  if (narrative) {
    cards.projects.push(...narrative.projects);
    indicatorPart.indicators.push(...narrative.indicators);
    indicatorPart.goals.push(...narrative.goals);
    warnings.push(...narrative.warnings);
  }

  // Goals: first title wins; the longest coordinator text wins (a card section gives name and
  // position, a list only the name).
  const goals: ProposedGoal[] = [];
  const goalByCode = new Map<string, ProposedGoal>();
  const addGoal = (code: string, title: string, coordinator: string | null) => {
    let g = goalByCode.get(code);
    if (!g) {
      g = { code, title, coordinator, directions: [] };
      goalByCode.set(code, g);
      goals.push(g);
      return g;
    }
    if (!g.title && title) g.title = title;
    if (coordinator && (!g.coordinator || coordinator.length > g.coordinator.length)) {
      if (g.coordinator && !coordinator.startsWith(g.coordinator.split(/\s[-–—]/u)[0] ?? "")) {
        warnings.push(
          `Cel ${code}: różni koordynatorzy w dokumencie („${g.coordinator}” i „${coordinator}”).`,
        );
      }
      g.coordinator = coordinator;
    }
    return g;
  };
  for (const g of toc.goals) addGoal(g.code, g.title, g.coordinator);
  for (const g of cardGoals) addGoal(g.code, g.title, g.coordinator);
  for (const g of indicatorPart.goals) {
    const merged = addGoal(g.code, g.title, g.coordinator);
    merged.directions.push(...g.directions);
  }
  if (next) for (const g of next.goals) addGoal(g.code, g.title, g.coordinator);
  for (const p of cards.projects) if (p.goalCode) addGoal(p.goalCode, "", null);

  // Directions of card reports: titled by the tables of contents, else by the next-year list.
  const directionTitles = new Map(toc.directions);
  if (next)
    for (const [k, v] of next.directions) if (!directionTitles.has(k)) directionTitles.set(k, v);
  const directionCodes = new Set<string>([
    ...directionTitles.keys(),
    ...cards.projects.map((p) => p.symbol),
  ]);
  for (const code of [...directionCodes].sort(compareCodes)) {
    const goalCode = /^C\d{1,2}/u.exec(code)?.[0];
    if (!goalCode) continue;
    const goal = addGoal(goalCode, "", null);
    if (goal.directions.some((d) => d.code === code)) continue;
    goal.directions.push({ code, title: directionTitles.get(code) ?? "", actionLines: [] });
  }
  goals.sort((a, b) => compareCodes(a.code, b.code));

  for (const g of goals) {
    if (!g.title) warnings.push(`Cel ${g.code}: nie znaleziono tytułu.`);
  }
  if (cards.projects.length > 0) {
    for (const g of goals) {
      if (!g.coordinator && /^C/u.test(g.code))
        warnings.push(`Cel ${g.code}: nie znaleziono koordynatora.`);
    }
  }
  if (cards.projects.length === 0 && indicatorPart.indicators.length === 0 && !narrative) {
    warnings.push("Nie rozpoznano w dokumencie ani kart projektów, ani tabel wskaźników.");
  }

  const info2 = readDocumentInfo(lines, {
    cards: cards.projects.length,
    indicatorRows: indicatorPart.indicators.length,
    structure: narrative?.structure,
  });
  warnings.unshift(...info2.warnings);

  return {
    document: {
      kind: info2.kind,
      title: info2.title,
      municipality: info2.municipality,
      teryt: info2.teryt,
      program: info2.program,
      period: info2.period,
      resolution: info2.resolution,
      year: info2.year ?? reportYear,
    },
    goals,
    projects: cards.projects,
    indicators: [...indicatorPart.indicators, ...pageIndicators],
    nextYearProjects: (next?.entries ?? []).map((e) => ({ symbol: e.symbol, title: e.title })),
    // Whether one of them is the reported document itself is for the plan to tell.
    namedDocuments: findNamedDocuments(text),
    warnings,
  };
}

/** "C2" < "C10", "1.2" < "1.10". */
function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
