// Project symbols such as "C1K7": strategic goal C1, direction (operational goal) K7. Several
// projects of one direction share a symbol. Reports write them "[C1K7]", "(C1K7)" or bare.

export const SYMBOL_SOURCE = "C\\d{1,2}K\\d{1,2}";

const ONLY_SYMBOL = new RegExp(`^\\s*[[(]?\\s*(${SYMBOL_SOURCE})\\s*[\\])]?\\s*$`, "u");
// The symbol closes the heading line: "Title [C1K7]", "Title C1K7", "[C1K7]". A letter or digit
// right after the symbol ("C1K7P5") means a different code, not this heading form.
const SYMBOL_AT_END = new RegExp(
  `^(.*?)(?<=^|[\\s\\u201D"\\u00BB])[[(]?\\s*(${SYMBOL_SOURCE})\\s*[\\])]?[\\s.]*$`,
  "u",
);
const SYMBOL_AT_START = new RegExp(
  `^\\s*[[(]?(${SYMBOL_SOURCE})[\\])]?\\s*[:.–-]?\\s+(\\S.*)$`,
  "u",
);

export function onlySymbol(s: string): string | null {
  return ONLY_SYMBOL.exec(s)?.[1] ?? null;
}

/** A card heading line: the title text on that line (possibly empty) and the symbol. */
export function headingSymbol(line: string): { head: string; symbol: string } | null {
  const end = SYMBOL_AT_END.exec(line);
  if (end) return { head: (end[1] ?? "").trim(), symbol: end[2] ?? "" };
  const start = SYMBOL_AT_START.exec(line);
  if (start) return { head: (start[2] ?? "").trim(), symbol: start[1] ?? "" };
  return null;
}

/** "C1K7" → "C1". */
export function goalCodeOfSymbol(symbol: string): string | null {
  return /^C\d{1,2}/u.exec(symbol)?.[0] ?? null;
}

/** Strategic goal code in any of the forms reports use: "C1", "(C1)", "1". */
export function normaliseGoalCode(code: string): string {
  const m = /C?\s*(\d{1,2})/iu.exec(code);
  if (!m) return code.trim();
  return /c/iu.test(code) ? `C${m[1]}` : (m[1] ?? code.trim());
}
