// Project cards: a heading "Title [C1K7]" (the title may break across lines, the symbol may
// stand alone on the last line) followed by labelled fields in any order. Cards that only point
// to another report, or say the project was not carried out, have no fields.
import {
  clean,
  endsSentence,
  isBlank,
  isCellLine,
  isTsvRow,
  similarity,
  startsLowercase,
} from "./normalise.ts";
import { matchFieldLabel, type FieldKey } from "./card-field-headings.ts";
import { goalCodeOfSymbol, headingSymbol } from "./symbols.ts";
import { parseBudget } from "./budget.ts";
import { findLabelledCards } from "./labelled-cards.ts";
import type { ProjectFields, ProjectStatus, ProposedProject } from "./types.ts";

export type CardOptions = {
  /** Titles by symbol from the document's own tables of contents, used to find where a
   *  multi-line title starts. */
  tocTitles: Map<string, string[]>;
  /** Lines that belong to goal headings and coordinator blocks (0-based). */
  structural: Set<number>;
  /** Year the report covers, to tell a project that ended from one that goes on. */
  year: number | null;
  /** Lines the document's markup styles as headings (DOCX, HTML), 0-based. */
  headings?: Map<number, number>;
  /** Look for cards without symbols by their field labels (not in project web pages). */
  labelledCards?: boolean;
};

type Heading = {
  line: number;
  symbol: string;
  head: string;
  titleStart: number;
  title: string;
  /** Found by its field labels alone: the document gives it no symbol. */
  labelled?: boolean;
};

const MAX_TITLE_LINES = 3;
const MAX_TITLE_LINE_LENGTH = 220;
// A heading guessed from layout alone must look like a title line, not like prose.
const MAX_HEURISTIC_LINE_LENGTH = 150;
const TOC_MATCH = 0.6;

export function findCardHeadings(lines: string[], from: number, to: number): Heading[] {
  const out: Heading[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    if (isCellLine(line) || isTsvRow(line) || line.length > 400) continue;
    const h = headingSymbol(line);
    if (!h) continue;
    out.push({
      line: i,
      symbol: h.symbol,
      head: clean(h.head),
      titleStart: i,
      title: clean(h.head),
    });
  }
  return out;
}

function isHardStop(line: string, index: number, opts: CardOptions): boolean {
  const t = line.trim();
  return (
    opts.structural.has(index) ||
    isCellLine(line) ||
    isTsvRow(line) ||
    matchFieldLabel(line) !== null ||
    headingSymbol(line) !== null ||
    /^[•·▪\-–—*]/u.test(t) ||
    /^\d+[.)]\s/u.test(t) ||
    t.length > MAX_TITLE_LINE_LENGTH
  );
}

/** Candidate titles: the heading line alone, then with 1…3 preceding non-blank lines. */
function titleCandidates(
  lines: string[],
  h: Heading,
  floor: number,
  opts: CardOptions,
): { start: number; parts: string[] }[] {
  const candidates = [{ start: h.line, parts: h.head ? [h.head] : [] }];
  let parts = candidates[0]?.parts ?? [];
  for (let i = h.line - 1; i > floor && candidates.length <= MAX_TITLE_LINES; i--) {
    const line = lines[i] ?? "";
    if (isBlank(line)) continue;
    if (isHardStop(line, i, opts)) break;
    parts = [clean(line), ...parts];
    candidates.push({ start: i, parts });
  }
  return candidates;
}

function chooseTitle(
  lines: string[],
  h: Heading,
  floor: number,
  opts: CardOptions,
  warnings: string[],
): void {
  const candidates = titleCandidates(lines, h, floor, opts);
  const toc = opts.tocTitles.get(h.symbol) ?? [];
  if (toc.length > 0) {
    let best = 0;
    let bestScore = -1;
    candidates.forEach((c, k) => {
      const text = c.parts.join(" ");
      const score = Math.max(...toc.map((t) => similarity(text, t)));
      // A longer candidate must be clearly better to win: extra lines are the risk.
      if (score > bestScore + 0.02) {
        best = k;
        bestScore = score;
      }
    });
    if (bestScore >= TOC_MATCH) {
      const c = candidates[best];
      if (c) {
        h.titleStart = c.start;
        h.title = clean(c.parts.join(" "));
      }
      return;
    }
  }
  // No table of contents to compare with: extend upwards only where the layout says the title
  // is broken — the heading line is empty or starts in lowercase, or the line above reads like
  // a title fragment (no final punctuation, no "label: value") after a finished sentence.
  let k = 0;
  while (k + 1 < candidates.length) {
    const current = candidates[k];
    const next = candidates[k + 1];
    if (!current || !next) break;
    const first = current.parts[0] ?? "";
    const above = next.parts[0] ?? "";
    const mustExtend = current.parts.length === 0 || startsLowercase(first);
    const aboveAbove = previousNonBlank(lines, next.start, floor);
    const looksLikeFragment =
      !endsSentence(above) &&
      !/:\s/u.test(above) &&
      above.length <= MAX_HEURISTIC_LINE_LENGTH &&
      (aboveAbove === null ||
        endsSentence(aboveAbove.text) ||
        isHardStop(aboveAbove.text, aboveAbove.index, opts));
    if (!mustExtend && !looksLikeFragment) break;
    k++;
  }
  const c = candidates[k];
  if (c) {
    h.titleStart = c.start;
    h.title = clean(c.parts.join(" "));
  }
  if (toc.length > 0) {
    warnings.push(
      `Tytuł projektu ${h.symbol} (wiersz ${h.line + 1}) nie odpowiada żadnej pozycji spisu treści — sprawdź, gdzie zaczyna się tytuł.`,
    );
  }
}

