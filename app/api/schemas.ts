// The API's Zod schemas: they parse the query, shape every response (unknown keys are
// stripped before anything is sent) and generate the OpenAPI document (openapi.ts). One
// definition for the three, so the document cannot drift from what the server does.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { EU_FUNDS } from "../domain/eu-funding/types.ts";

// Named components (registry.register) need the library's `.openapi()`; Zod 4 copies methods
// onto schemas when they are made, so this must run before any schema below is defined.
extendZodWithOpenApi(z);

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const text = (description: string) => z.string().nullable().meta({ description });
const int = (description: string) => z.number().int().meta({ description });

export const ValueStatus = z.enum(["reported", "withheld", "missing"]).meta({
  description:
    "reported: wartość podana; withheld: mała liczba osób lub rodzin wstrzymana (poniżej progu) — wartość jest pusta (null); missing: brak danych.",
});

export const Municipality = z.object({
  slug: z.string().meta({ description: "Identyfikator gminy w adresach", example: "ruda-slaska" }),
  teryt: z.string().meta({ description: "Kod TERYT jednostki", example: "2472011" }),
  name: z.string().meta({ description: "Nazwa jednostki" }),
  kind: z.string().meta({ description: "Rodzaj jednostki (kod)" }),
  kindLabel: z.string().meta({ description: "Rodzaj jednostki (nazwa)" }),
  documents: int("Liczba dokumentów z opublikowanymi danymi"),
  lastPublishedAt: z.string().nullable().meta({ description: "Ostatnia publikacja (ISO 8601)" }),
});

export const Document = z.object({
  municipality: z.string().meta({ description: "Identyfikator gminy" }),
  slug: z.string().meta({ description: "Identyfikator dokumentu" }),
  title: z.string(),
  kind: z.string().meta({ description: "Rodzaj dokumentu (strategia, program…)" }),
  periodStart: int("Pierwszy rok okresu obowiązywania"),
  periodEnd: int("Ostatni rok okresu obowiązywania"),
  resolutionNumber: text("Numer uchwały przyjmującej dokument"),
  resolutionDate: text("Data uchwały (RRRR-MM-DD)"),
  years: z.array(z.number().int()).meta({ description: "Opublikowane lata sprawozdawcze" }),
});

export const Year = z.object({
  municipality: z.string(),
  document: z.string(),
  year: int("Rok sprawozdawczy"),
  publicationId: z.string().meta({ description: "Identyfikator obowiązującej publikacji" }),
  version: int("Wersja publikacji"),
  publishedAt: z.string().meta({ description: "Data i godzina publikacji (ISO 8601)" }),
});

const Where = {
  municipality: z.string(),
  document: z.string(),
  year: int("Rok sprawozdawczy"),
};

export const Goal = z.object({
  ...Where,
  code: z.string().meta({ description: "Oznaczenie celu strategicznego, np. C1" }),
  title: z.string(),
  directions: z
    .array(z.object({ code: z.string(), title: z.string() }))
    .meta({ description: "Kierunki działań (cele operacyjne)" }),
});

export const Card = z
  .object({
    status: z.enum(["carried_out", "not_carried_out", "reported_elsewhere", "finished"]),
    statusReason: text("Uzasadnienie stanu realizacji"),
    reportedIn: text("Dokument, w którym projekt jest sprawozdawany"),
    goalText: text("Cel projektu"),
    goalVerdict: text("Ocena osiągnięcia celu (achieved, partly, not_achieved)"),
    goalVerdictReason: text("Uzasadnienie oceny"),
    addressees: text("Adresaci"),
    implementers: text("Realizatorzy"),
    stages: text("Etapy realizacji"),
    effects: text("Efekty"),
    indicatorsText: text("Wskaźniki (opis z karty)"),
    evaluation: text("Ocena realizacji"),
    funding: text("Finansowanie (opis)"),
    timeframe: text("Okres realizacji"),
    continuation: text("Kontynuacja (yes, no, renamed)"),
    nextYearTitle: text("Tytuł w kolejnym roku"),
  })
  .meta({ description: "Karta projektu w roku (opublikowana)" });

export const Budget = z.object({
  year: z.number().int().nullable().meta({ description: "Rok budżetu; null: cały okres" }),
  total: z.number().nullable().meta({ description: "Budżet ogółem (zł)" }),
  parts: z.array(
    z.object({
      source: z.string().meta({ description: "Źródło finansowania" }),
      amount: z.number().nullable().meta({ description: "Kwota (zł)" }),
      percent: z.number().nullable().meta({ description: "Udział (%)" }),
    }),
  ),
});

