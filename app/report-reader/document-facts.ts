// Facts a report states about itself, besides its title and year: the municipality (in the
// nominative, with its TERYT code), which program it reports on, the period of the document,
// and the resolution that adopted it. Pure functions of text (decision 043).
import { clean } from "./normalise.ts";
import {
  matchMunicipalityName,
  isRegularName,
  preferByContext,
  type Municipality,
} from "./municipalities.ts";

export type Resolution = { number: string; date: string | null; body: string | null };

// Words that name a municipality right before its name, and prepositions of place.
const NAMED_AFTER =
  /\b(?:Gmin(?:a|y|ie|ą)|Miast(?:o|a|u|em)|Mie[śs]cie|Miasto i Gmin(?:a|y|ie)|Miasta i Gminy|Prezydent(?:a)? Miasta|Burmistrz(?:a)?|Wójt(?:a)?(?: Gminy)?|Rad(?:a|y|zie) (?:Miasta|Gminy|Miejsk(?:a|iej)))\s+((?:\p{Lu}[\p{L}-]*)(?:\s+\p{Lu}[\p{L}-]*){0,2})/gu;
const PLACE = /\b(?:w|we|z|ze|dla|na terenie)\s+((?:\p{Lu}[\p{L}-]*)(?:\s+\p{Lu}[\p{L}-]*){0,2})/gu;

type Mention = { municipality: Municipality; weight: number };

function mentions(text: string, pattern: RegExp, weight: number): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(pattern)) {
    const written = m[1] ?? "";
    const candidates = matchMunicipalityName(written);
    const longest = candidates[0]?.name.split(/\s+/u).length ?? 0;
    const longestNames = candidates.filter((c) => c.name.split(/\s+/u).length === longest);
    // A regular case form of the name ("Łebie" of Łeba, "Szczecinku" of Szczecinek) beats a
    // name it only shares a stem with (Lębork, Szczecin).
    const regular = longestNames.filter((c) => isRegularName(c.name, written));
    const same = regular.length > 0 ? regular : longestNames;
    if (same.length === 0) continue;
    const around = text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + m[0].length);
    out.push({ municipality: preferByContext(same, `${m[0]} ${around}`), weight });
  }
  return out;
}

/**
 * The municipality a report is about: named in its title first, then the one named most often
 * after "Gmina", "Miasto", "Rada Miasta" … and, with less weight, after "w", "dla", "na terenie".
 */
export function findMunicipality(title: string | null, text: string): Municipality | null {
  const fromTitle = title ? [...mentions(title, NAMED_AFTER, 1), ...mentions(title, PLACE, 1)] : [];
  const all =
    fromTitle.length > 0
      ? fromTitle
      : [...mentions(text, NAMED_AFTER, 3), ...mentions(text, PLACE, 1)];
  const score = new Map<string, { municipality: Municipality; score: number }>();
  for (const { municipality, weight } of all) {
    const s = score.get(municipality.teryt) ?? { municipality, score: 0 };
    s.score += weight;
    score.set(municipality.teryt, s);
  }
  return [...score.values()].sort((a, b) => b.score - a.score)[0]?.municipality ?? null;
}

// Which program a report is about, by the words of its title (DocumentFields kinds).
const PROGRAM_BY_WORDS: [RegExp, string][] = [
  [/wspierania rodziny|wspieraniu rodziny|wspierania rodzin/iu, "family_support"],
  [/przemocy/iu, "violence_prevention"],
  [/alkohol|uzależnie|narkoman/iu, "alcohol"],
  [/niepełnospraw/iu, "disability"],
  [/organizacj\p{L}* pozarządow|współpracy\s+\p{L}*\s*z\s+organizacj/iu, "ngo_cooperation"],
];

export function programOf(text: string): string | null {
  return PROGRAM_BY_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** The welfare centre's annual activity report to the council (art. 110 ust. 9). */
export function isActivityReport(title: string | null, head: string): boolean {
  const t = title ?? "";
  return (
    /sprawozdani\p{L}*\s+z\s+(?:działalności|pracy)\b/iu.test(t) ||
    /art\.?\s*110\s+ust\.?\s*9/iu.test(head)
  );
}

/** "na lata 2014-2021", "w latach 2018–2020", "2021-2025" in a title. */
export function findPeriod(text: string): { start: number; end: number } | null {
  const m =
    /(?:na\s+lata|w\s+latach|okres(?:ie)?|lata)\s+((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})/iu.exec(
      text,
    ) ?? /\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b/u.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start && end - start <= 20 ? { start, end } : null;
}

const MONTHS = [
  "stycznia",
  "lutego",
  "marca",
  "kwietnia",
  "maja",
  "czerwca",
  "lipca",
  "sierpnia",
  "września",
  "października",
  "listopada",
  "grudnia",
];

/** "29 września 2016 r.", "29.09.2016 r." → "2016-09-29". */
export function isoDate(text: string): string | null {
  const pad = (n: number) => String(n).padStart(2, "0");
  const numeric = /(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})/u.exec(text);
  if (numeric) return `${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}`;
  const worded = /(\d{1,2})\s+(\p{L}+)\s+((?:19|20)\d{2})/u.exec(text);
  const month = worded ? MONTHS.indexOf((worded[2] ?? "").toLowerCase()) : -1;
  if (!worded || month < 0) return null;
  return `${worded[3]}-${pad(month + 1)}-${pad(Number(worded[1]))}`;
}

const NAME_WORD = String.raw`\p{Lu}[\p{L}-]*`;
const RESOLUTION = new RegExp(
  String.raw`[Uu]chwał\p{L}*\s+(?:[Nn]r\.?\s*)?([IVXLCDM\d]+(?:\s*\/\s*[\w.]+){1,3})\s*` +
    String.raw`((?:Rad\p{L}*|Sejmik\p{L}*)\s+(?:Miasta i Gminy|Miasta|Gminy|Miejsk\p{L}*|Powiatu)(?:\s+(?:w\s+)?${NAME_WORD}){0,3})?` +
    String.raw`\s*(?:z\s+dnia\s+([^()]{6,30}?\d{4})\s*(?:r\.?|roku)?)?`,
  "u",
);

/** The resolution that adopted the document: number, date and the body, in the nominative. */
export function findResolution(text: string): Resolution | null {
  const m = RESOLUTION.exec(text);
  if (!m) return null;
  const body = m[2]
    ? clean(m[2])
        // "\b" is ASCII-only: a lookahead for a letter ends the word in Polish too.
        .replace(/^Rad(?:y|zie|ę|ą)(?!\p{L})/u, "Rada")
        .replace(/^Rada Miejskiej(?!\p{L})/u, "Rada Miejska")
        .replace(/^Sejmiku(?!\p{L})/u, "Sejmik")
    : null;
  return {
    number: (m[1] ?? "").replace(/\s+/gu, ""),
    date: m[3] ? isoDate(m[3]) : null,
    body,
  };
}
