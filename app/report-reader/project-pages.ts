// Project web pages (a municipal centre's "our projects" pages pasted one after another): no
// symbols and no numbered cards, but each project has a funding block — "Całkowita wartość
// projektu: … zł", then one line per source ("dofinansowanie z UE: … (85%)", "budżet państwa",
// "wkład własny") — usually near an "Okres realizacji" line. Each funding block becomes one
// project. Amounts are read as written, never reconciled: whether the parts add up is the
// validation rules' job.
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { clean } from "./normalise.ts";
import { readPageIndicators } from "./page-indicators.ts";
import { findPageTitle } from "./page-titles.ts";
import type { BudgetPart, ProposedBudget, ProposedIndicator, ProposedProject } from "./types.ts";

// An amount with its currency: "6 807 342,26 PLN", "48.960,00 zł", "17 313, 94 zł",
// "90 tysięcy złotych", "12 tys. zł".
const MONEY =
  /(?<![\d,.])(\d{1,3}(?:[ \u00A0.]\d{3})+(?:,\s?\d{1,2})?|\d+(?:,\s?\d{1,2})?)\s*(tys(?:ięcy|iące|iąc|\.)?\s*)?(?:zł(?:otych)?|PLN)(?!\p{L})/gu;
// An amount without currency, accepted only right after a total label ("wynosi 999 996,50.").
const BARE_TOTAL =
  /(wartość projektu|całkowita wartość|koszt całkowity)[^\d]{0,20}(\d{1,3}(?:[ \u00A0.]\d{3})+(?:,\d{1,2})?)/iu;
