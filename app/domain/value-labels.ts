// Polish labels of enumerated values, and the fields of a project card (CARD_FIELDS, CardFields).
// Pure data: safe to import from components that run in the browser. Decision 045: every
// enumerated value a person sees goes through labelOf and the ENUMERATIONS table below.
import { ROLE_LABELS } from "./actor.ts";
import { ASSIGNMENT_KIND_LABELS, ASSIGNMENT_STATUS_LABELS } from "./rounds/assignment-statuses.ts";
import { TARGET_STATUS_LABELS } from "./analytics/target-status.ts";
import { DICTIONARY_AREAS } from "./comparison/dictionary.ts";

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

export const ROUND_STATUS_LABELS: Record<string, string> = {
  open: "otwarta",
  closed: "zamknięta",
};

/** What each validation rule checks, named for the person who reads its finding. */
export const FINDING_LABELS: Record<string, string> = {
  total_vs_contributions: "suma wartości instytucji a wartość wskaźnika",
  total_explained: "wyjaśniona różnica między sumą a wartością wskaźnika",
  breakdown_sum: "suma podziału a wartość wskaźnika",
  of_which_exceeds: "część „w tym” większa niż wartość",
  of_which_part_exceeds: "część „w tym” większa niż wartość instytucji",
  fractional_count: "liczba osób lub rzeczy z częścią ułamkową",
  negative_value: "wartość ujemna",
  invalid: "niepoprawna wartość",
  budget_parts_vs_total: "suma źródeł finansowania a wartość ogółem",
  budget_percent_mismatch: "udział procentowy a kwota źródła",
  budget_percent_sum: "suma udziałów procentowych",
  effects_missing: "brak opisu efektów",
  goal_verdict_reason_missing: "brak uzasadnienia oceny celu",
  next_year_title_missing: "brak nazwy w roku następnym",
  reported_in_missing: "brak dokumentu, w którym projekt jest sprawozdawany",
  status_reason_missing: "brak przyczyny niezrealizowania",
};

/** A finding's weight (as the findings panel names it): error, warning, explanation. */
export const SEVERITY_LABELS: Record<string, string> = {
  error: "błąd",
  warning: "ostrzeżenie",
  note: "wyjaśnienie",
};

/** An e-mail's state on the outbox page (decision 051). */
export const OUTBOX_STATUS_LABELS: Record<string, string> = {
  outbox: "w skrzynce (bez SMTP)",
  queued: "czeka na wysłanie",
  sent: "wysłano",
  failed: "nie wysłano",
};

/** The EU fund co-financing a project (decision 067; codes in domain/eu-funding/types.ts). */
export const EU_FUND_LABELS: Record<string, string> = {
  efs: "Europejski Fundusz Społeczny (EFS)",
  efs_plus: "Europejski Fundusz Społeczny Plus (EFS+)",
  efrr: "Europejski Fundusz Rozwoju Regionalnego (EFRR)",
  fead: "Fundusz Europejskiej Pomocy Najbardziej Potrzebującym (FEAD)",
  fs: "Fundusz Spójności",
  other: "inny fundusz Unii Europejskiej",
};

/** The explorer's kinds of rows (decision 055). */
export const EXPLORER_ROW_KINDS: Record<string, string> = {
  total: "wartość ogółem",
  contribution: "wartość instytucji",
  breakdown: "podział",
};

/** The one table of enumerations a person may see; pages show a value only through labelOf. */
/** The kinds of item in the archive (decision 070). */
export const ARCHIVE_KIND_LABELS: Record<string, string> = {
  document: "Dokument",
  goal: "Cel strategiczny",
  direction: "Kierunek działań",
  project: "Projekt",
  indicator: "Wskaźnik",
  institution: "Instytucja",
  member: "Osoba",
};

export const ENUMERATIONS = {
  archiveKind: ARCHIVE_KIND_LABELS,
  cardStatus: CARD_STATUS_LABELS,
  goalVerdict: GOAL_VERDICT_LABELS,
  continuation: CONTINUATION_LABELS,
  institutionKind: INSTITUTION_KINDS,
  indicatorKind: INDICATOR_KINDS,
  indicatorDirection: INDICATOR_DIRECTIONS,
  documentKind: DOCUMENT_KIND_LABELS,
  documentStatus: DOCUMENT_STATUS_LABELS,
  breakdownDimension: BREAKDOWN_DIMENSIONS,
  fundingSource: FUNDING_SOURCES,
  assignmentStatus: ASSIGNMENT_STATUS_LABELS as Record<string, string>,
  assignmentKind: ASSIGNMENT_KIND_LABELS as Record<string, string>,
  roundStatus: ROUND_STATUS_LABELS,
  outboxStatus: OUTBOX_STATUS_LABELS,
  role: ROLE_LABELS as Record<string, string>,
  finding: FINDING_LABELS,
  euFund: EU_FUND_LABELS,
  targetStatus: TARGET_STATUS_LABELS as Record<string, string>,
  severity: SEVERITY_LABELS,
  dictionaryArea: DICTIONARY_AREAS as Record<string, string>,
  explorerRowKind: EXPLORER_ROW_KINDS,
} as const;
export type Enumeration = keyof typeof ENUMERATIONS;

/** Shown for a stored value no table names (a newer value, a bad import) — never the raw code. */
export const UNNAMED_VALUE = "wartość spoza słownika";

/** The Polish label of an enumerated value; null for no value ("" reads as a dash). */
export function labelOf(enumeration: Enumeration, value: string): string;
export function labelOf(enumeration: Enumeration, value: string | null | undefined): string | null;
export function labelOf(enumeration: Enumeration, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value === "") return "—";
  const labels: Record<string, string> = ENUMERATIONS[enumeration];
  return Object.hasOwn(labels, value) ? labels[value]! : UNNAMED_VALUE;
}

/** Card fields whose values are enumerated. */
export const CARD_FIELD_ENUMERATIONS: Partial<Record<(typeof CARD_FIELDS)[number], Enumeration>> = {
  status: "cardStatus",
  goalVerdict: "goalVerdict",
  continuation: "continuation",
};

/** A card field's value as a person reads it: "zrealizowany", not "carried_out". */
export function cardFieldText(
  field: (typeof CARD_FIELDS)[number],
  value: string | null | undefined,
): string | null {
  const enumeration = CARD_FIELD_ENUMERATIONS[field];
  if (enumeration) return labelOf(enumeration, value);
  return value === null || value === undefined || value === "" ? null : value;
}
