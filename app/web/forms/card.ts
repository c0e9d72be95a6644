// The project card form's schema: shared by the card edit page and the round's partner form.
import { z } from "./zod.ts";

const text = z
  .string()
  .max(20_000, "Tekst jest za długi (najwyżej 20 000 znaków).")
  .transform((v) => (v.trim() === "" ? null : v.trim()));
const optionalEnum = <T extends [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .transform((v) => (v === "" ? null : v))
    .refine((v) => v === null || (values as string[]).includes(v), message) as unknown as z.ZodType<
    T[number] | null
  >;

export const cardSchema = z.object({
  version: z
    .string()
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || Number.isInteger(v), "Nieprawidłowa wersja formularza."),
  status: z.enum(["carried_out", "not_carried_out", "reported_elsewhere", "finished"], {
    message: "Wybierz status projektu w roku.",
  }),
  statusReason: text,
  reportedIn: text,
  goalText: text,
  goalVerdict: optionalEnum(["achieved", "partly", "not_achieved"], "Wybierz ocenę z listy."),
  goalVerdictReason: text,
  addressees: text,
  implementers: text,
  stages: text,
  effects: text,
  indicatorsText: text,
  evaluation: text,
  funding: text,
  timeframe: text,
  continuation: optionalEnum(["yes", "no", "renamed"], "Wybierz kontynuację z listy."),
  nextYearTitle: text,
});