const PERCENT = /^\s*\(?\s*(\d{1,3}(?:,\d+)?)\s*%/u;
const HEADING = /^[\s•\-–]*budżet\b[^:]{0,60}:\s*$/iu;
const TOTAL_LABEL = /wartość|koszt|ogółem|łącznie|razem|całkowit|budżet|suma/iu;
const PART_LABEL =
  /dofinansowani|wkład|własn|unijn|\bUE\b|Unii|EFS|państwa|dotacj|fundusz|środk|ministerstw|MRPiPS|MPiPS/iu;
const PERIOD =
  /okres realizacji(?: po zmianie)?|projekt (?:zrealizowany|realizowany) był w okresie/iu;
const MAX_PERIOD_LINE = 200;
const BOUNDARY = /^\s*(?:logo|logotyp|plakat)\b/iu;
const MAX_LINE_IN_BLOCK = 300;
const MAX_LABEL = 80;
const MAX_FIELD = 600;
// What a page states about its project, wherever it stands in the description.
const GOAL =
  /(?:główn\p{L}*\s+cel\p{L}*|cel\p{L}*\s+główn\p{L}*|\bcel(?:em)?\s+(?:projektu|programu|zadania))(?!\p{L})/iu;
const ADDRESSEES =
  /(?:\b(?:skierowan|adresowan)\p{L}*\s+(?:był\p{L}*\s+|jest\s+)?do\b|\buczestnikami\s+projektu\s+(?:będą|są|byli|były)\b|^\s*(?:grupa docelowa|adresaci|uczestnicy(?: projektu)?)\s*:)/iu;
const IMPLEMENTERS =
  /(?:\brealizatorem\b|\brealizowan\p{L}*\s+(?:jest\s+|był\p{L}*\s+)?przez\b|\bwe współpracy z\b|^\s*partner(?:zy|em)?\s*(?:projektu)?\s*:)/iu;
const PROSE_PERIOD =
  /w okresie\s+(?:od\s+)?\d{1,2}\.\d{1,2}\.\d{4}\s*(?:r\.)?\s*(?:-|–|do)\s*\d{1,2}\.\d{1,2}\.\d{4}/iu;

type Money = { index: number; end: number; amount: number | null };

function readMoney(line: string): Money[] {
  const out: Money[] = [];
  for (const m of line.matchAll(MONEY)) {
    const parsed = parsePolishNumber((m[1] ?? "").replace(/,\s+/u, ","));
    let amount = "error" in parsed ? null : parsed.value;
    if (amount !== null && m[2]) amount = Math.round(amount * 1000 * 100) / 100;
    out.push({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, amount });
  }
  return out;
}

function isMoneyLine(line: string): boolean {
  return readMoney(line).length > 0;
}

/** Strips bullets, ordinals and connecting punctuation around a label. */
function tidyLabel(text: string): string {
  return clean(
    text
      .replace(/^[\s•\-–—]*(?:\d{1,2}\.\s+)?/u, "")
      .replace(/\(\s*\d{1,3}(?:,\d+)?\s*%\s*\)/gu, "")
      .replace(/\b(?:w tym|z tego|a)\s*[:,]?\s*$/iu, "")
      .replace(/[\s:,;.–—-]+$/u, "")
      .replace(/^[\s:,;.–—-]+/u, ""),
  );
}

type Marker = { indent: number; bullet: string };

function markerOf(line: string): Marker {
  const m = /^(\s*)([•\-–—*]|\d{1,2}\.)?/u.exec(line);
  return { indent: m?.[1]?.length ?? 0, bullet: (m?.[2] ?? "").replace(/\d+/u, "1") };
}

/** A line under a "w tym:" part belongs to it while it is set deeper: its own bullet under an
 *  unbulleted or differently bulleted parent, or the same bullet indented further. */
function isDeeper(child: Marker, parent: Marker): boolean {
  if (child.bullet === "") return false;
  return child.bullet !== parent.bullet || child.indent > parent.indent;
}

const OF_WHICH = /^\s*[(),]?\s*(?:\(\s*\d{1,3}(?:,\d+)?\s*%\s*\)\s*,?\s*)?w\s+tym\b/iu;

/** The funding block's lines → total and parts, in the order written. A part followed by
 *  "w tym" keeps its sub-parts right after it, marked `ofWhich` (part of it, not of the total). */
export function readFundingBlock(lines: string[]): ProposedBudget | null {
  let total: number | null = null;
  const parts: BudgetPart[] = [];
  // Typed by assertion: the forEach callback below writes it, which narrowing cannot see.
  let parent = null as { source: string; marker: Marker } | null;
  for (const line of lines) {
    const money = readMoney(line);
    if (money.length === 0) {
      const bare = BARE_TOTAL.exec(line);
      if (bare && total === null) {
        const parsed = parsePolishNumber(bare[2] ?? "");
        if (!("error" in parsed)) total = parsed.value;
      }
      continue;
    }
    const marker = markerOf(line);
    if (parent && !isDeeper(marker, parent.marker)) parent = null;
    const lineParent = parent;
    const first = money[0];
    if (first && total === null) {
      const bare = BARE_TOTAL.exec(line.slice(0, first.index));
      if (bare) {
        const parsed = parsePolishNumber(bare[2] ?? "");
        if (!("error" in parsed)) total = parsed.value;
      }
    }
    let inlineParent: string | null = null;
    money.forEach((m, k) => {
      const prevEnd = k === 0 ? 0 : (money[k - 1]?.end ?? 0);
      const nextStart = money[k + 1]?.index ?? line.length;
      const after = line.slice(m.end, nextStart);
      const percentMatch = PERCENT.exec(after);
      const percentParsed = percentMatch ? parsePolishNumber(percentMatch[1] ?? "") : null;
      const percent = percentParsed && !("error" in percentParsed) ? percentParsed.value : null;
      let label = tidyLabel(line.slice(prevEnd, m.index)).slice(-MAX_LABEL);
      // Amount first: "100 000 zł – dotacja MRPiPS".
      if (!/\p{L}/u.test(label)) label = tidyLabel(after).slice(0, MAX_LABEL);
      const isTotal = TOTAL_LABEL.test(label) && !PART_LABEL.test(label) && percent === null;
      if (isTotal && total === null) {
        total = m.amount;
        return;
      }
      const owner = inlineParent ?? lineParent?.source ?? null;
      const part: BudgetPart = { source: label, amount: m.amount, percent };
      if (owner !== null) {
        part.ofWhich = true;
        part.parentSource = owner;
      }
      parts.push(part);
      if (owner === null && OF_WHICH.test(after)) {
        // "w tym" closing the line opens a sub-list below; inside the line it governs the rest.
        if (k === money.length - 1) parent = { source: label, marker };
        else inlineParent = label;
      }
    });
  }
  if (total === null && parts.length === 0) return null;
  return { total, parts };
}

type Block = { start: number; end: number; budget: ProposedBudget | null };

/** Funding blocks: a "Budżet …:" heading or a line with a total label and an amount, then the
 *  amount lines that follow (blank lines between them allowed). */
export function findFundingBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heading = HEADING.test(line);
    const opensWithTotal =
      (isMoneyLine(line) || BARE_TOTAL.test(line)) &&
      TOTAL_LABEL.test(line) &&
      /wartość|koszt całkowity|ogółem|razem|budżet/iu.test(line);
    if (!heading && !opensWithTotal) continue;
    let end = i;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] ?? "";
      if (next.trim() === "") continue;
      if (next.length > MAX_LINE_IN_BLOCK || !isMoneyLine(next)) {
        // A heading's first line may be prose with the amounts ("Koszt całkowity wynosił …").
        if (heading && end === i && (isMoneyLine(next) || BARE_TOTAL.test(next))) {
          end = j;
          continue;
        }
        break;
      }
      end = j;
    }
    const budget = readFundingBlock(lines.slice(i, end + 1));
    blocks.push({ start: i, end, budget });
    i = end;
  }
  return blocks;
}

