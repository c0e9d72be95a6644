// Indicators stated on a project web page: a "Wskaźniki …:" heading, then one indicator a line —
// "Nazwa: 605 na 582 zakładanych osób", "Nazwa docelowo 2 343 osiągnięte 2437", "Nazwa – 100
// osób", "w wymiarze zatrudnieniowym: min. 22% … (w odniesieniu do osób z niepełnosprawnościami …
// 12%)" — or a sentence "Zaplanowano i przeprowadzono 144 dyżury …". Whether a lone number is
// the target or the achieved value comes from the heading ("zakładane" / "osiągnięte"); where the
// page does not say, the number is proposed as achieved with a Polish note for the reviewer.
// Descriptive outcomes without a name–number pair ("objęto uczestników wsparciem") are not read.
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { clean } from "./normalise.ts";
import { readSexBreakdown, sexBreakdownRows } from "./sex-breakdown.ts";
import type { ProposedIndicator } from "./types.ts";

type Mode = "planned" | "achieved" | "unknown";

const HEADING =
  /^\s*(?:\d{1,2}\.\s*|[•\-–]\s*)?(?:wskaźnik\p{L}*|efektywnoś\p{L}*)(?:[^:]{0,100}:\s*$|[^:]{0,60}$)/iu;
// A long paragraph that is neither a list item nor an indicator sentence closes the list.
const MAX_ITEM_PROSE = 250;
const BOUNDARY = /^\s*(?:logo|logotyp|plakat)\b|^\s*okres realizacji/iu;
const GALLERY = /^\s*•\s*(?:\d{1,3}|logo|\p{L}{1,6}|\p{L}+-\d+)\s*$/iu;
const LIST_ITEM = /^\s*(?:[•\-–*]|\d{1,2}\.)\s+/u;
const NUM = String.raw`\d{1,3}(?:[ \u00A0]\d{3})+(?![\d,])|\d+(?:,\d+)?`;
const SEPARATOR = /\s*:\s*|\s+[–-]\s+/gu;
// A number right after the separator; "15.30" and "1.00" are clock times, not values.
const VALUE_START = new RegExp(
  String.raw`^\s*(?:(?:min|ok|około|max|to)\.?\s+){0,2}(${NUM})(?![.:]?\d)`,
  "iu",
);
const AGAINST = new RegExp(
  String.raw`^\s*(${NUM})\s+na\s+(?:(?:założone|zakładane|planowane)\s+(${NUM})|(${NUM})\s+(?:zakładanych|założonych|planowanych))`,
  "iu",
);
const OUT_OF = new RegExp(String.raw`^\s*(${NUM})\s+z\s+(${NUM})(?![\d%])`, "iu");
const OVERALL = new RegExp(String.raw`\bogółem\s*:?\s*(${NUM})`, "iu");
const TARGET_WORD = new RegExp(
  String.raw`\b(?:docelowo|założono|zakładano|zaplanowano|planowano|wartość docelowa)\s*:?\s*(?:min\.\s*)?(${NUM})`,
  "iu",
);
const ACHIEVED_WORD = new RegExp(
  String.raw`\b(?:osiągnięto|osiągnięte|osiągnięty|osiągnięta|wykonano|zrealizowano)\s*:?\s*(${NUM})`,
  "iu",
);
const PERCENT = new RegExp(String.raw`(${NUM})\s*%`, "gu");
const INLINE = new RegExp(
  String.raw`\(\s*wskaźnik\s*:\s*([^()]+?)\s+[–-]\s+(${NUM})\s*(\p{Ll}+\.?)?\s*\)`,
  "iu",
);
const PROSE =
  /^(?:ponadto\s+)?(zaplanowano|założono|zakładano|zrealizowano|przeprowadzono|osiągnięto|wykonano)(\s+i\s+(?:zrealizowano|przeprowadzono|osiągnięto|wykonano))?\s+/iu;
const LATER_ACHIEVED = new RegExp(
  String.raw`\b(?:osiągnięto|zostało|zostały|został|zostali|zrealizowano)\s+(?:\p{L}+\s+){0,2}?(${NUM})`,
  "iu",
);
const YEAR = /^(?:19|20)\d{2}$/u;
const NOT_UNIT =
  /^(?:na|z|ze|w|we|do|i|oraz|od|po|min|max|ok|r|roku|zakładanych|założonych|planowanych)$/iu;
const DISABLED = /niepełnospraw/iu;

function num(s: string | undefined): number | null {
  if (!s) return null;
  const parsed = parsePolishNumber(s.replace(/[ \u00A0]/gu, " "));
  return "error" in parsed ? null : parsed.value;
}

