import { z } from "./zod.ts";
import { INSTITUTION_KINDS } from "../../domain/value-labels.ts";

export const institutionSchema = z.object({
  name: z.string().trim().min(2, "Wpisz pełną nazwę instytucji.").max(300, "Nazwa jest za długa."),
  shortName: z
    .string()
    .trim()
    .max(30, "Skrót może mieć najwyżej 30 znaków.")
    .transform((v) => (v === "" ? null : v)),
  kind: z.enum(Object.keys(INSTITUTION_KINDS) as [string, ...string[]], {
    message: "Wybierz rodzaj instytucji.",
  }),
});

export const kindOptions = Object.entries(INSTITUTION_KINDS).map(([value, label]) => ({
  value,
  label,
}));
