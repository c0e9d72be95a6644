// Figures stated in running text and in small label/value tables of narrative reports
// ("objęto wsparciem 312 rodzin", "Liczba dzieci poniżej 3 roku życia: 6", a label line over a
// number line, a row of tab cells under a row of headers). Only counts of countable things,
// amounts in złoty and percentages are read: a number next to a year, a date, an age or an
// article of a statute is not a figure. What is part of another figure ("w tym", "z czego",
// a list of districts) is kept in the parent's remarks, never proposed as an indicator of its
// own, because adding it up would count the same people twice.
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { clean, isBlank } from "./normalise.ts";
import type { ProposedIndicator } from "./types.ts";
import {
  clauseAround,
  paragraphs,
  parenAt,
  sentenceStart,
  type Paragraph,
  findSplitLists,
} from "./figure-clauses.ts";

export type FigureScope = {
  goalCode: string | null;
  directionCode: string | null;
  projectSymbol: string | null;
};

// Stems of what social-policy reports count. A word after a number that is not one of these
// (roku, lat, miesięcy, stycznia …) makes the number something other than a figure.
const COUNT_NOUN =
  /^(?:rodzin|osob|osób|dzieci|dzieck|uczestni|odbiorc|beneficjen|spotka|wyjazd|procedur|wnios|adnotacj|sprawozda|asystent|pedagog|psycholog|pracownik|posiedze|ocen|kontrakt|miejsc|placów|kobiet|mężczyzn|chłopc|chłopców|dziewczyn|dziewcząt|porad|konsultacj|świadcze|decyzj|projekt|grup|warsztat|szkole|kurs|mieszka|wolontariusz|klub|senior|interwencj|zajęć|zajęcia|plan|opini|zaświadcze|zgłosze|wizyt|klient|gospodarstw|umów|umow|bezrobotn|niepełnospraw)/iu;
