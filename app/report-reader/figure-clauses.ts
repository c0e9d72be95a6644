// The text around a figure of a narrative report: paragraphs (runs of lines, list items kept
// apart, with the line of every character), the parenthesis a figure stands in, where its
// sentence starts, and the clause that names it.
import { clean, isBlank } from "./normalise.ts";

export type Paragraph = { text: string; lineAt: number[] };

export const YEAR_LEAD =
  /^(?:w\s+)?(?:roku\s+\d{4}|\d{4}\s*(?:r\.|roku|rok)|latach\s+\d{4}\s*[–-]\s*\d{4})\s*/iu;

/** Runs of non-blank lines; list items and headings stay lines of their own paragraph. */
export function paragraphs(
  lines: string[],
  from: number,
  to: number,
  used: Set<number>,
): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  for (let i = from; i < to; i++) {
    const l = lines[i] ?? "";
    if (used.has(i) || isBlank(l)) {
      cur = null;
      continue;
    }
    const opensItem = /^\s*(?:[·•\-–]|\d{1,2}[.)]|\p{L}[)/])\s/u.test(l);
    if (!cur || opensItem) {
      cur = { text: "", lineAt: [] };
      out.push(cur);
    }
    const piece = (cur.text ? " " : "") + l.replace(/\[bookmark:[^\]]*\]/gu, " ");
    for (let c = 0; c < piece.length; c++) cur.lineAt.push(i);
    cur.text += piece;
  }
  return out;
}

export type Paren = { start: number; end: number };

export function parenAt(text: string, index: number): Paren | null {
  let depth = 0;
  let start = -1;
  for (let c = index - 1; c >= 0; c--) {
    const ch = text[c];
    if (ch === ")") depth++;
    else if (ch === "(") {
      if (depth === 0) {
        start = c;
        break;
      }
      depth--;
    }
  }
  if (start < 0) return null;
  const close = text.indexOf(")", index);
  return { start, end: close < 0 ? text.length : close };
}

export function sentenceStart(text: string, index: number): number {
  const before = text.slice(0, index);
  let at = 0;
  for (const m of before.matchAll(/[.!?]\s+(?=[\p{Lu}„"])/gu)) at = (m.index ?? 0) + m[0].length;
  return at;
}

/** The clause around a figure, parentheses left out, for the indicator's name. */
export function clauseAround(
  text: string,
  start: number,
  end: number,
  paren: Paren | null,
): string {
  const lo = paren ? paren.start + 1 : 0;
  const hi = paren ? paren.end : text.length;
  let masked = text.slice(0, hi);
  if (!paren) masked = masked.replace(/\([^()]*\)/gu, (m) => " ".repeat(m.length));
  let a = start;
  while (
    a > lo &&
    !/[,;:(]/u.test(masked[a - 1] ?? "") &&
    !/[.!?]\s$|\s[–—]\s$/u.test(masked.slice(Math.max(0, a - 3), a))
  )
    a--;
  let b = end;
  while (
    b < hi &&
    !/[,;:()]/u.test(masked[b] ?? "") &&
    !/^[.!?](?:\s|$)/u.test(masked.slice(b, b + 2))
  )
    b++;
  return clean(masked.slice(a, b))
    .replace(YEAR_LEAD, "")
    .replace(/^(?:a|oraz|i|zaś)\s+/iu, "")
    .replace(/[–-]\s*$/u, "");
}

// A list of parts, one per line ("Bielszowice – 12", "Halemba – 8"): districts of a figure.
const SPLIT_LINE = /^\s*[·•\-–]?\s*\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)?\s*[–-]\s*\d/u;

export function findSplitLists(
  lines: string[],
  from: number,
  to: number,
  used: Set<number>,
): { first: number; last: number; text: string }[] {
  const out: { first: number; last: number; text: string }[] = [];
  for (let i = from; i < to; i++) {
    if (used.has(i) || !SPLIT_LINE.test(lines[i] ?? "")) continue;
    let j = i;
    while (j + 1 < to && SPLIT_LINE.test(lines[j + 1] ?? "")) j++;
    if (j > i) {
      const items = [];
      for (let k = i; k <= j; k++) {
        used.add(k);
        items.push(
          clean((lines[k] ?? "").replace(/^\s*[·•\-–]\s*/u, "")).replace(/[,;.]\s*$/u, ""),
        );
      }
      out.push({ first: i, last: j, text: items.join(", ") });
    }
    i = j;
  }
  return out;
}
