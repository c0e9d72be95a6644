// Polish labels of enumerated values, and the fields of a project card (CARD_FIELDS, CardFields).
// Pure data: safe to import from components that run in the browser.

export const CARD_STATUS_LABELS: Record<string, string> = {
  carried_out: "zrealizowany",
  not_carried_out: "niezrealizowany",
  reported_elsewhere: "sprawozdawany w innym dokumencie",
  finished: "zakończony",
};
export const GOAL_VERDICT_LABELS: Record<string, string> = {
  achieved: "cel osiągnięty",
  partly: "cel osiągnięty częściowo",
  not_achieved: "cel nieosiągnięty",
};
export const CONTINUATION_LABELS: Record<string, string> = {
  yes: "kontynuowany",
  no: "niekontynuowany",
  renamed: "kontynuowany pod nową nazwą",
};

/** Card fields a form may change; the rest is bookkeeping. */
export const CARD_FIELDS = [
  "status",
  "statusReason",
  "reportedIn",
  "goalText",
  "goalVerdict",
  "goalVerdictReason",
  "addressees",
  "implementers",
  "stages",
  "effects",
  "indicatorsText",
  "evaluation",
  "funding",
  "timeframe",
  "continuation",
  "nextYearTitle",
] as const;
export type CardFields = { [K in (typeof CARD_FIELDS)[number]]: string | null };

export const CARD_FIELD_LABELS: Record<(typeof CARD_FIELDS)[number], string> = {
  status: "Status w roku",
  statusReason: "Przyczyna niezrealizowania",
  reportedIn: "Sprawozdawany w dokumencie",
  goalText: "Cel projektu",
  goalVerdict: "Ocena osiągnięcia celu",
  goalVerdictReason: "Uzasadnienie oceny",
  addressees: "Adresaci",
  implementers: "Realizatorzy projektu",
  stages: "Etapy realizacji",
  effects: "Osiągnięte efekty, wskaźniki realizacji działań",
  indicatorsText: "Wskaźniki",
  evaluation: "Zasady ewaluacji",
  funding: "Źródło finansowania",
  timeframe: "Termin realizacji",
  continuation: "Kontynuacja w roku następnym",
  nextYearTitle: "Nazwa w roku następnym",
};

export const INSTITUTION_KINDS: Record<string, string> = {
  municipal_unit: "jednostka gminy",
  state_agency: "administracja rządowa",
  school: "szkoła lub placówka oświatowa",
  ngo: "organizacja pozarządowa",
  church: "kościół lub związek wyznaniowy",
  court: "sąd",
  health: "ochrona zdrowia",
  other: "inna",
};

export const INDICATOR_KINDS: Record<string, string> = {
  product: "wskaźnik produktu",
  result: "wskaźnik rezultatu",
  context: "wskaźnik kontekstowy",
};

export const INDICATOR_DIRECTIONS: Record<string, string> = {
  increase: "im więcej, tym lepiej",
  decrease: "im mniej, tym lepiej",
  none: "bez oceny kierunku",
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  strategy: "strategia rozwiązywania problemów społecznych",
  family_support: "program wspierania rodziny",
  violence_prevention: "program przeciwdziałania przemocy domowej",
  alcohol: "program profilaktyki i rozwiązywania problemów alkoholowych",
  disability: "program na rzecz osób z niepełnosprawnościami",
  ngo_cooperation: "program współpracy z organizacjami pozarządowymi",
  other: "inny program",
};

export const DOCUMENT_STATUS_LABELS: Record<string, string> = {
  draft: "projekt",
  in_force: "obowiązuje",
  expired: "wygasł",
};

export const BREAKDOWN_DIMENSIONS: Record<string, string> = {
  sex: "płeć",
  district: "dzielnica",
  age: "grupa wieku",
  of_which: "w tym (część wartości)",
  other: "inny podział",
};

/** Select options from a label map. */
export function labelOptions(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export const FUNDING_SOURCES: Record<string, string> = {
  eu: "środki Unii Europejskiej (EFS, EFRR)",
  state: "budżet państwa",
  own: "środki własne gminy",
  pfron: "PFRON",
  alcohol_fund: "środki z opłat za zezwolenia na alkohol",
  ministry: "dotacja ministerstwa",
  partner_own: "wkład własny partnera",
  other: "inne",
};
