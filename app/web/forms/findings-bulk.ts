// The bulk findings form (issue 14 item 10): acknowledge the chosen findings — ticked ones, or
// every finding of the chosen rule or goal — with one comment, or point "reported in another
// program" findings at that program's document.
import { repeated, year } from "./fields.ts";
import { z } from "./zod.ts";

const filterValue = z
  .string()
  .max(200, "Nieznana wartość filtru.")
  .optional()
  .transform((v) => v?.trim() || null);

export const findingsBulkSchema = z
  .object({
    intent: z.enum(["acknowledge", "point"], { message: "Nieznana czynność." }),
    /** "zaznaczone": the ticked findings; "wszystkie": every finding the filter shows. */
    zakres: z.enum(["zaznaczone", "wszystkie"], { message: "Wybierz, które uwagi potwierdzić." }),
    rok: year("Nieznany rok sprawozdawczy."),
    uwagi: repeated(z.string().max(400, "Nieznana uwaga.")),
    regula: filterValue,
    cel: filterValue,
    waga: filterValue,
    komentarz: z.string().max(2000, "Komentarz może mieć najwyżej 2 000 znaków.").default(""),
    dokument: z.string().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.zakres === "zaznaczone" && v.uwagi.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["uwagi"],
        message: "Zaznacz co najmniej jedną uwagę na liście.",
      });
    }
    if (v.zakres === "wszystkie" && !v.regula && !v.cel) {
      ctx.addIssue({
        code: "custom",
        path: ["regula"],
        message: "Aby potwierdzić wszystkie widoczne uwagi, wybierz najpierw regułę lub cel.",
      });
    }
    if (v.intent === "acknowledge" && v.komentarz.trim().length < 3) {
      ctx.addIssue({
        code: "custom",
        path: ["komentarz"],
        message: "Wpisz komentarz: dlaczego te niezgodności są poprawne.",
      });
    }
    if (v.intent === "point" && !z.string().uuid().safeParse(v.dokument).success) {
      ctx.addIssue({
        code: "custom",
        path: ["dokument"],
        message: "Wybierz dokument, w którego sprawozdaniu opisano projekty.",
      });
    }
  });

export type FindingsBulkInput = z.output<typeof findingsBulkSchema>;