/** The sentence of a line that contains `at`, cut at a sentence end ("…r. Głównym"). */
function sentenceAround(line: string, at: number): string {
  const before = line.slice(0, at + 1);
  const starts = [...before.matchAll(/[.!?]\s+(?=\p{Lu})/gu)];
  const last = starts.at(-1);
  const start = last ? (last.index ?? 0) + last[0].length : 0;
  const rest = line.slice(at);
  const end = /\.(?=\s+\p{Lu}|\s*$)/u.exec(rest);
  const sentence = line.slice(start, end ? at + (end.index ?? 0) + 1 : line.length);
  return clean(sentence.replace(/^[\s•\-–—]*(?:\d{1,2}\.\s+)?/u, "")).slice(0, MAX_FIELD);
}

/** The first sentence of a page that states what `re` looks for, as written. */
function statedField(
  lines: string[],
  from: number,
  to: number,
  re: RegExp,
  accept: (sentence: string) => boolean = () => true,
): string | null {
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    if (BOUNDARY.test(line)) continue;
    const m = re.exec(line);
    if (!m) continue;
    const sentence = sentenceAround(line, m.index ?? 0);
    if (accept(sentence)) return sentence;
  }
  return null;
}

// "…realizowane były przez pracowników dyżury" names who does a task, not who runs the project.
const isAboutProject = (s: string) =>
  /^(?:projekt|zadanie|program)|realizatorem|^\s*partner/iu.test(s);

export function looksLikeProjectPages(lines: string[]): boolean {
  const blocks = findFundingBlocks(lines).filter((b) => b.budget !== null);
  const periods = lines.filter((l) => l.length < MAX_PERIOD_LINE && PERIOD.test(l)).length;
  return blocks.length >= 3 && periods >= 2;
}

/** Pages have no symbols; the importer numbers them in document order ("P1", "P2", …) so that
 *  the page's indicators can point at their project until the coordinator assigns real ones. */
export function pageSymbol(k: number): string {
  return `P${k + 1}`;
}

