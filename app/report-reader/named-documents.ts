// Documents a report names with their adopting act — "1. Gminny Program Wspierania Rodziny …
// na lata 2019-2021 (Uchwała XXI/112/2019 Rady Miasta … z dnia 28 października 2019 r.)" — the
// programs that implement a strategy, or the strategy a program implements (issue 14 item 7).
// Only a title that names a program, strategy or plan, with a period or a year, followed by a
// parenthesis naming a resolution or an order, counts: a passing mention is not a document.
// Pure functions of text.
import {
  findPeriod,
  findResolution,
  isoDate,
  programOf,
  type Resolution,
} from "./document-facts.ts";
import { clean, splitLines } from "./normalise.ts";
import type { SourceRef } from "./types.ts";

export type NamedDocument = {
  title: string;
  /** A document kind of Busola: strategy, family_support, …, other. */
  kind: string;
  period: { start: number; end: number };
  resolution: Resolution | null;
  /** The line that names it, for the review page. */
  source?: SourceRef;
};

// A list mark before the title: "1.", "2)", "a)", "–", "•".
const LIST_MARK = /^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-–—•●▪*])\s*/u;
// The title opens the line or list item: further in, it is a mention inside a sentence.
const TITLE_START =
  /^[„"]?(?=(?:(?:Gminn|Miejsk|Powiatow|Lokaln|Wieloletni|Rządow)\p{L}*\s+){0,2}(?:Program|Strategi|Plan)\p{L}*\s)/u;
// The title runs up to the parenthesis that holds the act (whose closing one a conversion to
// text may have lost: only its start is needed).
const WITH_ACT = /^([^()]{10,300}?)\s*\(([^()]{10,600})/u;
// Or the act follows in words: "…na rok 2016, przyjęty uchwałą Nr XV/123/2015 Rady Miasta…".
const ADOPTED_BY =
  /^([^()]{10,300}?)[\s,]+(?:przyjęt|uchwalon|zatwierdzon|wprowadzon)\p{L}*\s+((?:uchwał|zarządzeni)\p{L}*\s[^()]{10,400})/iu;
const ACT = /(?<!\p{L})(?:uchwał|zarządzeni)\p{L}*/iu;
const ORDER =
  /zarządzeni\p{L}*\s+(?:nr\.?\s*)?([\w/.-]+\/\d{4})\s*(.*?)\s*z\s+dnia\s+([^()]{6,30}?\d{4})/iu;
const ONE_YEAR = /\bna\s+(?:rok\s+((?:19|20)\d{2})|((?:19|20)\d{2})\s+rok)\b/iu;

function periodOf(title: string): { start: number; end: number } | null {
  const period = findPeriod(title);
  if (period) return period;
  const one = ONE_YEAR.exec(title);
  const year = Number(one?.[1] ?? one?.[2]);
  return one ? { start: year, end: year } : null;
}

function actOf(text: string): Resolution | null {
  const resolution = findResolution(text);
  if (resolution && resolution.number) return resolution;
  const order = ORDER.exec(text);
  if (!order) return null;
  return {
    number: order[1] ?? "",
    date: isoDate(order[3] ?? ""),
    body: clean(order[2] ?? "").replace(/^Dyrektora(?!\p{L})/u, "Dyrektor") || null,
  };
}

const key = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, " ")
    .trim();

/**
 * The documents `text` names with their act, in order, each once; `own` (the reported
 * document's title) is left out.
 */
export function findNamedDocuments(text: string, own: string | null = null): NamedDocument[] {
  const seen = new Set<string>(own ? [key(own)] : []);
  const out: NamedDocument[] = [];
  for (const [index, rawLine] of splitLines(text).entries()) {
    const line = clean(rawLine.replace(LIST_MARK, ""));
    const start = TITLE_START.exec(line);
    if (!start) continue;
    const rest = line.slice(start[0].length);
    // Of the two forms, the one whose title ends first (the other ran past the act).
    const found = [WITH_ACT.exec(rest), ADOPTED_BY.exec(rest)]
      .filter((m): m is RegExpExecArray => !!m && ACT.test(m[2] ?? ""))
      .sort((a, b) => (a[1] ?? "").length - (b[1] ?? "").length)[0];
    if (!found) continue;
    const title = clean(found[1] ?? "").replace(/[\s,.;:–”"-]+$/u, "");
    const period = periodOf(title);
    if (!period || seen.has(key(title))) continue;
    seen.add(key(title));
    out.push({
      title,
      kind: /^(?:\p{L}+\s+)?strategi/iu.test(title) ? "strategy" : (programOf(title) ?? "other"),
      period,
      resolution: actOf(found[2] ?? ""),
      source: { line: index + 1, text: line.length > 400 ? `${line.slice(0, 400)}…` : line },
    });
  }
  return out;
}
