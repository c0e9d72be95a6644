// Polish municipalities (gminy) from the TERC register shipped in app/registers, and the match of a
// name as reports write it — declined ("Miasta Sosnowca", "w Rudzie Śląskiej", "Ostrowca
// Świętokrzyskiego", "Krakowa") — to its nominative and its 7-digit TERYT code (decision 043).
// Declension is matched by stem: the written word and the register's word share their start,
// the nominative differs only in its last letters, and what the written word adds is a Polish
// case ending. No dictionary of forms: 2,477 names and their cases would be a second register.
import terc from "../registers/terc-2024-01-01.json" with { type: "json" };

export type Municipality = { teryt: string; name: string; kind: string; county: string };

type Register = {
  counties: Record<string, [string, string]>;
  municipalities: [string, string, string][];
};

const register = terc as unknown as Register;

/** Lowercase without diacritics: "Śląskiej" → "slaskiej". */
export function foldPolish(word: string): string {
  return word.toLowerCase().replace(/ł/gu, "l").normalize("NFD").replace(/\p{M}/gu, "");
}

// Case endings (folded) a declined word may add after the stem it shares with the nominative.
const ENDINGS = new Set(
  (
    "a e i y u o ia ie iu ii iem iego iej iemu ego ej emu em om owi ow ach ami ce ca cu cem cy " +
    "zie ze rze dzie ni nia niu wi wia wiu ka ku ki ym im ich ych ymi imi ii ji"
  ).split(" "),
);
ENDINGS.add("");

/** A written word is a case form of a register word. */
export function isCaseForm(nominative: string, written: string): boolean {
  const n = foldPolish(nominative);
  const w = foldPolish(written);
  if (n === w) return true;
  let p = 0;
  while (p < n.length && p < w.length && n[p] === w[p]) p++;
  if (p < 3 || n.length - p > 3) return false;
  return ENDINGS.has(w.slice(p));
}

const VOWEL_START = (e: string) => e === "" || /^[aeiouy]/u.test(e);

/**
 * The stems a nominative declines from, each with the endings it takes: a last vowel dropped,
 * a mobile "e" lost (Szczecinek → Szczecink-u, Sosnowiec → Sosnowc-a), "-ka" → "-ce".
 * After a stem that keeps the whole nominative only vowel endings follow (Szczecin-a, not
 * Szczecin-ku).
 */
function stems(n: string): [string, (ending: string) => boolean][] {
  const any = (e: string) => ENDINGS.has(e);
  const vowel = (e: string) => ENDINGS.has(e) && VOWEL_START(e);
  if (/ek$/u.test(n)) return [[n.slice(0, -2) + "k", vowel]];
  if (/iec$/u.test(n)) return [[n.slice(0, -3) + "c", vowel]];
  if (/ec$/u.test(n)) return [[n.slice(0, -2) + "c", vowel]];
  if (/ka$/u.test(n))
    return [
      [n.slice(0, -1), vowel],
      [n.slice(0, -2) + "c", (e) => e === "e"],
    ];
  if (/[aeoyi]$/u.test(n)) return [[n.slice(0, -1), any]];
  return [[n, vowel]];
}

/**
 * A written word is a regular case form of the nominative, by the nominative's own ending:
 * "Szczecinku" of Szczecinek (not of Szczecin), "Łebie" of Łeba (not of Lębork), "Sosnowcu" of
 * Sosnowiec (not of Sosnówka). Used to choose among names that share a stem.
 */
export function isRegularForm(nominative: string, written: string): boolean {
  const n = foldPolish(nominative);
  const w = foldPolish(written);
  return w === n || stems(n).some(([st, takes]) => w.startsWith(st) && takes(w.slice(st.length)));
}

/** Every part of a register name is a regular case form of the written words. */
export function isRegularName(name: string, written: string): boolean {
  const words = written.split(/\s+/u).filter((w) => w !== "");
  return name.split(/\s+/u).every((part, k) => {
    const w = (words[k] ?? "").replace(/[.,;:)]+$/u, "").split("-");
    return part.split("-").every((piece, j) => isRegularForm(piece, w[j] ?? ""));
  });
}

let byStem: Map<string, Municipality[]> | null = null;

const stemKey = (word: string): string => foldPolish(word).slice(0, 3);

function index(): Map<string, Municipality[]> {
  if (byStem) return byStem;
  byStem = new Map();
  for (const [teryt, name, kind] of register.municipalities) {
    const county = register.counties[teryt.slice(0, 4)]?.[0] ?? "";
    const entry = { teryt, name, kind, county };
    const key = stemKey(name);
    byStem.set(key, [...(byStem.get(key) ?? []), entry]);
  }
  return byStem;
}

/** Every municipality of the register, in register order. */
export function allMunicipalities(): Municipality[] {
  return [...index().values()].flat().sort((a, b) => a.teryt.localeCompare(b.teryt));
}

export function municipalityByTeryt(teryt: string): Municipality | null {
  return allMunicipalities().find((m) => m.teryt === teryt) ?? null;
}

/**
 * The municipalities whose name the words (as written, possibly declined) start with; longer
 * names first ("Ruda Śląska" before a "Ruda"). Name parts are matched word by word; a hyphen
 * joins parts like a space ("Kędzierzyn-Koźle").
 */
export function matchMunicipalityName(written: string): Municipality[] {
  const words = written.split(/[\s]+/u).filter((w) => w !== "");
  const first = words[0];
  if (!first) return [];
  const found: Municipality[] = [];
  for (const m of index().get(stemKey(first)) ?? []) {
    const parts = m.name.split(/\s+/u);
    if (parts.length > words.length) continue;
    if (parts.every((part, k) => matchesPart(part, words[k] ?? ""))) found.push(m);
  }
  return found.sort((a, b) => b.name.split(/\s+/u).length - a.name.split(/\s+/u).length);
}

function matchesPart(part: string, word: string): boolean {
  const pieces = part.split("-");
  const written = word.replace(/[.,;:)]+$/u, "").split("-");
  if (pieces.length !== written.length) return false;
  return pieces.every((p, k) => isCaseForm(p, written[k] ?? ""));
}

/** Of several municipalities with one name, the one the words around it point at. */
export function preferByContext(candidates: Municipality[], context: string): Municipality {
  const urban = /\b(?:miast|prezydent|mops|mopr)/iu.test(context);
  const rural = /\b(?:gmin(?!a miejska)|wójt|gops)/iu.test(context);
  const rank = (m: Municipality) => {
    // A city with county rights (county code 61 and over) is the one a "Miasto X" names.
    const cityCounty = Number(m.teryt.slice(2, 4)) >= 61 ? 2 : 0;
    if (urban) return (m.kind.startsWith("gmina miejska") ? 4 : 0) + cityCounty;
    if (rural) return m.kind === "gmina wiejska" ? 4 : m.kind === "gmina miejsko-wiejska" ? 3 : 0;
    return cityCounty + (m.kind.startsWith("gmina miejska") ? 1 : 0);
  };
  return [...candidates].sort((a, b) => rank(b) - rank(a))[0] ?? (candidates[0] as Municipality);
}
