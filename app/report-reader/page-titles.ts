// Where a project web page names its project. Pasted pages have lost their <h1> more often than
// not, so the name is looked for in order of how surely it is the project's own: a heading line
// above the page, a quoted name introduced by "projekt"/"pod nazwą"/"pn.", an unquoted name after
// "pod nazwą", a poster caption, a caption glued to the end of a line by the conversion (kept only
// when the description names the project the same way), the quoted name of the programme or
// competition that funds it. A logo caption repeated on many pages is the site's, never a title. Titles are given without the
// surrounding quotes and whitespace-normalised; a page that names nothing gets "".
import { clean, similarity, words } from "./normalise.ts";

export type TitleSource = "heading" | "quoted" | "named" | "poster" | "glued" | "programme" | "";

const CAPTION = /^\s*(?:logo|logotyp|plakat)\b/iu;
const QUOTED_NAME =
  /(?:\bprojekt(?:u|em)?|\bpod nazwą|\bpn\.)\s+(?:pn\.\s*|pod nazwą\s*)?[„"]([^”"„]{3,160})[”"]/iu;
const NAMED = /\bpod nazwą\s+(?![„"])(\p{Lu}[^:;„"]{3,160}?)(?=\s+to:|[:;]|,\s|\s*$)/u;
const PROGRAMME_NAME =
  /\b(?:program|konkurs)\p{L}*(?:\s+[\p{L}.,]+){0,6}?\s+(?:pn\.\s*)?[„"]([^”"„]{3,160})[”"]/iu;
// Text glued to the end of a line when the converter lost a line break ("…13 etatówTytuł").
const GLUED_TAIL = /\p{Ll}{2}(\p{Lu}\p{Ll}+(?:\s+[^\s.:;,!?]+){1,10})\s*$/u;
const NOT_HEADING =
  /^\s*(?:\(.*\)\s*$|[•\-–—*]|\d{1,2}[.)]\s|uwaga\b|projekt\s+(?:jest\s+|był\s+)?(?:współ)?(?:finansowan|realizowan))/iu;
const MAX_HEADING = 150;
const MAX_HEADING_LINES = 3;
const REPEATED_CAPTION = 3;

/** A name in quotes, mended where the page closes the quote twice („Nazwa” - edycja 2021”). */
function quoted(line: string, re: RegExp): string | null {
  const m = re.exec(line);
  if (!m?.[1]) return null;
  const after = line.slice((m.index ?? 0) + m[0].length);
  const stray = /^([^„"”.;]{1,40})”/u.exec(after);
  return clean(stray ? `${m[1]}${stray[1]}` : m[1]);
}

function isHeadingLike(line: string): boolean {
  const t = line.trim();
  if (t === "" || t.length > MAX_HEADING || CAPTION.test(t) || NOT_HEADING.test(t)) return false;
  if (/[:;,]$/u.test(t) || (/\.$/u.test(t) && !/\br\.$/u.test(t))) return false;
  return /\p{L}{3}/u.test(t);
}

/** The heading line(s) right above a page's first line (its logos or period), titles broken
 *  across lines joined. */
function headingAbove(lines: string[], pageStart: number, floor: number): string | null {
  let i = pageStart - 1;
  while (i >= floor && (lines[i] ?? "").trim() === "") i--;
  const parts: string[] = [];
  while (i >= floor && parts.length < MAX_HEADING_LINES && isHeadingLike(lines[i] ?? "")) {
    parts.unshift(lines[i] ?? "");
    i--;
  }
  if (parts.length === 0) return null;
  // Only a heading set apart from the previous page's text by a blank line or the document start.
  if (i >= floor && (lines[i] ?? "").trim() !== "") return null;
  // Text between logos is a banner's caption or link, not the page's heading.
  while (i >= floor && (lines[i] ?? "").trim() === "") i--;
  if (i >= floor && CAPTION.test(lines[i] ?? "")) return null;
  return clean(parts.join(" "));
}

export function findPageTitle(
  lines: string[],
  opts: { pageStart: number; end: number; floor: number },
): { title: string; from: TitleSource } {
  const { pageStart, end, floor } = opts;
  const heading = headingAbove(lines, pageStart, floor);
  if (heading) return { title: heading, from: "heading" };
  const region = lines.slice(pageStart, end);
  const text = region.filter((l) => !CAPTION.test(l));
  const first = (pick: (l: string) => string | null) => {
    for (const l of text) {
      const t = pick(l);
      if (t) return t;
    }
    return null;
  };
  const q = first((l) => quoted(l, QUOTED_NAME));
  if (q) return { title: q, from: "quoted" };
  const named = first((l) => {
    const m = NAMED.exec(l);
    return m?.[1] ? clean(m[1]) : null;
  });
  if (named) return { title: named, from: "named" };
  // A poster names the page's project; a logo caption does only when it is not the site's own
  // logo repeated on every page.
  for (const [kind, isLogo] of [
    [/^\s*plakat\s+/iu, false],
    [/^\s*logo projektu\s+/iu, true],
  ] as const) {
    for (const l of region) {
      const m = kind.exec(l);
      if (!m) continue;
      const rest = l.slice(m[0].length);
      const caption =
        quoted(rest, /^(?:projektu?\s+)?[„"]([^”"„]{3,160})[”"]/iu) ??
        clean(rest.replace(/\s+-\s+otwierany w nowym oknie.*$/iu, ""));
      if (!caption || /^projektu?$/iu.test(caption)) continue;
      if (isLogo && lines.filter((x) => x.includes(caption)).length >= REPEATED_CAPTION) continue;
      return { title: caption, from: "poster" };
    }
  }
  for (const l of text) {
    const tail = GLUED_TAIL.exec(l)?.[1];
    if (!tail) continue;
    const n = words(tail).length;
    const confirmed = text.some(
      (other) => other !== l && similarity(tail, words(other).slice(0, n).join(" ")) >= 0.8,
    );
    if (confirmed) return { title: clean(tail), from: "glued" };
  }
  const programme = first((l) => quoted(l, PROGRAMME_NAME));
  if (programme) return { title: programme, from: "programme" };
  return { title: "", from: "" };
}
