// A table of contents written as paragraphs — Word's generated contents, or lines typed with
// dotted leaders — rather than as a table:
//   "1. C1K1 Monitorowanie problemów społecznych .......... 10"
//   "3. C1K2 „Praca – stworzenie warunków …”" / "Reintegracja …" / "........ 16"  (one entry)
//   "2.1. Wspieranie rodzin\t12"
// The contents only cross-check the body (decision 042): an entry that names a project symbol
// becomes a row of cells ("1.\tC1K1\tTitle\t10"), the form the listing parser reads as a table
// of contents; any other entry is blanked, so that no parser takes a contents line for a
// heading, a goal or the next-year list. Line numbers never change.
import { SYMBOL_SOURCE } from "./symbols.ts";

// A dotted (or ellipsis, or underscore) leader and a page number end the line.
const LEADER_AND_PAGE = /^(.*?)\s*(?:[.…_·]\s*){4,}\s*(\d{1,4})\s*$/u;
// "1. C1K1 Title<TAB>12", the form of contents copied from a browser or a PDF.
const TAB_AND_PAGE = /^([^\t]*\S)\t+(\d{1,4})\s*$/u;
const ENTRY = new RegExp(
  `^(?:(\\d{1,3}(?:\\.\\d{1,3})*)\\.?\\s+)?(?:(${SYMBOL_SOURCE})\\s+)?(.*)$`,
  "u",
);
const ENTRY_START = new RegExp(`^\\s*(?:\\d{1,3}\\.\\s+)?${SYMBOL_SOURCE}\\s`, "u");
/** How many lines a wrapped entry may take before its leader line. */
const MAX_WRAPPED = 3;

function pageEntry(line: string): { text: string; page: string } | null {
  const leader = LEADER_AND_PAGE.exec(line);
  if (leader) return { text: (leader[1] ?? "").trim(), page: leader[2] ?? "" };
  const tab = TAB_AND_PAGE.exec(line);
  // Only with a symbol: "liczba rodzin<TAB>48" is a two-column table row, not contents.
  if (tab && ENTRY_START.test(`${tab[1] ?? ""} `)) {
    return { text: (tab[1] ?? "").trim(), page: tab[2] ?? "" };
  }
  return null;
}

function asRow(text: string, page: string): string {
  const m = ENTRY.exec(text.replace(/\s+/gu, " ").trim());
  const [, ordinal, symbol, title = ""] = m ?? [];
  if (!symbol) return "";
  return [ordinal ? `${ordinal}.` : "", symbol, title.trim(), page].join("\t");
}

/** The lines with contents entries rewritten as listing rows or blanked (same count, order). */
export function tocParagraphsAsRows(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? "";
    const entry = pageEntry(line);
    if (!entry) continue;
    let text = entry.text;
    let start = i;
    if (!ENTRY_START.test(text)) {
      // A wrapped entry: its first lines stand above the leader line.
      for (let k = i - 1; k >= 0 && k >= i - MAX_WRAPPED; k--) {
        const above = (out[k] ?? "").trim();
        if (above === "" || pageEntry(above) || above.includes("\t")) break;
        text = `${above} ${text}`.trim();
        if (ENTRY_START.test(above)) {
          start = k;
          break;
        }
      }
      if (start === i) text = entry.text;
    }
    for (let k = start; k < i; k++) out[k] = "";
    out[i] = asRow(text, entry.page);
  }
  return out;
}
