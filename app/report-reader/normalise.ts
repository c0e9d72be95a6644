// Text normalisation shared by every structure parser. Line numbers must survive it: the
// review page points at the source line of each proposed item, so lines are never joined or
// dropped here — only characters inside a line change.

const EXOTIC_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu;
const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060\u00AD]/gu;

/** Splits a document into lines with uniform spaces; index i is line i + 1. */
export function splitLines(text: string): string[] {
  return text
    .replace(INVISIBLE, "")
    .replace(EXOTIC_SPACES, " ")
    .split(/\r\n|\r|\n|\u2028|\u2029/u);
}

/** Collapses runs of whitespace and trims. */
export function clean(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/**
 * Removes what HTML/Markdown conversion leaves in cell text ("<ul style=…>", "<p>", "**"), so
 * that a table converted from a web page reads like one converted from Word.
 */
export function stripMarkup(s: string): string {
  return clean(
    s
      .replace(/<[^<>]*>/gu, " ")
      .replace(/\*\*/gu, "")
      .replace(/&nbsp;/gu, " ")
      .replace(/&amp;/gu, "&")
      .replace(/&quot;/gu, '"'),
  );
}

export function isBlank(s: string): boolean {
  return s.trim() === "";
}

/** A table cell line of a one-cell-per-line export: starts with a tab (after stray spaces). */
export function isCellLine(s: string): boolean {
  return /^ *\t/u.test(s) && !/\t.*\t/u.test(s.replace(/^ *\t/u, ""));
}

/** A tab-separated row of a whole table on one line (at least four cells). */
export function isTsvRow(s: string): boolean {
  return (s.match(/\t/gu) ?? []).length >= 3;
}

export function startsLowercase(s: string): boolean {
  return /^\p{Ll}/u.test(s.trim());
}

/** Ends like a sentence or a label, i.e. not like a title broken mid-phrase. */
export function endsSentence(s: string): boolean {
  return /[.!?:;]$/u.test(s.trim());
}

/** Lowercase words of a text, for fuzzy comparison of titles. */
export function words(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1);
}

/** Sørensen–Dice similarity of two word multisets, 0…1. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wb) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wa) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}
