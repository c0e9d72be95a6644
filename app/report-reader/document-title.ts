// A report's title from its opening lines. Titles come in many shapes: on one line, over several
// lines with blank lines between them ("SPRAWOZDANIE" / "z działalności" / "… za rok 2020"),
// after a page number, a place and date ("Nowy Sącz, 15 maja 2018 r. KAN-NGO Sprawozdanie …")
// or a web page's own heading, and — in text copies of PDFs — run together with the body
// ("… W ROKU 2015 KLUCZBORK maj 2016 WSTĘP …"). The title ends after the year it reports on.
import { clean, stripMarkup } from "./normalise.ts";

const TITLE_WORD = /(?:sprawozdanie|raport|informacja|ocena)(?!\p{L})/iu;
const MONTH =
  "(?:stycze\\p{L}*|lut\\p{L}*|mar(?:zec|ca)|kwie\\p{L}*|maj\\p{L}*|czerw\\p{L}*|lip\\p{L}*|sierp\\p{L}*|wrze\\p{L}*|październik\\p{L}*|listopad\\p{L}*|grud\\p{L}*)";
/** What may stand before the title on its line: page numbers, a place and date, a reference. */
const PREFIX = new RegExp(
  String.raw`^(?:\(?\d{1,3}\)?\s+)*` +
    String.raw`(?:\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2},\s*` +
    String.raw`(?:(?:dnia\s+)?(?:\d{1,2}[.\s]+)?(?:${MONTH}|\d{1,2})?[.\s]*(?:\d{4})?\s*(?:r\.?|roku)?\s*)?)?` +
    String.raw`(?:[\p{Lu}\d]+(?:[-/.][\p{Lu}\d]+)+\s+)?`,
  "u",
);
/** The year a title reports on: "za rok 2020", "w roku 2015", "za 2016 rok", "na 2015 rok". */
const YEAR_PHRASE =
  /(?:za|w|na)\s+(?:rok(?:u)?\s+)?((?:19|20)\d{2})(?:\s*(?:r\.|r(?!\p{L})|rok(?:u)?(?!\p{L})))?/iu;
/** A line that is the place and date of the document, not its title ("Szczecinek, luty 2020"). */
const PLACE_DATE = new RegExp(
  String.raw`^\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2},?\s+(?:dnia\s+)?(?:\d{1,2}[.\s]+)?(?:${MONTH})\s+\d{4}`,
  "iu",
);
const MAX_TITLE = 400;

/** The title as it stands from `start` on, ended after its year, at most MAX_TITLE long. */
function titleFrom(lines: string[], start: number, first: string): string {
  const parts = [first];
  for (let j = start + 1; j < lines.length && j < start + 16; j++) {
    if (YEAR_PHRASE.test(parts.join(" "))) break;
    const next = stripMarkup(lines[j] ?? "");
    if (next.includes("\t") || PLACE_DATE.test(next)) break;
    if (next === "") {
      // A blank line inside a title set over several lines: go on while the title has no year
      // and the next written line reads as its continuation.
      // A title that names its period ("na lata 2014-2021") is whole; the year below it is a
      // subtitle, read as the year but not made part of the name.
      if (/(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}/u.test(parts.join(" "))) break;
      const after = lines
        .slice(j + 1, j + 3)
        .map((l) => stripMarkup(l))
        .find((l) => l !== "");
      if (after !== undefined && continues(parts.join(" "), after)) continue;
      break;
    }
    parts.push(next);
  }
  return cutAfterYear(clean(parts.join(" ")));
}

/** A line goes on with the title: it starts in lowercase, or names the subject or the year. */
function continues(title: string, line: string): boolean {
  if (line.length > 200 || PLACE_DATE.test(line) || /^spis\s+treści/iu.test(line)) return false;
  if (/^\p{Ll}/u.test(line)) return true;
  if (YEAR_PHRASE.test(line) && line.length < 120) return true;
  // A title written in capitals goes on in capitals; a short one-word start goes on anyway.
  const upper = (s: string) => s === s.toUpperCase() && /\p{Lu}/u.test(s);
  return title.length < 40 || (upper(title) && upper(line));
}

/** A title run together with the body ends after its year phrase. */
function cutAfterYear(title: string): string {
  const m = YEAR_PHRASE.exec(title);
  const cut = m ? title.slice(0, (m.index ?? 0) + m[0].length) : title;
  return cut.length > MAX_TITLE ? cut.slice(0, MAX_TITLE).replace(/\s+\S*$/u, "") : cut;
}

/** A title's start on a line: at the line's start or after what may stand before a title. */
function titleStart(line: string): string | null {
  const text = stripMarkup(line).replace(/^(?:[IVX]{1,5}|\d{1,2})\.\s+/u, "");
  if (text.includes("\t")) return null;
  const prefix = PREFIX.exec(text)?.[0] ?? "";
  const rest = text.slice(prefix.length);
  return TITLE_WORD.test(rest.slice(0, 14)) && /^\p{L}/u.test(rest) ? rest : null;
}

/** The first two words, for "starts alike". */
const lead = (s: string) => (s.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 2).join(" ");

/**
 * The document's title among its first lines. A web page's heading is often a shorter form of
 * the document's own title a few lines below ("Sprawozdanie z działalności za 2016 r." over
 * "SPRAWOZDANIE Z DZIAŁALNOŚCI OŚRODKA … ZA ROK 2016"): the longer one that starts alike wins.
 */
export function findTitle(head: string[]): string | null {
  let best: { line: number; title: string } | null = null;
  for (let i = 0; i < head.length; i++) {
    const first = titleStart(head[i] ?? "");
    if (first === null) continue;
    const title = titleFrom(head, i, first);
    if (best === null) {
      best = { line: i, title };
      continue;
    }
    if (i - best.line <= 10 && lead(title) === lead(best.title) && title.length > best.title.length)
      best = { line: i, title };
    break;
  }
  return best?.title ?? null;
}
