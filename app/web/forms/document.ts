// The fields of a strategy or program document, as forms send them (document form, import review).
import { z } from "./zod.ts";
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS } from "../../domain/value-labels.ts";
import { optionalDate, optionalText, requiredText, year } from "./fields.ts";

export const CLOSE_THRESHOLD_ERROR =
  "Wpisz próg jako liczbę całkowitą od 1 do 99, np. 80, albo zostaw pole puste (wtedy 80 %).";

/** A whole percent 1–99, "80" or "80 %"; empty = the default (null). Decision 053. */
export const closeThreshold = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = (v ?? "").trim().replace(/\s*%$/u, "");
    if (text === "") return null;
    const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (!(n >= 1 && n <= 99)) {
      ctx.addIssue({ code: "custom", message: CLOSE_THRESHOLD_ERROR });
      return z.NEVER;
    }
    return n;
  });

export const documentSchema = z.object({
  kind: z.enum(Object.keys(DOCUMENT_KIND_LABELS) as [string, ...string[]], {
    message: "Wybierz rodzaj dokumentu.",
  }),
  title: requiredText(
    "Wpisz tytuł dokumentu, np. „Strategia Rozwiązywania Problemów Społecznych …”.",
    500,
  ),
  slug: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "Adres może zawierać tylko małe litery bez polskich znaków, cyfry i myślniki, np. srps-2021-2030.",
    ),
  periodStart: year("Wpisz rok początku okresu, np. 2021."),
  periodEnd: year("Wpisz rok końca okresu, np. 2030."),
  resolutionNumber: optionalText(100),
  resolutionDate: optionalDate("Wpisz datę uchwały, np. 25.03.2021."),
  status: z.enum(Object.keys(DOCUMENT_STATUS_LABELS) as [string, ...string[]], {
    message: "Wybierz status.",
  }),
  closeThreshold,
});
