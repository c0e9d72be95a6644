// Presenting audit entries and conflicts as "pole: było → jest": Polish field names (per kind of
// record: a budget's total is not an indicator's value), enumerated values through labelOf,
// timestamps as Polish dates. References to other records (…Id) and bookkeeping are not shown:
// the page already says which record this is (decision 045).
import type { HistoryEntry } from "../../domain/audit.ts";
import type { ConflictError } from "../../domain/errors.ts";
import { formatDate, formatDateTime } from "../../format/polish-dates.ts";
import { formatNumber } from "../../format/polish-numbers.ts";
import {
  CARD_FIELD_ENUMERATIONS,
  CARD_FIELD_LABELS,
  labelOf,
  type Enumeration,
} from "../../domain/value-labels.ts";

const LABELS: Record<string, string> = {
  ...CARD_FIELD_LABELS,
  status: "Status",
  total: "Wartość wskaźnika",
  approximate: "Wartość przybliżona",
  remarks: "Uwagi",
  published: "Opublikowano",
  contributions: "Wartości instytucji",
  value: "Wartość",
  ofWhich: "W tym",
  note: "Opis instytucji",
  name: "Nazwa",
  shortName: "Skrót",
  kind: "Rodzaj",
  finding: "Uwaga walidacji",
  comment: "Komentarz",
  parts: "Źródła finansowania",
  year: "Rok",
  breakdowns: "Podziały",
  symbol: "Symbol",
  title: "Tytuł",
  code: "Symbol",
  unit: "Jednostka miary",
  baseline: "Wartość bazowa",
  baselineYear: "Rok wartości bazowej",
  dictionaryCode: "Wskaźnik wspólny (do porównań)",
  residents: "Liczba mieszkańców",
  source: "Źródło",
  target: "Wartość docelowa",
  direction: "Kierunek zmian",
  actionLines: "Proponowane kierunki działań",
  institutions: "Instytucje",
  totalReason: "Uzasadnienie wartości ogółem",
  explanation: "Wyjaśnienie zmiany",
  returnComment: "Komentarz do zwrotu",
  reopenReason: "Powód ponownego otwarcia",
  closeReason: "Powód zamknięcia",
  deadline: "Termin dla realizatorów",
  submittedAt: "Przekazano",
  reviewedAt: "Sprawdzono",
  sinceYear: "Realizowany od roku",
  euProgramme: "Program UE",
  euPriorityAxis: "Oś priorytetowa",
  euMeasure: "Działanie",
  euSubMeasure: "Poddziałanie",
  euFund: "Fundusz UE",
  euAgreementNumber: "Numer umowy o dofinansowanie",
  periodStart: "Początek okresu",
  periodEnd: "Koniec okresu",
  resolutionNumber: "Numer uchwały",
  resolutionDate: "Data uchwały",
  closeThreshold: "Próg „blisko celu” (%)",
  coordinatorName: "Koordynator",
  coordinatorPosition: "Stanowisko koordynatora",
  position: "Kolejność",
  email: "Adres e-mail",
  role: "Rola",
  changeThreshold: "Próg zmiany wymagającej wyjaśnienia (%)",
  remindBefore: "Przypomnienia przed terminem (dni)",
  remindAfter: "Przypomnienia po terminie (dni)",
  implements: "Realizuje dokument",
  continues: "Kontynuuje dokument",
  archivedAt: "Zarchiwizowano",
  archivedBy: "Zarchiwizował(a)",
  reason: "Powód",
  copiedFrom: "Skopiowano z dokumentu",
};

/** Field names that mean something else in one kind of record. */
const LABELS_BY_ENTITY: Record<string, Record<string, string>> = {
  budget: { total: "Wartość ogółem (zł)", year: "Rok budżetu" },
  project_card: { status: CARD_FIELD_LABELS.status },
  round_assignment: { status: "Status zadania", kind: "Rodzaj zadania" },
  reporting_round: { status: "Status rundy" },
};

/** Which enumeration a field's values come from, per kind of record. */
const ENUMERATED_FIELDS: Record<string, Record<string, Enumeration>> = {
  project_card: CARD_FIELD_ENUMERATIONS as Record<string, Enumeration>,
  round_assignment: { status: "assignmentStatus", kind: "assignmentKind" },
  reporting_round: { status: "roundStatus" },
  institution: { kind: "institutionKind" },
  indicator: { kind: "indicatorKind", direction: "indicatorDirection" },
  plan_document: { kind: "documentKind", status: "documentStatus" },
  membership: { role: "role" },
};