export const Project = z.object({
  ...Where,
  goalCode: z.string(),
  directionCode: z.string(),
  id: z.string(),
  symbol: z.string(),
  title: z.string(),
  sinceYear: z.number().int().nullable(),
  card: Card.nullable(),
  budgets: z.array(Budget),
  eu: z
    .object({
      programme: text("Program UE"),
      priorityAxis: text("Oś priorytetowa"),
      measure: text("Działanie"),
      subMeasure: text("Poddziałanie"),
      fund: z
        .enum(EU_FUNDS)
        .nullable()
        .meta({ description: "Fundusz: efs, efs_plus, efrr, fead, fs, other" }),
      agreementNumber: text("Numer umowy o dofinansowanie"),
      statement: z.string().meta({ description: "Komunikat o współfinansowaniu ze środków UE" }),
      source: z
        .enum(["fields", "text"])
        .meta({ description: "fields: dane projektu; text: odczytane z opisu finansowania" }),
    })
    .nullable()
    .meta({ description: "Dofinansowanie z Unii Europejskiej; null: brak" }),
});

const Part = z.object({
  dimension: z
    .string()
    .meta({ description: "Rodzaj podziału: sex, district, age, of_which, other" }),
  label: z.string().meta({ description: "Część podziału" }),
  value: z.number().nullable(),
  status: ValueStatus,
});

export const Indicator = z.object({
  ...Where,
  goalCode: z.string(),
  directionCode: z.string(),
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.string(),
  projectSymbol: z
    .string()
    .nullable()
    .meta({ description: "Symbol projektu; null: wskaźnik kierunku" }),
  target: z.number().nullable().meta({ description: "Wartość docelowa" }),
  value: z
    .object({
      total: z.number().nullable(),
      status: ValueStatus,
      approximate: z.boolean(),
      parts: z.array(Part).meta({ description: "Podziały wartości ogółem (płeć, wiek, w tym…)" }),
      contributions: z.array(
        z.object({
          institution: z.string(),
          value: z.number().nullable(),
          status: ValueStatus,
          approximate: z.boolean(),
          parts: z.array(Part),
        }),
      ),
    })
    .nullable()
    .meta({
      description: "Wartość w roku z wkładami instytucji; null: brak opublikowanej wartości",
    }),
});

export const BudgetLine = z.object({
  ...Where,
  projectId: z.string(),
  projectSymbol: z.string(),
  projectTitle: z.string(),
  budgetYear: z.number().int().nullable().meta({ description: "Rok budżetu; null: cały okres" }),
  source: z.string().meta({ description: "Źródło finansowania" }),
  amount: z.number().nullable().meta({ description: "Kwota (zł)" }),
  percent: z.number().nullable().meta({ description: "Udział (%)" }),
});

export const Publication = z.object({
  municipality: z.string(),
  document: z.string(),
  documentTitle: z.string(),
  year: int("Rok sprawozdawczy"),
  version: int("Wersja"),
  id: z.string(),
  producedBy: z.string().meta({ description: "Kto wytworzył informację" }),
  producedAt: z.string().meta({ description: "Kiedy wytworzono informację (ISO 8601)" }),
  publishedAt: z.string().meta({ description: "Data i godzina publikacji (ISO 8601)" }),
  publishedBy: text("Kto opublikował"),
  withdrawn: z.boolean(),
  withdrawnAt: text("Data wycofania (ISO 8601)"),
  withdrawalReason: text("Powód wycofania"),
});

export const Problem = z.object({
  type: z.string().meta({ description: "Adres opisu rodzaju błędu" }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().meta({ description: "Opis błędu po polsku" }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next: z
      .string()
      .nullable()
      .meta({ description: "Adres następnej strony wyników; null: ostatnia strona" }),
  });
}

const slugOrTeryt = z
  .string()
  .min(1)
  .max(100)
  .meta({ description: "Gmina: identyfikator z adresu (np. ruda-slaska) albo kod TERYT" });

export const ListQuery = z.strictObject({
  gmina: slugOrTeryt.optional(),
  dokument: z.string().min(1).max(200).optional().meta({ description: "Identyfikator dokumentu" }),
  rok: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .meta({ description: "Rok sprawozdawczy" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .meta({ description: `Liczba wyników na stronie (1–${MAX_LIMIT})` }),
  kursor: z
    .string()
    .max(500)
    .optional()
    .meta({ description: "Kursor z pola next poprzedniej strony" }),
});

export const IndicatorQuery = ListQuery.extend({
  wskaznik: z.string().min(1).max(100).optional().meta({ description: "Identyfikator wskaźnika" }),
});

export const MunicipalityQuery = ListQuery.pick({ gmina: true, limit: true, kursor: true });

export const MunicipalityParams = z.object({ gmina: slugOrTeryt });