function unitAfter(text: string): string | null {
  const m = /^\s*(\p{Ll}+\.?)/u.exec(text);
  const word = m?.[1] ?? "";
  if (!word || NOT_UNIT.test(word.replace(/\.$/u, ""))) return null;
  return word.length <= 15 ? word.replace(/[.,;]$/u, (d) => (word === "szt." ? d : "")) : null;
}

function modeOf(heading: string, inherited: Mode): Mode {
  const planned = /zakładan|założon|planowan|docelow/iu.test(heading);
  const achieved = /osiągnięt|zrealizowan|wykonan/iu.test(heading);
  if (planned && achieved) return "unknown";
  if (planned) return "planned";
  if (achieved) return "achieved";
  return inherited;
}

function tidyName(s: string): string {
  return clean(s.replace(/^[\s•\-–—*]*(?:\d{1,2}\.\s+)?/u, "").replace(/[\s:;,.–-]+$/u, ""));
}

export function readPageIndicators(
  lines: string[],
  from: number,
  to: number,
  symbol: string,
): { indicators: ProposedIndicator[] } {
  const out: ProposedIndicator[] = [];
  // Typed by assertion: TypeScript would narrow a plain `null` start and miss the closures' writes.
  let section = null as { mode: Mode; heading: string; group: string } | null;
  const add = (
    i: number,
    name: string,
    value: number | null,
    target: number | null,
    unit: string | null,
    uncertain: string[],
  ) => {
    if (!name || (value === null && target === null)) return;
    out.push({
      name,
      unit,
      value,
      approximate: false,
      target,
      goalCode: null,
      directionCode: null,
      projectSymbol: symbol,
      contributions: [],
      remarks: null,
      uncertain,
      source: { line: i + 1, text: clean(lines[i] ?? "") },
    });
  };
  /** One number whose role only the heading tells. */
  const lone = (i: number, name: string, value: number, unit: string | null) => {
    if (!section) return;
    if (section.mode === "planned") add(i, name, null, value, unit, []);
    else if (section.mode === "achieved") add(i, name, value, null, unit, []);
    else
      add(i, name, value, null, unit, [
        `Podano jedną liczbę (${value}) pod nagłówkiem „${section.heading}” — przyjęto ją jako wartość osiągniętą; sprawdź, czy nie docelową.`,
      ]);
  };

  for (let i = from; i < to; i++) {
    const line = lines[i] ?? "";
    const text = clean(line);
    if (text === "") continue;
    if (BOUNDARY.test(line) || GALLERY.test(line)) {
      section = null;
      continue;
    }
    if (HEADING.test(line)) {
      const heading = tidyName(text.replace(/\(.*$/u, ""));
      const efficiency = /efektywnoś/iu.test(heading);
      if (
        !section ||
        /^\s*wskaźnik\p{L}*\s+(?:zakładan|osiągnięt|projektu|produktu|rezultatu)|^\s*wskaźniki\s*:/iu.test(
          line,
        )
      )
        section = { mode: modeOf(heading, section?.mode ?? "unknown"), heading, group: "" };
      else section = { ...section, mode: modeOf(heading, section.mode) };
      section.group = efficiency ? heading : "";
      if (/:\s*$/u.test(line) || !/\d/u.test(line)) continue;
    }
    if (!section) continue;
    if (!LIST_ITEM.test(line) && text.length > MAX_ITEM_PROSE && !PROSE.test(text)) {
      section = null;
      continue;
    }

    // "(wskaźnik: liczba osób przeszkolonych – 18 osób)" inside a described outcome.
    const inline = INLINE.exec(text);
    if (inline) {
      const v = num(inline[2]);
      if (v !== null) lone(i, clean(inline[1] ?? ""), v, inline[3] ?? null);
      continue;
    }

    // Sentences: "Zaplanowano i przeprowadzono 144 dyżury …", "Ponadto założono … 2 osób …
    // zatrudnione zostały 3 osoby."
    let prose = false;
    for (const sentence of text.split(/(?<=\.)\s+(?=\p{Lu})/u)) {
      const p = PROSE.exec(sentence);
      if (!p) continue;
      prose = true;
      const body = sentence.slice(p[0].length).replace(/\.$/u, "");
      const numbers = [...body.matchAll(new RegExp(`(?<![\\d,.])(${NUM})`, "gu"))].filter(
        (m) =>
          !YEAR.test(m[1] ?? "") &&
          !/^\s*[.:]\d/u.test(body.slice((m.index ?? 0) + (m[1]?.length ?? 0))),
      );
      const first = numbers[0];
      const n = num(first?.[1]);
      if (!first || n === null) continue;
      const planned = /^(?:ponadto\s+)?(?:zaplanowano|założono|zakładano)/iu.test(p[0]);
      const done = !planned || Boolean(p[2]);
      const unit = unitAfter(body.slice((first.index ?? 0) + (first[1]?.length ?? 0)));
      let value = done ? n : null;
      if (!done) {
        const later = LATER_ACHIEVED.exec(body.slice((first.index ?? 0) + (first[1]?.length ?? 0)));
        value = num(later?.[1]);
      }
      add(i, tidyName(body.split(/\s+[–-]\s+/u)[0] ?? body), value, planned ? n : null, unit, []);
    }
    if (prose) continue;

    // Name and its numbers: "Nazwa docelowo 2 343 osiągnięte 2437".
    const tw = TARGET_WORD.exec(text);
    const aw = ACHIEVED_WORD.exec(text);
    if (tw || aw) {
      const cut = Math.min(tw?.index ?? Infinity, aw?.index ?? Infinity);
      const lastNum = [tw, aw]
        .filter((m) => m)
        .sort((a, b) => (b?.index ?? 0) - (a?.index ?? 0))[0];
      const unit = lastNum ? unitAfter(text.slice((lastNum.index ?? 0) + lastNum[0].length)) : null;
      add(i, tidyName(text.slice(0, cut)), num(aw?.[1]), num(tw?.[1]), unit, []);
      continue;
    }

    // "Nazwa: reszta" / "Nazwa – reszta".
    let name = "";
    let rest = "";
    for (const m of text.matchAll(SEPARATOR)) {
      const after = text.slice((m.index ?? 0) + m[0].length);
      if (VALUE_START.test(after) || OVERALL.test(after) || PERCENT.test(after)) {
        PERCENT.lastIndex = 0;
        name = tidyName(text.slice(0, m.index));
        rest = after;
        break;
      }
      PERCENT.lastIndex = 0;
    }
    if (!name) continue;

    const percents = [...rest.matchAll(PERCENT)];
    if (percents.length > 0 && (section.group || /efektywnoś/iu.test(name))) {
      const full = /efektywnoś/iu.test(name) ? name : `${section.group} – ${name}`;
      // A count achieved written before the required share: "378 (wymagane min. 45% …)".
      const lead = VALUE_START.exec(rest);
      const achieved =
        lead &&
        !new RegExp(`^\\s*(?:(?:min|ok|około|max|to)\\.?\\s+){0,2}${lead[1]}\\s*%`, "u").test(rest)
          ? num(lead[1])
          : null;
      let general: number | null = null;
      let disabled: number | null = null;
      for (const clause of rest.split(/[()]|,\s*natomiast\b|;\s/u)) {
        const pm = new RegExp(`(${NUM})\\s*%`, "u").exec(clause);
        if (!pm) continue;
        const v = num(pm[1]);
        if (DISABLED.test(clause)) disabled ??= v;
        else general ??= v;
      }
      const note =
        achieved !== null
          ? [
              `Osiągnięto ${achieved} (liczba), a wymagany próg to ${general ?? disabled}% — jednostki różne, porównaj ręcznie.`,
            ]
          : [];
      if (general !== null || achieved !== null)
        add(i, full, achieved, general, achieved !== null ? null : "%", note);
      if (disabled !== null)
        add(i, `${full} – osoby z niepełnosprawnościami`, null, disabled, "%", []);
      continue;
    }

    const against = AGAINST.exec(rest);
    if (against) {
      const target = num(against[2] ?? against[3]);
      add(i, name, num(against[1]), target, unitAfter(rest.slice(against[0].length)), []);
      continue;
    }
    const outOf = OUT_OF.exec(rest);
    if (outOf) {
      add(i, name, num(outOf[1]), null, unitAfter(rest.slice(outOf[0].length)), [
        `Zapis „${outOf[1]} z ${outOf[2]}”: przyjęto ${outOf[1]} jako wartość osiągniętą; nie wiadomo, czy ${outOf[2]} to wartość docelowa.`,
      ]);
      continue;
    }
    const overall = OVERALL.exec(rest);
    const start = VALUE_START.exec(rest);
    const picked = overall ?? start;
    const v = num(picked?.[1]);
    if (picked && v !== null) {
      const before = out.length;
      lone(i, name, v, unitAfter(rest.slice((picked.index ?? 0) + picked[0].length)));
      // "K- 9, M- 15, ogółem 24": the split by sex goes with the value it splits.
      const bySex = readSexBreakdown(rest);
      const added = out[before];
      if (added && bySex && bySex.total === v && added.value === v)
        added.breakdowns = sexBreakdownRows(bySex);
    }
  }
  return { indicators: out };
}