/** Shown neither as a field nor as a value: references and bookkeeping. */
function hidden(field: string): boolean {
  return field === "id" || /Id$/.test(field) || field === "slug" || field === "tokenHash";
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function fieldLabel(entityType: string, field: string): string {
  return LABELS_BY_ENTITY[entityType]?.[field] ?? LABELS[field] ?? "Inne dane";
}

function showEntry(v: Record<string, unknown>, institutionNames?: Map<string, string>): string {
  // A contribution or breakdown row: "MOPS, kobiety: 12"; a bare {value, ofWhich}: "12 (w tym 3)".
  if ("label" in v) {
    const owner =
      typeof v.institutionId === "string"
        ? `${institutionNames?.get(v.institutionId) ?? "instytucja"}, `
        : "";
    return `${owner}${String(v.label)}: ${showValue(v.value)}`;
  }
  if ("value" in v) {
    const ofWhich =
      v.ofWhich === null || v.ofWhich === undefined ? "" : ` (w tym ${showValue(v.ofWhich)})`;
    const note = typeof v.note === "string" && v.note !== "" ? ` — ${v.note}` : "";
    return `${showValue(v.value)}${ofWhich}${note}`;
  }
  return Object.entries(v)
    .filter(([k]) => !hidden(k))
    .map(([k, x]) => `${LABELS[k] ?? "Inne dane"}: ${showValue(x, institutionNames)}`)
    .join("; ");
}

export function showValue(v: unknown, institutionNames?: Map<string, string>): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "tak" : "nie";
  if (typeof v === "number") return formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 2 });
  if (typeof v === "string") {
    if (TIMESTAMP.test(v)) return formatDateTime(v);
    if (DATE_ONLY.test(v)) return formatDate(v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "—";
    return v
      .map((x) =>
        x && typeof x === "object"
          ? showEntry(x as Record<string, unknown>, institutionNames)
          : showValue(x),
      )
      .join("; ");
  }
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    const byInstitution = entries.every(([k]) => /^[0-9a-f-]{36}$/.test(k));
    if (!byInstitution) return showEntry(v as Record<string, unknown>, institutionNames);
    // Contributions keyed by institution: "MOPS: 12; PUP: 15".
    return entries
      .map(([k, x]) => {
        const inner =
          x && typeof x === "object" ? showEntry(x as Record<string, unknown>) : showValue(x);
        return `${institutionNames?.get(k) ?? "instytucja"}: ${inner}`;
      })
      .join("; ");
  }
  return String(v);
}

/** A field's value as a person reads it: enumerations by their label, the rest by showValue. */
export function showFieldValue(
  entityType: string,
  field: string,
  v: unknown,
  institutionNames?: Map<string, string>,
): string {
  const enumeration = ENUMERATED_FIELDS[entityType]?.[field];
  if (enumeration && typeof v === "string") return labelOf(enumeration, v) ?? "—";
  return showValue(v, institutionNames);
}

const ACTIONS: Record<string, string> = {
  create: "Utworzenie",
  update: "Zmiana",
  delete: "Usunięcie",
  acknowledge: "Potwierdzenie uwagi",
  submit: "Przekazanie do sprawdzenia",
  return: "Zwrot do poprawy",
  accept: "Zatwierdzenie",
  reopen: "Ponowne otwarcie",
  close: "Zamknięcie",
  invite: "Wysłanie zaproszenia",
  join: "Przyjęcie zaproszenia",
  publish: "Publikacja",
  withdraw: "Wycofanie publikacji",
  password_reset: "Zmiana hasła",
  archive: "Przeniesienie do archiwum",
  restore: "Przywrócenie z archiwum",
};

export function historyView(entries: HistoryEntry[], institutionNames?: Map<string, string>) {
  return entries.map((e) => ({
    at: e.at.toISOString(),
    user: e.userName,
    action: ACTIONS[e.action] ?? "Zmiana",
    changes: e.changes
      .filter((c) => !hidden(c.field))
      .map((c) => ({
        field: c.field,
        label: fieldLabel(e.entityType, c.field),
        before: showFieldValue(e.entityType, c.field, c.before, institutionNames),
        after: showFieldValue(e.entityType, c.field, c.after, institutionNames),
      })),
  }));
}

/** The conflict notice data: their saved values against the values the user just sent. */
export function conflictView(
  error: ConflictError,
  yours: Record<string, unknown>,
  routeNames?: Map<string, string>,
  entityType = "",
) {
  const institutionNames = new Map([...error.institutionNames, ...(routeNames ?? [])]);
  return {
    by: error.by,
    at: (error.at ?? new Date()).toISOString(),
    changes: error.changes
      .filter((c) => !hidden(c.field))
      .map((c) => ({
        field: c.field,
        label: fieldLabel(entityType, c.field),
        theirs: showFieldValue(entityType, c.field, c.after, institutionNames),
        yours: showFieldValue(entityType, c.field, yours[c.field], institutionNames),
      })),
  };
}
