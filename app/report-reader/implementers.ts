// The "Realizator(zy) projektu" text of a card, split into institutions (decision 044):
//   "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej przy współudziale podmiotów …"
//                                          → MOPS w Rudzie Śląskiej (lead)
//   "MOPS we współpracy z PUP i Stowarzyszeniem Arka" → MOPS (lead), PUP, Stowarzyszenie … (partners)
//   "Lider: PCPR; Partnerzy: WTZ „Szansa”, Fundacja Nadzieja" → lead and partners as labelled
//   "Miejski Ośrodek Pomocy Społecznej, Stowarzyszenie Senior" → both, roles not stated
// Only capitalised names and acronyms become institutions: "podmioty i instytucje, które …" is
// a description, not a partner. Sub-units ("w ramach Działu …", "– Dział Wsparcia Rodziny") name
// where in the institution the work is done and are dropped.
import { clean } from "./normalise.ts";

export type ImplementerRole = "lead" | "partner" | "unstated";
export type Implementer = { name: string; role: ImplementerRole };

// What introduces partners after the lead.
const PARTNERS_AFTER =
  /\s*(?:\b(?:we|przy)\s+współpracy\s+z(?:e)?|\bprzy\s+współudziale|\bw\s+partnerstwie\s+z(?:e)?|\bwspólnie\s+z(?:e)?|\bpartner(?:zy|em|ami)?\s*:|;\s*partner(?:zy)?\b\s*:?)\s*/iu;
const LEAD_LABEL = /^\s*(?:lider|realizator\s+wiodący|koordynator|wnioskodawca)\s*:\s*/iu;
const ROLE_IN_PARENS = /\s*\((lider|partner)\)\s*/iu;
const ITEM_SEPARATOR = /\s*(?:[;,\n•·▪]|\s-\s(?=\p{Lu})|\s+(?:oraz|i)\s+(?:ze?\s+)?(?=\p{Lu}))\s*/u;
// Where a name stops: a sub-unit, a relative clause, an explanation.
const NAME_END =
  /\s*(?:[-–—]\s*(?:Dział|Sekcja|Zespół|Referat|Wydział)(?!\p{L})|\bul\.\s|\b\d{2}-\d{3}\b|\bOddział(?!\p{L})|\bz\s+siedzibą\b|\bw\s+ramach\b|\b(?:który|która|które|którzy)\b|\bw\s+zakresie\b|\bna\s+podstawie\b|\bpoprzez\b|\(|:).*$/u;
// Nouns in the instrumental after "z" ("ze Stowarzyszeniem") are written back in the nominative.
const INSTRUMENTAL: [RegExp, string][] = [
  [/^Stowarzyszeniem(?!\p{L})/u, "Stowarzyszenie"],
  [/^Fundacją(?!\p{L})/u, "Fundacja"],
  [/^Parafią(?!\p{L})/u, "Parafia"],
  [/^Komendą(?!\p{L})/u, "Komenda"],
  [/^Strażą(?!\p{L})/u, "Straż"],
  [/^Poradnią(?!\p{L})/u, "Poradnia"],
  [/^Szkołą(?!\p{L})/u, "Szkoła"],
  [/^Powiatowym Urzędem Pracy(?!\p{L})/u, "Powiatowy Urząd Pracy"],
  [/^Miejskim Ośrodkiem Pomocy Społecznej(?!\p{L})/u, "Miejski Ośrodek Pomocy Społecznej"],
  [/^Sądem(?!\p{L})/u, "Sąd"],
  [/^Ośrodkiem(?!\p{L})/u, "Ośrodek"],
  [/^Urzędem(?!\p{L})/u, "Urząd"],
  [/^Domem(?!\p{L})/u, "Dom"],
  [/^Zespołem(?!\p{L})/u, "Zespół"],
  [/^Klubem(?!\p{L})/u, "Klub"],
];

// An institution named in the genitive after the people who work in it ("Pracownicy socjalni
// Miejskiego Ośrodka Pomocy Społecznej") or standing alone in that case; its leading words are
// written back in the nominative.
const GENITIVE_WORDS: Record<string, string> = {
  Miejskiego: "Miejski",
  Gminnego: "Gminny",
  Powiatowego: "Powiatowy",
  Rejonowego: "Rejonowy",
  Miejskiej: "Miejska",
  Powiatowej: "Powiatowa",
  Ośrodka: "Ośrodek",
  Urzędu: "Urząd",
  Straży: "Straż",
  Komendy: "Komenda",
  Domu: "Dom",
  Zespołu: "Zespół",
  Poradni: "Poradnia",
  Fundacji: "Fundacja",
  Stowarzyszenia: "Stowarzyszenie",
  Szkoły: "Szkoła",
  Sądu: "Sąd",
  Zakładu: "Zakład",
  Klubu: "Klub",
  Centrum: "Centrum",
};
const HEADS =
  "Ośrodka|Urzędu|Straży|Komendy|Domu|Zespołu|Poradni|Fundacji|Stowarzyszenia|Szkoły|Sądu|Zakładu|Klubu|Centrum";
const GENITIVE_INSTITUTION = new RegExp(
  `(?:(?:Miejskiego|Gminnego|Powiatowego|Rejonowego|Miejskiej|Powiatowej)\\s+)?(?:${HEADS})(?!\\p{L})(?:\\s+[\\p{Lu}„"][\\p{L}”"-]*)*`,
  "u",
);
const HEAD_NOMINATIVES = new Set(
  "Ośrodek Urząd Straż Komenda Dom Zespół Poradnia Fundacja Stowarzyszenie Szkoła Sąd Zakład Klub Centrum".split(
    " ",
  ),
);
const PEOPLE =
  /^(?:pracowni\p{L}*|funkcjonariusz\p{L}*|specjali\p{L}*|asysten\p{L}*|psycholo\p{L}*|kurator\p{L}*|członk\p{L}*)\b/iu;

function fromGenitive(text: string): string {
  const m = GENITIVE_INSTITUTION.exec(text);
  if (!m) return text;
  const words = m[0].split(/\s+/u);
  // "Miejskiego Ośrodka" → "Miejski Ośrodek"; the words after the head stay ("Pomocy Społecznej").
  for (let k = 0; k < Math.min(2, words.length); k++) {
    const nominative = GENITIVE_WORDS[words[k] ?? ""];
    if (!nominative) break;
    words[k] = nominative;
    if (HEAD_NOMINATIVES.has(nominative)) break;
  }
  return words.join(" ");
}

function cleanName(raw: string): string {
  let text = clean(raw)
    .replace(/^\d{1,2}[.)]\s*/u, "")
    .replace(/^od\s+\d{4}\s*(?:r\.|roku)?\s*/iu, "");
  if (
    PEOPLE.test(text) ||
    new RegExp(`^(?:(?:Miejskiego|Gminnego|Powiatowego)\\s+)?(?:${HEADS})(?!\\p{L})`, "u").test(
      text,
    )
  ) {
    text = fromGenitive(text);
  }
  let name = clean(text.replace(NAME_END, ""))
    .replace(/[.,;:]+$/u, "")
    .replace(/^ze?\s+(?=\p{Lu})/u, "");
  for (const [re, nominative] of INSTRUMENTAL) {
    if (!re.test(name)) continue;
    // The adjectives after the head agree with it: "Poradnią Psychologiczno-Pedagogiczną",
    // "Komendą Miejską Policji" → "Poradnia Psychologiczno-Pedagogiczna", "Komenda Miejska …".
    const [head = "", ...rest] = name.replace(re, nominative).split(" ");
    let agreeing = true;
    const words = rest.map((w) => {
      if (!agreeing || !/^\p{Lu}[\p{L}-]*(?:ą|ym|im)$/u.test(w)) {
        agreeing = false;
        return w;
      }
      return w.replace(/ą$/u, "a").replace(/ym$/u, "y").replace(/im$/u, "i");
    });
    name = [head, ...words].join(" ");
    break;
  }
  return name;
}

