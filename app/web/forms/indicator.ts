// The indicator structure form (/g/:tenant/struktura/wskazniki/:indicator): its definition and
// the code of the dictionary of common indicators it reports (decision 057), or none.
import { z } from "./zod.ts";
import { isDictionaryCode } from "../../domain/comparison/dictionary.ts";
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS } from "../../domain/value-labels.ts";
import { optionalId, optionalNumber, position, requiredText } from "./fields.ts";

/** Absent (the reader may not map), "" (none) or a dictionary code. */
const dictionaryCode = z
  .string()
  .optional()
  .refine((v) => !v || isDictionaryCode(v), {
    message: "Wybierz pozycję ze słownika wskaźników wspólnych.",
  })
  .transform((v) => (v === undefined ? undefined : v === "" ? null : v));

export const indicatorFormSchema = z.object({
  name: requiredText("Wpisz nazwę wskaźnika, np. „liczba osób, które podjęły zatrudnienie”.", 1000),
  unit: requiredText("Wpisz jednostkę, np. osoby, rodziny, zł.", 50),
  kind: z.enum(Object.keys(INDICATOR_KINDS) as [string, ...string[]], {
    message: "Wybierz rodzaj wskaźnika.",
  }),
  direction: z.enum(Object.keys(INDICATOR_DIRECTIONS) as [string, ...string[]], {
    message: "Wybierz kierunek oceny.",
  }),
  baseline: optionalNumber,
  target: optionalNumber,
  projectId: optionalId,
  position,
  code: dictionaryCode,
});
