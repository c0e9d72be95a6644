// Recognising what an indicator's free-text unit means. Units are typed by people, in any
// grammatical case and number ("osoby", "osób", "os.", "rodzin zastępczych"), so count units
// are matched by the stem of the first word rather than by an exhaustive list of forms.

// "tys. zł" is deliberately absent: its values are thousands and must not be printed as złoty.
const MONEY_UNITS = new Set(["zł", "zl", "pln", "złotych", "złote", "złoty"]);

// Checked before the count stems: "osobogodziny" starts like "osoby" but hours can be fractional,
// and "punkty procentowe" starts like "punkty".
const NOT_COUNT_WORD = /^(?:godz|osobogodz|roboczogodz|h$|min$|km$|kg$|m2$|m²$|zł$|zl$|pln$|tys$)/u;

const COUNT_STEMS = [
  "osob", // also "osobodni", "osobodzień"
  "osób",
  "rodzin",
  "dziec",
  "szt",
  "porad",
  "spotka",
  "kampani",
  "organizacj",
  "instytucj",
  "program",
  "projekt",
  "wniosk",
  "wniosek",
  "mieszka", // mieszkania, mieszkań, mieszkańcy
  "placów",
  "szkole",
  "bada",
  "analiz",
  "umow",
  "umów",
  "wizyt",
  "interwencj",
  "spraw", // sprawy, spraw: the cases public reports withhold when few (DOMAIN §6)
  "procedur", // procedury "Niebieskie Karty"
  "wolontariusz",
  "uczestni",
  "uczni",
  "uczeń",
  "świetlic",
  "klub",
  "grup",
  "punkt",
  "inicjatyw",
  "działa",
  "partnerstw",
  "kontrakt",
  "decyzj",
  "kobiet",
  "mężczyzn",
  "senior",
  "miejsc",
  "lokal",
  "ofert",
  "zada",
  "posiedze",
  "ulot",
  "egzemplarz",
  "publikacj",
  "diagnoz",
  "opini",
  "raport",
  "warsztat",
  "konferencj",
  "zajęć",
  "zajęci",
  "podmiot",
  "pracowni",
  "beneficjent",
  "klient",
];

function normalize(unit: string): string {
  return unit.trim().toLocaleLowerCase("pl-PL").replace(/\s+/g, " ");
}

/** True for units that count whole things (people, families, leaflets…), whose values must be integers. */
export function isCountUnit(unit: string): boolean {
  const u = normalize(unit);
  if (u === "" || isPercentUnit(u)) return false;
  const words = u.split(/[\s/]+/).map((w) => w.replace(/\.+$/, ""));
  if (words.some((w) => NOT_COUNT_WORD.test(w))) return false;
  const first = words[0] ?? "";
  // "os." is the usual abbreviation of "osoby"; as a stem it would match far too much.
  if (first === "os") return true;
  return COUNT_STEMS.some((stem) => first.startsWith(stem));
}

export function isMoneyUnit(unit: string): boolean {
  return MONEY_UNITS.has(normalize(unit));
}

/** Percentages of different bases do not add up, so sum checks make no sense for them. */
export function isPercentUnit(unit: string): boolean {
  const u = normalize(unit);
  return u.includes("%") || u.includes("procent") || u === "proc." || u === "p.p." || u === "pp";
}