function previousNonBlank(
  lines: string[],
  index: number,
  floor: number,
): { text: string; index: number } | null {
  for (let i = index - 1; i > floor; i--) {
    const line = lines[i] ?? "";
    if (!isBlank(line)) return { text: line, index: i };
  }
  return null;
}

const NOT_CARRIED_OUT =
  /(?:projekt|zadani|program|przedsięwzię)[^.]{0,160}?nie\s+(?:był[oa]?|został[oa]?|zostały|było|były)\s+(?:z)?realizowan|nie\s+(?:z)?realizowano\s+[^.]{0,40}?(?:projekt|zadani|program)|nie\s+został[oa]?\s+zrealizowan|(?:projekt|zadanie)\s+nie\s+(?:odbył[oa]?\s+się|był[oa]?\s+realizowan)/iu;
const REPORTED_ELSEWHERE =
  /sprawozdani\w*[^.]{0,200}?(?:będzie|zostanie|jest|są)\s+(?:zamieszczon|wykazywan|opublikowan|przedstawion|ujęt|zawart)|(?:wykazywan|zamieszczon|ujęt)\w*\s+(?:będzie|jest)?\s*w\s+sprawozdani/iu;
const FINISHED =
  /zakończon[oa]?\s+realizacj|zakończono\s+realizacj|(?:projekt|zadanie)\s+(?:został[oa]?\s+)?zakończon/iu;
const CONTINUES = /kontynuowan|realizowan[ya]\s+(?:nadal|do\s+nadal)/iu;

function sentenceAround(text: string, index: number): string {
  const before = text.lastIndexOf(". ", index);
  const start = before < 0 ? 0 : before + 2;
  const after = text.indexOf(". ", index);
  const end = after < 0 ? text.length : after + 1;
  return clean(text.slice(start, end));
}

function decideStatus(
  preamble: string,
  fields: Partial<Record<FieldKey, string>>,
  hasFields: boolean,
  year: number | null,
): { status: ProjectStatus; reason: string | null } {
  const pre = clean(preamble);
  if (!hasFields && REPORTED_ELSEWHERE.test(pre))
    return { status: "reported_elsewhere", reason: pre };
  const scope = clean(
    [pre, fields.goal ?? "", fields.timeframe ?? "", fields.implementers ?? ""].join(" "),
  );
  const notDone = NOT_CARRIED_OUT.exec(scope);
  if (notDone) return { status: "not_carried_out", reason: sentenceAround(scope, notDone.index) };
  const ended = FINISHED.exec(scope);
  if (ended) return { status: "finished", reason: sentenceAround(scope, ended.index) };
  const timeframe = clean(fields.timeframe ?? "");
  if (year !== null && timeframe && !CONTINUES.test(timeframe)) {
    // "realizowany od 1.IV.2018 r. do 31.VII.2020 r." in the 2020 report: it ended this year.
    const until = /\bdo\s+(?:\S+\s+){0,2}?\S*?(\d{4})\s*r?/iu.exec(timeframe);
    const endYear = until ? Number(until[1]) : null;
    if (endYear !== null && endYear <= year) return { status: "finished", reason: timeframe };
  }
  return { status: "carried_out", reason: null };
}

function joinField(parts: string[]): string | null {
  const text = parts
    .join("\n")
    .replace(/[ \t]+/gu, " ")
    .replace(/ *\n */gu, "\n")
    .replace(/\n{2,}/gu, "\n")
    .trim();
  return text === "" ? null : text;
}

