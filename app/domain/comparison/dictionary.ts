// The dictionary of common indicators Busola ships (app/registers/common-indicators.json,
// decision 055): code, name, unit, definition and the statute or national reporting form that
// defines the figure. A municipality maps its own indicators to these codes; the comparison
// between municipalities is made per code. Pure data: safe in the browser.
import register from "../../registers/common-indicators.json" with { type: "json" };

export const DICTIONARY_AREAS = {
  social_assistance: "pomoc społeczna",
  family_support: "wspieranie rodziny i piecza zastępcza",
  violence_prevention: "przeciwdziałanie przemocy domowej",
  addiction_prevention: "profilaktyka i rozwiązywanie problemów uzależnień",
  disability: "osoby z niepełnosprawnościami",
  ngo_cooperation: "współpraca z organizacjami pozarządowymi",
} as const satisfies Record<string, string>;

export type DictionaryArea = keyof typeof DICTIONARY_AREAS;

export type DictionaryEntry = {
  code: string;
  area: DictionaryArea;
  name: string;
  unit: string;
  definition: string;
  source: string;
};

export const DICTIONARY_VERSION: string = register.version;
export const DICTIONARY: readonly DictionaryEntry[] = register.entries as DictionaryEntry[];

const BY_CODE = new Map(DICTIONARY.map((e) => [e.code, e]));

export function dictionaryEntry(code: string | null | undefined): DictionaryEntry | null {
  return code ? (BY_CODE.get(code) ?? null) : null;
}

export function isDictionaryCode(code: string): boolean {
  return BY_CODE.has(code);
}
