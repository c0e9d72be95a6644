// Presenting audit entries and conflicts: field names to Polish labels, values to text.
import type { HistoryEntry } from "../../domain/audit.ts";
import type { ConflictError } from "../../domain/errors.ts";
import { formatNumber } from "../../format/polish-numbers.ts";
import { CARD_FIELD_LABELS } from "../../domain/project-cards.ts";

const LABELS: Record<string, string> = {
  ...CARD_FIELD_LABELS,
  total: "Wartość wskaźnika",
  approximate: "Wartość przybliżona",
  remarks: "Uwagi",
  published: "Opublikowano",
  contributions: "Wartości instytucji",
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
  actionLines: "Proponowane kierunki działań",
  institutions: "Instytucje",
  totalReason: "Uzasadnienie wartości ogółem",
  explanation: "Wyjaśnienie zmiany",
  returnComment: "Komentarz do zwrotu",
  reopenReason: "Powód ponownego otwarcia",
};

const ACTIONS: Record<string, string> = {
  create: "Utworzenie",
  update: "Zmiana",
  delete: "Usunięcie",
  acknowledge: "Potwierdzenie uwagi",
  submit: "Przekazanie do sprawdzenia",
  return: "Zwrot do poprawy",
  accept: "Zatwierdzenie",
  reopen: "Ponowne otwarcie",
  invite: "Wysłanie zaproszenia",
  join: "Przyjęcie zaproszenia",
};

export function showValue(v: unknown, institutionNames?: Map<string, string>): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "tak" : "nie";
  if (typeof v === "number") return formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 2 });
  if (Array.isArray(v)) {
    if (v.length === 0) return "—";
    return v
      .map((x) => {
        if (x && typeof x === "object" && "label" in x) {
          const b = x as { institutionId?: string | null; label: string; value: unknown };
          const owner = b.institutionId
            ? `${institutionNames?.get(b.institutionId) ?? b.institutionId}, `
            : "";
          return `${owner}${b.label}: ${showValue(b.value)}`;
        }
        return showValue(x, institutionNames);
      })
      .join("; ");
  }
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => {
        const inner =
          x && typeof x === "object" && "value" in x ? (x as { value: unknown }).value : x;
        return `${institutionNames?.get(k) ?? k}: ${showValue(inner)}`;
      })
      .join("; ");
  }
  return String(v);
}

export function historyView(entries: HistoryEntry[], institutionNames?: Map<string, string>) {
  return entries.map((e) => ({
    at: e.at.toISOString(),
    user: e.userName,
    action: ACTIONS[e.action] ?? e.action,
    changes: e.changes.map((c) => ({
      field: c.field,
      label: LABELS[c.field] ?? c.field,
      before: showValue(c.before, institutionNames),
      after: showValue(c.after, institutionNames),
    })),
  }));
}

/** The conflict notice data: their saved values against the values the user just sent. */
export function conflictView(
  error: ConflictError,
  yours: Record<string, unknown>,
  routeNames?: Map<string, string>,
) {
  const institutionNames = new Map([...error.institutionNames, ...(routeNames ?? [])]);
  return {
    by: error.by,
    at: (error.at ?? new Date()).toISOString(),
    changes: error.changes.map((c) => ({
      field: c.field,
      label: LABELS[c.field] ?? c.field,
      theirs: showValue(c.after, institutionNames),
      yours: showValue(yours[c.field], institutionNames),
    })),
  };
}