const NUMBER_TEXT = String.raw`\d{1,3}(?:[ \u00A0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d.,/\u2013-])(?:(ok\.|około|ponad|blisko|prawie)\s*)?(${NUMBER_TEXT})(?![\d])(?![.,]\d)`,
  "gu",
);
const MONEY_AFTER = /^\s*(zł(?:otych)?|PLN)(?!\p{L})/u;
const PERCENT_AFTER = /^\s*(%)/u;
// Up to two adjectives between the number and the noun: "8 wspólnych wyjazdów".
const WORDS_AFTER = /^\s+(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/u;
const ADJECTIVE = /^\p{Ll}{3,}(?:ych|ich|ie|e|a|y|i|ej|ym|ego)$/u;

function nounAfter(rest: string): { unit: string; length: number } | null {
  const m = WORDS_AFTER.exec(rest);
  if (!m) return null;
  let length = /^\s+/u.exec(rest)?.[0].length ?? 0;
  for (const w of [m[1], m[2], m[3]]) {
    if (!w) return null;
    if (COUNT_NOUN.test(w)) return { unit: w, length: rest.indexOf(w, length) + w.length };
    if (!ADJECTIVE.test(w)) return null;
    length = rest.indexOf(w, length) + w.length;
  }
  return null;
}
const STATUTE_BEFORE = /(?:art\.|ust\.|pkt\.?|§|nr|poz\.|rozdz\.|dnia|dzień)\s*$/iu;
const YEAR_BEFORE = /(?:roku|rok|latach|w|od|do|za|z)\s*$/iu;
const RANGE_AFTER = /^\s*(?:do|[-–])\s*\d/u;
const RANGE_BEFORE = /\d\s*(?:do|[-–])\s*$/u;
const PART_MARKER = /(?:^|[\s(,;])(?:w tym|z czego|z tego|spośród|wśród nich)\b[^.;]*$/iu;
const PART_AFTER = /^\s*(?:\p{L}+\s+)?z nich\b/u;
const LABELLED =
  /\b((?:łączna\s+)?(?:liczba|ilość)\s+[\p{L}\d ,."„”/()-]{2,160}?)\s*(?::|–|-|\bwynosi\p{L}*|\bwynios\p{L}*)\s*((?:ok\.\s*)?(?:\d{1,3}(?:[ \u00A0]\d{3})+|\d+)(?:,\d+)?)(?![\d.,]\d)(?:\s+(\p{L}+))?/giu;
const NUMBER_ONLY = /^\s*((?:ok\.\s*)?\d{1,3}(?:[ \u00A0]\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*$/u;
// "Ruda – 159 spotkań," / "· Nowy Bytom – 1 wyjazd (odwiedzono 9 rodzin)": one line per place.
const SPLIT_PAREN = /^\s*\p{Lu}[\p{L} ]{0,30}?\s[–-]\s*\d/u;
const TOTAL_WORD = /łącznie|ogółem|razem|w sumie/iu;
const MONEY_HEADER = /wydatk|koszt|kwot|wartoś|środk/iu;

const NOTE_PART_ROW =
  "Wiersz tabeli zaczyna się od „w tym” lub kontynuuje wiersz nadrzędny — to część innej wartości; sprawdź, której.";
const NOTE_DECIMAL_COUNT = (written: string) =>
  `Zapis „${written}” przy liczbie osób lub rzeczy: przecinek odczytano jako separator tysięcy — sprawdź.`;
const NOTE_NOT_A_COUNT = (written: string) =>
  `Zapis „${written}” nie jest liczbą całkowitą, a dotyczy liczby osób lub rzeczy — sprawdź.`;
const NOTE_UNIT_MISSING =
  "Kwota w tabeli bez jednostki (nagłówek mówi o wydatkach) — zapewne zł; sprawdź.";

export function readFigures(
  lines: string[],
  from: number,
  to: number,
  scopeAt: (line: number) => FigureScope,
  skip: ReadonlySet<number> = new Set(),
): ProposedIndicator[] {
  const used = new Set<number>(skip);
  const out: ProposedIndicator[] = [];
  out.push(...readCellTables(lines, from, to, scopeAt, used));
  out.push(...readRowTables(lines, from, to, scopeAt, used));
  const splits = findSplitLists(lines, from, to, used);
  const prose: { indicators: ProposedIndicator[]; first: number; last: number }[] = [];
  for (const p of paragraphs(lines, from, to, used)) {
    const indicators = readParagraph(p, lines, scopeAt);
    prose.push({ indicators, first: p.lineAt[0] ?? 0, last: p.lineAt[p.lineAt.length - 1] ?? 0 });
    out.push(...indicators);
  }
  // A split list belongs to the figure it breaks down: the one just before it, else the total
  // ("Łącznie …") right after it.
  for (const s of splits) {
    const before = prose.filter((p) => p.last < s.first && s.first - p.last <= 2).pop();
    const after = prose.find((p) => p.first > s.last && p.first - s.last <= 4);
    const parent =
      before?.indicators[before.indicators.length - 1] ??
      after?.indicators.find((i) => TOTAL_WORD.test(i.source.text)) ??
      null;
    if (parent) appendRemark(parent, s.text);
  }
  out.sort((a, b) => a.source.line - b.source.line);
  return out;
}

function appendRemark(i: ProposedIndicator, text: string): void {
  if (i.remarks?.includes(text)) return;
  i.remarks = i.remarks ? `${i.remarks}; ${text}` : text;
}

function makeIndicator(
  name: string,
  value: number | null,
  approximate: boolean,
  unit: string | null,
  line: number,
  lines: string[],
  scope: FigureScope,
): ProposedIndicator {
  return {
    name: clean(name).slice(0, 240),
    unit,
    value,
    approximate,
    target: null,
    goalCode: scope.goalCode,
    directionCode: scope.directionCode,
    projectSymbol: scope.projectSymbol,
    contributions: [],
    remarks: null,
    uncertain: [],
    source: { line: line + 1, text: clean(lines[line] ?? "").slice(0, 300) },
  };
}

/** A count written with a decimal comma: "2,968 rodzin" is most likely 2968, but only likely. */
function readNumber(
  written: string,
  countable: boolean,
): { value: number | null; approximate: boolean; note: string | null } {
  const parsed = parsePolishNumber(written);
  if ("error" in parsed) return { value: null, approximate: false, note: null };
  let value = parsed.value;
  let note: string | null = null;
  if (countable && value !== null && !Number.isInteger(value)) {
    if (/^\d{1,3},\d{3}$/u.test(written.replace(/^\D+/u, ""))) {
      value = Number(written.replace(/^\D+/u, "").replace(",", ""));
      note = NOTE_DECIMAL_COUNT(written);
    } else {
      value = null;
      note = NOTE_NOT_A_COUNT(written);
    }
  }
  return { value, approximate: parsed.approximate, note };
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Header cells, then as many value cells: "\tIlość dzieci\n\tWydatki\n\n\t\n\t463\n\t4 178 255,24". */
function readCellTables(
  lines: string[],
  from: number,
  to: number,
  scopeAt: (line: number) => FigureScope,
  used: Set<number>,
): ProposedIndicator[] {
  const out: ProposedIndicator[] = [];
  const isCell = (l: string) => /^ *\t/u.test(l) && !/\t.*\t/u.test(l.replace(/^ *\t/u, ""));
  for (let i = from; i < to; i++) {
    if (used.has(i) || !isCell(lines[i] ?? "")) continue;
    const cells: { text: string; line: number; lines: number[] }[] = [];
    let j = i;
    let blanks = 0;
    for (; j < to; j++) {
      const l = lines[j] ?? "";
      if (isCell(l)) {
        cells.push({ text: clean(l), line: j, lines: [j] });
        blanks = 0;
      } else if (isBlank(l)) {
        if (++blanks > 2) break;
      } else if (blanks === 0 && cells.length > 0 && /^\s*\p{Ll}/u.test(l) && l.length < 60) {
        const last = cells[cells.length - 1];
        if (last) {
          last.text = clean(`${last.text} ${l}`);
          last.lines.push(j);
        }
      } else break;
    }
    const numeric = (t: string) => t === "" || !("error" in parsePolishNumber(t));
    const firstValue = cells.findIndex((c) => numeric(c.text));
    const headers = cells.slice(0, firstValue);
    const values = cells.slice(firstValue);
    const ok =
      firstValue >= 2 &&
      headers.length === values.length &&
      values.every((c) => numeric(c.text)) &&
      values.filter((c) => c.text !== "").length >= 2 &&
      headers.every((c) => c.text.length <= 120 && !numeric(c.text));
    if (!ok) continue;
    const rowLabel = headers.find((_, k) => values[k]?.text === "")?.text ?? null;
    headers.forEach((h, k) => {
      const v = values[k];
      if (!v || v.text === "") return;
      const n = readNumber(v.text, false);
      const ind = makeIndicator(
        rowLabel ? `${rowLabel} — ${h.text}` : h.text,
        n.value,
        n.approximate,
        null,
        v.line,
        lines,
        scopeAt(v.line),
      );
      if (n.value !== null && !Number.isInteger(n.value) && MONEY_HEADER.test(h.text)) {
        ind.uncertain.push(NOTE_UNIT_MISSING);
      }
      out.push(ind);
    });
    for (const c of cells) for (const l of c.lines) used.add(l);
    i = j - 1;
  }
  return out;
}

/** Label lines over a number alone on its line, at least two such rows close together. */
function readRowTables(
  lines: string[],
  from: number,
  to: number,
  scopeAt: (line: number) => FigureScope,
  used: Set<number>,
): ProposedIndicator[] {
  type Row = { label: string; labelLines: number[]; line: number; written: string };
  const rows: Row[] = [];
  for (let i = from; i < to; i++) {
    if (used.has(i)) continue;
    const m = NUMBER_ONLY.exec(lines[i] ?? "");
    if (!m) continue;
    let k = i - 1;
    while (k >= from && k >= i - 3 && isBlank(lines[k] ?? "")) k--;
    const labelLines: number[] = [];
    for (; k >= from && labelLines.length < 4; k--) {
      const l = lines[k] ?? "";
      if (isBlank(l) || NUMBER_ONLY.test(l) || used.has(k) || l.length > 200) break;
      labelLines.unshift(k);
    }
    if (labelLines.length === 0) continue;
    const label = clean(labelLines.map((n) => lines[n] ?? "").join(" "));
    rows.push({ label, labelLines, line: i, written: clean(m[1] ?? "") });
  }
  // Rows count as a table only in company: a lone number under a line is too weak a sign.
  const kept = rows.filter((r, k) => {
    const prev = rows[k - 1];
    const next = rows[k + 1];
    return (prev && r.line - prev.line <= 8) || (next && next.line - r.line <= 8);
  });
  return kept.map((r) => {
    const n = readNumber(r.written, false);
    const isPart = /^w tym\b/iu.test(r.label) || /^\p{Ll}/u.test(r.label);
    const name = r.label
      .replace(/^w tym:?\s*/iu, "")
      .replace(/,?\s*w tym:?\s*$/iu, "")
      .replace(/\s*:\s*$/u, "");
    const ind = makeIndicator(name, n.value, n.approximate, null, r.line, lines, scopeAt(r.line));
    if (isPart) ind.uncertain.push(NOTE_PART_ROW);
    used.add(r.line);
    for (const l of r.labelLines) used.add(l);
    return ind;
  });
}

// ---------------------------------------------------------------------------------------------
// Lists of places and running text

function readParagraph(
  p: Paragraph,
  lines: string[],
  scopeAt: (line: number) => FigureScope,
): ProposedIndicator[] {
  const out: ProposedIndicator[] = [];
  const text = p.text;
  const taken: [number, number][] = [];
  const lineOf = (c: number) => p.lineAt[Math.min(c, p.lineAt.length - 1)] ?? 0;
  type Found = { index: number; ind: ProposedIndicator; part: boolean; end: number };
  const found: Found[] = [];

  for (const m of text.matchAll(LABELLED)) {
    const index = (m.index ?? 0) + m[0].indexOf(m[2] ?? "", (m[1] ?? "").length);
    const noun = /^\s*\p{L}+/u.exec((m[1] ?? "").replace(/^(?:łączna\s+)?(?:liczba|ilość)/iu, ""));
    const after = m[3] && COUNT_NOUN.test(m[3]) ? m[3] : null;
    const labelNoun = noun && COUNT_NOUN.test(noun[0].trim()) ? noun[0].trim() : null;
    const n = readNumber(m[2] ?? "", true);
    const line = lineOf(index);
    const ind = makeIndicator(
      clean(m[1] ?? "").replace(/[,(]\s*$/u, ""),
      n.value,
      n.approximate,
      after ?? labelNoun,
      line,
      lines,
      scopeAt(line),
    );
    if (n.note) ind.uncertain.push(n.note);
    const end = (m.index ?? 0) + m[0].length;
    taken.push([index, end]);
    found.push({ index, ind, part: false, end });
  }

  for (const m of text.matchAll(FIGURE)) {
    const index = m.index ?? 0;
    const numberAt = index + m[0].length - (m[2] ?? "").length;
    const end = index + m[0].length;
    if (taken.some(([a, b]) => numberAt >= a && numberAt < b)) continue;
    const before = text.slice(Math.max(0, index - 12), index);
    const rest = text.slice(end);
    if (STATUTE_BEFORE.test(before) || RANGE_AFTER.test(rest) || RANGE_BEFORE.test(before))
      continue;
    if (/^(?:19|20)\d\d$/u.test(m[2] ?? "") && YEAR_BEFORE.test(before)) continue;
    let unit: string | null;
    let unitEnd: number;
    let countable = false;
    const money = MONEY_AFTER.exec(rest) ?? PERCENT_AFTER.exec(rest);
    if (money) {
      unit = money[1] ?? null;
      unitEnd = end + money[0].length;
    } else {
      const noun = nounAfter(rest);
      // "z czego 35 podjęło pracę": a part needs no noun of its own, it counts the parent's.
      const ofThem =
        PART_AFTER.exec(rest) ?? (/(?:w tym|z czego|z tego)\s*$/iu.test(before) ? [""] : null);
      if (!noun && !ofThem) continue;
      unit = noun ? noun.unit : null;
      unitEnd = end + (noun ? noun.length : (ofThem?.[0].length ?? 0));
      countable = true;
    }
    const paren = parenAt(text, index);
    const parenText = paren ? text.slice(paren.start + 1, index) : "";
    // A parenthesis that opens with a figure or lists places qualifies the words before it.
    if (
      paren &&
      (/^\s*(?:ok\.\s*)?$/u.test(parenText) || SPLIT_PAREN.test(text.slice(paren.start + 1)))
    )
      continue;
    const sentence = text.slice(sentenceStart(text, index), index);
    const sincePrev = text.slice(found.length ? (found[found.length - 1]?.end ?? 0) : 0, index);
    const part =
      (paren !== null && /^\s*(?:w tym|z czego|z tego)\b/iu.test(parenText)) ||
      /^\s*w tym\b/iu.test(sentence) ||
      PART_MARKER.test(sentence.length < sincePrev.length ? sentence : sincePrev) ||
      PART_AFTER.test(rest);
    const n = readNumber(m[2] ?? "", countable);
    const line = lineOf(numberAt);
    const name = clauseAround(text, index, unitEnd, paren);
    const ind = makeIndicator(
      name,
      n.value,
      n.approximate || Boolean(m[1]),
      unit,
      line,
      lines,
      scopeAt(line),
    );
    if (n.note) ind.uncertain.push(n.note);
    found.push({ index, ind, part, end: unitEnd });
  }

  found.sort((a, b) => a.index - b.index);
  let parent: ProposedIndicator | null = null;
  for (const f of found) {
    if (!f.part) {
      out.push(f.ind);
      parent = f.ind;
    } else if (parent) {
      appendRemark(parent, f.ind.name);
    }
  }
  return out;
}
