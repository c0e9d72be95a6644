// Splits the "Uwagi" (remarks) cell of an indicator table into per-institution contributions:
//   "PUP - 725 Fundacja Pomocna Dłoń/CIS - 135"         → PUP 725, Fundacja Pomocna Dłoń/CIS 135
//   "KPP – ok. 600 Zespół Kuratorski – 0"               → KPP ≈600, Zespół Kuratorski 0
//   "MOPS – 263, w tym - psycholog 219 osób, - … - 44" → MOPS 263 of which psycholog 219, … 44
// Remarks mix numbers with free text (project names, years, notes), so a number counts as a
// contribution only in an "institution – number" shape, and the institution is the run of
// name-like words right before the dash. "w tym" opens a sub-breakdown that is part of the
// value before it; it ends when its items add up to that value. Nothing here checks totals —
// a mismatch is reported by the validation rules, not repaired.
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { canonicalContributions } from "./contribution-forms.ts";
import { clean, stripMarkup } from "./normalise.ts";
import type { Contribution, OfWhich } from "./types.ts";

export type SplitResult = { contributions: Contribution[]; uncertain: string[] };

type NumberToken = { start: number; end: number; value: number; approximate: boolean };

// "1 294 143" (groups of three), "1718", "2,5"; an optional "ok." in front.
const NUMBER = /(?:(?:ok\.|około|ca\.?|~)\s*)?(?:\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:,\d+)?/giu;
const DASH_AT_END = /[-–—]\s*$/u;
const W_TYM = /^\s*[,;]?\s*w\s+tym\s*:?/iu;
// Where one "w tym" item ends and the next begins: a bullet after a comma, a semicolon, a
// sentence end.
const ITEM_BOUNDARY = /(?:[,;]\s*[-–—•]\s*|;\s*|\.\s+(?=[\p{Lu}„"])|^\s*[-–—•]\s*)/gu;

function numbersOf(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    // Ranges and dates are not values: "2019-2021", "2021 -2026", "1.01.2020", "2020 r.", "5+",
    // "10%".
    if (/\d\s*[-–—/.]\s*$/u.test(before) || /\p{L}$/u.test(before)) continue;
    if (/^\s*[-–—]\s*\d/u.test(after) || /^[.:/]\d/u.test(after)) continue;
    if (/^\s*(?:r\.|rok|roku)(?!\p{L})/iu.test(after) && /^\d{4}/u.test(m[0].trim())) continue;
    if (/^\s*[+%]/u.test(after) || /^\p{L}/u.test(after)) continue;
    const parsed = parsePolishNumber(m[0]);
    if ("error" in parsed || parsed.value === null) continue;
    out.push({ start, end, value: parsed.value, approximate: parsed.approximate });
  }
  return out;
}

type TokenClass = "acronym" | "capitalised" | "compound" | "other";

function classify(token: string): TokenClass {
  if (/[,.;:()]$/u.test(token) || /^[(„"«]/u.test(token)) return "other";
  if (token.includes("/") && /^\p{Lu}/u.test(token)) return "compound";
  const upper = (token.match(/\p{Lu}/gu) ?? []).length;
  const lower = (token.match(/\p{Ll}/gu) ?? []).length;
  // "MOPS", "UM", "WEiSS", "WSBiP" — but not "Psychologiczno-Pedagogiczna".
  if (/^\p{Lu}/u.test(token) && upper >= 2 && upper >= lower && /^[\p{L}-]+$/u.test(token)) {
    return "acronym";
  }
  if (/^\p{Lu}\p{Ll}[\p{L}-]*$/u.test(token)) return "capitalised";
  return "other";
}

/**
 * The institution name at the end of `text`: a run of acronyms ("UM WEiSS") or of capitalised
 * words ("Zespół Kuratorski", "Fundacja Pomocna Dłoń/CIS"), optionally followed by a quoted
 * name ("WTZ „Szansa”"). Mixed runs keep only their last kind, because what precedes is usually
 * the tail of a note about the previous institution.
 */
export function institutionAtEnd(text: string): string {
  const tokens = clean(text)
    .split(" ")
    .filter((t) => t !== "");
  let end = tokens.length;
  let quoted = "";
  const last = tokens[end - 1] ?? "";
  if (/[”"»]$/u.test(last)) {
    let k = end - 1;
    while (k >= 0 && !/^[„"«]/u.test(tokens[k] ?? "")) k--;
    if (k > 0) {
      const q = tokens.slice(k, end).join(" ");
      const before = classify(tokens[k - 1] ?? "");
      if (before !== "other" && /^[„"«]\p{Lu}/u.test(q)) {
        quoted = q;
        end = k;
      }
    }
  }
  let kind: TokenClass | null = null;
  let start = end;
  for (let k = end - 1; k >= 0; k--) {
    const c = classify(tokens[k] ?? "");
    if (c === "other") break;
    if (c === "compound") {
      start = k;
      continue;
    }
    if (kind === null) kind = c;
    if (c !== kind) break;
    start = k;
  }
  if (start === end) return "";
  return clean([...tokens.slice(start, end), quoted].join(" "));
}

/** Label of a "w tym" item written before its number: the text after the last boundary. */
function labelBefore(segment: string): string {
  const text = segment.replace(DASH_AT_END, "");
  let from = 0;
  for (const m of text.matchAll(ITEM_BOUNDARY)) from = (m.index ?? 0) + m[0].length;
  return clean(
    text
      .slice(from)
      .replace(/^[\s,;:–—•-]+/u, "")
      .replace(/[\s,;:(]+$/u, ""),
  );
}

/** Label written after the number ("– 31 wniosków rozpatrzono pozytywnie, – 14 …"). */
function labelAfter(text: string, from: number): { label: string; end: number } {
  const rest = text.slice(from);
  const stop = /[,;]\s*[-–—•]|;|\.\s|\s[-–—]\s*\d|\.?$/u.exec(rest);
  const end = from + (stop?.index ?? rest.length);
  return {
    label: clean(
      text
        .slice(from, end)
        .replace(/^[\s)]+/u, "")
        .replace(/[.\s]+$/u, ""),
    ),
    end,
  };
}

type Item = OfWhich & { segmentStart: number; institutionLike: boolean };

function readOfWhich(
  text: string,
  numbers: NumberToken[],
  from: number,
  parentValue: number | null,
): { items: Item[]; closedAt: number | null } {
  const items: Item[] = [];
  let cursor = from;
  let sum = 0;
  for (const n of numbers) {
    if (n.start < cursor) continue;
    const segment = text.slice(cursor, n.start);
    const segmentStart = cursor;
    const dash = DASH_AT_END.test(segment);
    const before = labelBefore(segment);
    let label: string;
    let end = n.end;
    if (/\(\s*$/u.test(segment)) {
      label = before;
      const close = text.indexOf(")", n.end);
      end = close >= 0 ? close + 1 : n.end;
    } else if (before === "" || (!dash && before === "")) {
      const after = labelAfter(text, n.end);
      label = after.label;
      end = after.end;
    } else {
      label = before;
    }
    const institutionLike =
      dash && label !== "" && institutionAtEnd(label) === label && /\p{Lu}.*\p{Lu}/u.test(label);
    items.push({ label, value: n.value, segmentStart, institutionLike });
    sum += n.value;
    cursor = end;
    if (parentValue !== null && Math.abs(sum - parentValue) < 1e-9)
      return { items, closedAt: cursor };
  }
  return { items, closedAt: null };
}

// Stryker's regex mutator turns \v into \V, which the u flag rejects: the file would not load.
// Stryker disable next-line Regex
const VERTICAL_TAB = /\v/gu;

/** Paragraphs and line breaks of an HTML cell separate items like new lines do. */
const lineBreaksOf = (html: string): string =>
  html.replace(/<br\s*\/?>|<\/(?:p|li|div)>/giu, "\n").replace(VERTICAL_TAB, "\n");

export function splitContributions(remarks: string | null | undefined): SplitResult {
  const text = stripMarkup(canonicalContributions(lineBreaksOf(remarks ?? "")));
  const contributions: Contribution[] = [];
  const uncertain: string[] = [];
  if (text === "") return { contributions, uncertain };
  const numbers = numbersOf(text);

  let cursor = 0;
  for (const n of numbers) {
    if (n.start < cursor) continue;
    const prefix = text.slice(cursor, n.start);
    let institution: string;
    if (DASH_AT_END.test(prefix)) {
      institution = institutionAtEnd(prefix.replace(DASH_AT_END, ""));
      if (institution === "") {
        if (/\p{L}/u.test(prefix))
          uncertain.push(`Nie rozpoznano instytucji przy liczbie ${n.value} w uwagach.`);
        continue;
      }
    } else {
      // "WSBiP 100 praktyk": an acronym right before a number, without a dash.
      const m = /(?:^|\s)(\S+)\s+$/u.exec(prefix);
      const token = m?.[1] ?? "";
      if (!(classify(token) === "acronym" || classify(token) === "compound")) continue;
      institution = token;
      uncertain.push(
        `Udział „${institution} ${n.value}” odczytano bez myślnika między instytucją a liczbą — sprawdź.`,
      );
    }
    const contribution: Contribution = {
      institution,
      value: n.value,
      approximate: n.approximate,
      ofWhich: [],
    };
    contributions.push(contribution);
    cursor = n.end;

    const wTym = W_TYM.exec(text.slice(cursor));
    if (!wTym) continue;
    const start = cursor + wTym[0].length;
    const { items, closedAt } = readOfWhich(text, numbers, start, n.value);
    if (closedAt !== null) {
      contribution.ofWhich = items.map(({ label, value }) => ({ label, value }));
      cursor = closedAt;
      continue;
    }
    // The breakdown never adds up to its parent: it probably ran into the next institution.
    // Stop it where an item is labelled like an institution and read on from there.
    const k = items.findIndex((i) => i.institutionLike);
    const kept = k >= 0 ? items.slice(0, k) : items;
    contribution.ofWhich = kept.map(({ label, value }) => ({ label, value }));
    const resume = k >= 0 ? items[k]?.segmentStart : undefined;
    cursor = resume ?? (items.length > 0 ? text.length : start);
    uncertain.push(
      kept.length === 0
        ? `Wyliczenie „w tym” przy ${institution} nie zawiera liczb — sprawdź.`
        : `Wyliczenie „w tym” przy ${institution} nie sumuje się do ${n.value} — sprawdź, gdzie się kończy.`,
    );
  }
  if (contributions.length === 0 && /\d/u.test(text)) {
    uncertain.push("Nie rozpoznano podziału wartości na instytucje w uwagach.");
  }
  return { contributions, uncertain };
}
