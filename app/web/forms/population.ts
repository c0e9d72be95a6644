// The population page's one-year form (/g/:tenant/ludnosc, decision 057): the year, the number
// of residents (spaces allowed, "141 521") and where the figure comes from.
import { z } from "./zod.ts";
import { MAX_RESIDENTS } from "../../domain/comparison/population-csv.ts";
import { formatNumber } from "../../format/polish-numbers.ts";
import { optionalText, year } from "./fields.ts";

const RESIDENTS_MESSAGE = `Wpisz liczbę mieszkańców: liczbę całkowitą od 1 do ${formatNumber(MAX_RESIDENTS)}, np. 141 521.`;

export const populationSchema = z.object({
  year: year("Wpisz rok, np. 2023."),
  residents: z
    .string({ message: RESIDENTS_MESSAGE })
    .transform((v) => v.replace(/[\s\u00a0\u202f]/gu, ""))
    .refine((v) => /^\d+$/u.test(v), RESIDENTS_MESSAGE)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_RESIDENTS, RESIDENTS_MESSAGE),
  source: optionalText(200),
});