/** A name of an institution, not a description: starts with a capital or is an acronym. */
function isInstitutionName(name: string): boolean {
  if (name.length < 2 || name.length > 160) return false;
  if (!/^[\p{Lu}„"]/u.test(name) || /[()]/u.test(name)) return false;
  // A single word is a name only as an acronym or a known one-word institution.
  if (
    !/\s/u.test(name) &&
    !/^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}/u.test(name) &&
    !/^(?:Caritas|Prokuratura|Policja|Sanepid)$/u.test(name)
  )
    return false;
  // "Wszystkie instytucje …", "Pracownicy socjalni": generic words, not a name.
  return !/^(?:Wszys|Pracowni|Osoby|Mieszka|Klienci|Instytucje|Podmioty|Partner|Brak|Miejsce|Realizacj|Zadanie|Projekt)/u.test(
    name,
  );
}

function names(part: string, role: ImplementerRole): Implementer[] {
  const out: Implementer[] = [];
  for (const raw of part.split(ITEM_SEPARATOR)) {
    const parenthesised = ROLE_IN_PARENS.exec(raw);
    const name = cleanName(raw.replace(ROLE_IN_PARENS, " "));
    if (!isInstitutionName(name)) continue;
    const stated = parenthesised
      ? (parenthesised[1] ?? "").toLowerCase() === "lider"
        ? "lead"
        : "partner"
      : role;
    out.push({ name, role: stated });
  }
  return out;
}

export function splitImplementers(text: string | null | undefined): Implementer[] {
  const source = clean((text ?? "").replace(/\n/gu, "; "));
  if (source === "") return [];
  const labelled = LEAD_LABEL.test(source);
  const withoutLabel = source.replace(LEAD_LABEL, "");
  const m = PARTNERS_AFTER.exec(withoutLabel);
  const leadPart = m ? withoutLabel.slice(0, m.index) : withoutLabel;
  const partnerPart = m ? withoutLabel.slice((m.index ?? 0) + m[0].length) : "";
  const leads = names(leadPart, m || labelled ? "lead" : "unstated");
  const partners = names(partnerPart, "partner");
  // A single named institution is the lead, whatever the text adds about others.
  if (leads.length === 1 && leads[0]?.role === "unstated") leads[0].role = "lead";
  const seen = new Set<string>();
  return [...leads, ...partners].filter((i) => {
    const key = i.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