export function parseProjectPages(lines: string[]): {
  projects: ProposedProject[];
  indicators: ProposedIndicator[];
  warnings: string[];
} {
  const blocks = findFundingBlocks(lines);
  const projects: ProposedProject[] = [];
  const indicators: ProposedIndicator[] = [];
  const warnings: string[] = [];
  const opens = (l: string) =>
    BOUNDARY.test(l) || (l.length < MAX_PERIOD_LINE && /^\s*okres realizacji/iu.test(l));
  // A page starts at the last logo/poster or "Okres realizacji" line before its funding block
  // (after the previous block), else right after the previous block.
  const pageStarts = blocks.map((b, k) => {
    const prevEnd = k === 0 ? 0 : (blocks[k - 1]?.end ?? 0) + 1;
    for (let i = b.start - 1; i >= prevEnd; i--) {
      if (!opens(lines[i] ?? "")) continue;
      // Logos, posters and notices stacked just above the period belong to the same page.
      let start = i;
      for (let j = i - 1; j >= prevEnd; j--) {
        const l = lines[j] ?? "";
        if (l.trim() === "" || BOUNDARY.test(l) || /^\s*uwaga\b/iu.test(l)) {
          if (l.trim() !== "") start = j;
        } else break;
      }
      return start;
    }
    return prevEnd;
  });
  blocks.forEach((b, k) => {
    const pageStart = pageStarts[k] ?? 0;
    const nextStart = pageStarts[k + 1] ?? lines.length;
    // The page's own text ends where the next page's logos or period begin, even when that page
    // has no funding block of its own and so is not a project here.
    let pageEnd = nextStart;
    for (let i = b.end + 1; i < nextStart; i++) {
      if (opens(lines[i] ?? "")) {
        pageEnd = i;
        break;
      }
    }
    const symbol = pageSymbol(k);
    let timeframe: string | null = null;
    for (let i = b.start - 1; i >= pageStart && timeframe === null; i--) {
      const l = lines[i] ?? "";
      if (l.length < MAX_PERIOD_LINE && PERIOD.test(l) && !/pierwotny/iu.test(l))
        timeframe = clean(l.slice(PERIOD.exec(l)?.index ?? 0));
    }
    if (timeframe === null) {
      for (let i = pageStart; i < pageEnd && timeframe === null; i++) {
        const m = PROSE_PERIOD.exec(lines[i] ?? "");
        if (m) timeframe = clean(m[0]);
      }
    }
    const floor = k === 0 ? 0 : (blocks[k - 1]?.end ?? 0) + 1;
    const { title, from } = findPageTitle(lines, { pageStart, end: pageEnd, floor });
    const source = clean(lines[b.start] ?? "");
    if (!title)
      warnings.push(
        `Strona projektu (wiersz ${b.start + 1}): nie znaleziono tytułu — wpisz go; symbol ${symbol} nadał import.`,
      );
    else if (from === "programme")
      warnings.push(
        `Projekt ${symbol} „${title}”: strona nie podaje nazwy projektu, tytuł to nazwa programu lub konkursu — sprawdź; symbol ${symbol} nadał import.`,
      );
    else warnings.push(`Projekt ${symbol} „${title}”: strona bez symbolu — symbol nadał import.`);
    if (!b.budget)
      warnings.push(`Projekt w wierszu ${b.start + 1}: budżet bez kwot („${source}”).`);
    const page = readPageIndicators(lines, pageStart, pageEnd, symbol);
    indicators.push(...page.indicators);
    projects.push({
      symbol,
      title,
      goalCode: null,
      directionCode: null,
      status: "carried_out",
      statusReason: null,
      fields: {
        goal: statedField(lines, pageStart, pageEnd, GOAL),
        addressees: statedField(lines, pageStart, pageEnd, ADDRESSEES),
        implementers: statedField(lines, pageStart, pageEnd, IMPLEMENTERS, isAboutProject),
        stages: null,
        effects: null,
        funding: clean(lines.slice(b.start, b.end + 1).join(" ")) || null,
        timeframe,
      },
      budget: b.budget,
      source: { line: b.start + 1, text: source },
    });
  });
  return { projects, indicators, warnings };
}