/** A heading styled as such: its text with the styled lines right above, symbol removed. */
function styledTitle(lines: string[], h: Heading, headings: Map<number, number>): void {
  let start = h.line;
  const level = headings.get(h.line);
  while (headings.get(start - 1) === level && !isBlank(lines[start - 1] ?? "")) start--;
  const text = clean(lines.slice(start, h.line + 1).join(" "));
  h.titleStart = start;
  h.title = clean(headingSymbol(text)?.head ?? text);
}

/**
 * Card headings with their titles: symbol headings ("Title [C1K7]") — titled by the document's
 * heading style where it has one, else by the table of contents and the layout — or, in a
 * document without symbols, cards found by their field labels, numbered P1, P2, ….
 */
function cardHeadings(
  lines: string[],
  from: number,
  to: number,
  opts: CardOptions,
  warnings: string[],
): Heading[] {
  const styled = opts.headings ?? new Map<number, number>();
  const headings = findCardHeadings(lines, from, to);
  let floor = from - 1;
  for (const h of headings) {
    if (styled.has(h.line)) styledTitle(lines, h, styled);
    else chooseTitle(lines, h, floor, opts, warnings);
    floor = h.line;
  }
  if (headings.length > 0 || !opts.labelledCards) return headings;
  const labelled = findLabelledCards(lines, from, to, styled).map((c, k) => ({
    line: c.line,
    symbol: `P${k + 1}`,
    head: c.title,
    titleStart: c.line,
    title: c.title,
    labelled: true,
  }));
  if (labelled.length > 0) {
    warnings.push(
      `Karty projektów nie mają symboli — nadano kolejne numery P1–P${labelled.length}; wpisz symbole ze strategii przed zapisaniem.`,
    );
  }
  return labelled;
}

export function parseProjectCards(
  lines: string[],
  from: number,
  to: number,
  opts: CardOptions,
): { projects: ProposedProject[]; warnings: string[] } {
  const warnings: string[] = [];
  const headings = cardHeadings(lines, from, to, opts, warnings);

  const projects: ProposedProject[] = [];
  headings.forEach((h, k) => {
    const next = headings[k + 1];
    let end = next ? next.titleStart : to;
    // A goal heading between two cards ends the first one.
    for (let i = h.line + 1; i < end; i++) {
      if (opts.structural.has(i)) {
        end = i;
        break;
      }
    }
    const collected = new Map<FieldKey, string[]>();
    const preamble: string[] = [];
    let current: FieldKey | null = null;
    for (let i = h.line + 1; i < end; i++) {
      const line = lines[i] ?? "";
      const label = matchFieldLabel(line);
      if (label && label.key !== current) {
        current = label.key;
        const list = collected.get(current) ?? [];
        collected.set(current, list);
        if (label.rest) list.push(label.rest);
        continue;
      }
      if (current === null) preamble.push(line);
      else collected.get(current)?.push(line);
    }
    const text = (key: FieldKey) => joinField(collected.get(key) ?? []);
    const effectsParts = [
      text("effects"),
      text("indicators"),
      text("evaluation") ? `Zasady ewaluacji: ${text("evaluation")}` : null,
    ].filter((x): x is string => x !== null);
    const fields: ProjectFields = {
      goal: text("goal"),
      addressees: text("addressees"),
      implementers: text("implementers"),
      stages: text("stages"),
      effects: effectsParts.length > 0 ? effectsParts.join("\n") : null,
      funding: text("funding"),
      timeframe: text("timeframe"),
    };
    const hasFields = collected.size > 0;
    const plain: Partial<Record<FieldKey, string>> = {};
    for (const [key, parts] of collected) plain[key] = joinField(parts) ?? "";
    const { status, reason } = decideStatus(preamble.join("\n"), plain, hasFields, opts.year);
    if (!hasFields && status === "carried_out") {
      warnings.push(
        `Projekt ${h.symbol} „${h.title}” (wiersz ${h.line + 1}) nie ma pól karty ani informacji o statusie — sprawdź.`,
      );
    }
    if (!h.title) {
      warnings.push(`Projekt ${h.symbol} (wiersz ${h.line + 1}) nie ma tytułu.`);
    }
    projects.push({
      symbol: h.symbol,
      title: h.title,
      goalCode: goalCodeOfSymbol(h.symbol),
      directionCode: h.labelled ? null : h.symbol,
      status,
      statusReason: reason ?? (hasFields ? null : joinField(preamble)),
      fields,
      budget: fields.funding ? parseBudget(fields.funding) : null,
      source: {
        line: h.titleStart + 1,
        text: clean(lines.slice(h.titleStart, h.line + 1).join(" ")),
      },
    });
  });
  return { projects, warnings };
}
