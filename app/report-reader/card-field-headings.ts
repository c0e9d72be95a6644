// Field labels of a project card. Municipalities word them differently ("Cel projektu:" /
// "Cel:", "Adresat:" / "Adresaci:", "Źródło finansowania:" / "Finansowanie:"), so each field
// has a list of variants. A label counts only at the start of a line and followed by a colon —
// or alone on its line — because the same words occur in running text ("Cel został osiągnięty").

export type FieldKey =
  | "goal"
  | "addressees"
  | "implementers"
  | "stages"
  | "effects"
  | "indicators"
  | "evaluation"
  | "funding"
  | "timeframe";

const VARIANTS: { key: FieldKey; pattern: string }[] = [
  {
    key: "goal",
    pattern: "cel(?:e)?(?: (?:główny |szczegółow[ey] )?(?:projektu|zadania|programu))?",
  },
  {
    key: "addressees",
    pattern: "(?:adresa(?:t|ci)|odbiorc[ay]|grupa docelowa)(?: (?:projektu|zadania|działań))?",
  },
  {
    key: "implementers",
    pattern:
      "(?:realizator(?:zy)?|wykonawc[ay]|podmiot(?:y)? realizując[ey])(?: (?:projektu|zadania|programu))?",
  },
  { key: "stages", pattern: "etapy(?: realizacji)?(?: (?:projektu|zadania))?|harmonogram" },
  {
    key: "effects",
    pattern:
      "(?:osiągnięte )?(?:efekty|rezultaty)(?: realizacji)?(?:,? (?:i )?wskaźniki realizacji(?: działań| projektu)?)?",
  },
  { key: "indicators", pattern: "wskaźniki(?: realizacji(?: działań| projektu)?)?" },
  { key: "evaluation", pattern: "(?:zasady )?ewaluacj[ai]" },
  {
    key: "funding",
    pattern:
      "(?:źródł[oa] finansowania|finansowanie|koszt(?:y)? realizacji)(?: projektu| zadania)?",
  },
  { key: "timeframe", pattern: "(?:termin|okres|czas) realizacji(?: projektu| zadania)?|termin" },
];

const WITH_COLON = VARIANTS.map((v) => ({
  key: v.key,
  re: new RegExp(`^\\s*(?:${v.pattern})\\s*:\\s*(.*)$`, "iu"),
}));
const ALONE = VARIANTS.map((v) => ({
  key: v.key,
  re: new RegExp(`^\\s*(?:${v.pattern})\\s*$`, "iu"),
}));

export type LabelMatch = { key: FieldKey; rest: string };

export function matchFieldLabel(rawLine: string): LabelMatch | null {
  // Bold markers and bullets around a label are layout, not content.
  const line = rawLine.replace(/\*\*/gu, "").replace(/^\s*[•·▪]\s*/u, "");
  for (const { key, re } of WITH_COLON) {
    const m = re.exec(line);
    if (m) {
      return { key, rest: (m[1] ?? "").trim() };
    }
  }
  for (const { key, re } of ALONE) if (re.test(line)) return { key, rest: "" };
  return null;
}

/** "Koordynator:" / "Koordynatorzy:" / "Koordynator celu:" — the goal coordinator label. */
export const COORDINATOR_LABEL = /^\s*koordynator(?:zy|ka)?(?: celu)?\s*:\s*(.*)$/iu;
