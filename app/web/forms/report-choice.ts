// The report form's choices, as query parameters and form fields (Polish names in URLs).
import { z } from "./zod.ts";

export const reportChoiceSchema = z.object({
  rok: z.coerce.number({ message: "Wybierz rok sprawozdania." }).int().min(1990).max(2100),
  uklad: z.enum(["cards", "indicators"], { message: "Wybierz układ sprawozdania." }),
  format: z.enum(["docx", "pdf", "html"], { message: "Wybierz format pliku." }),
  wykresy: z
    .string()
    .optional()
    .transform((v) => v === "tak"),
  publiczna: z
    .string()
    .optional()
    .transform((v) => v === "tak"),
});

/** The report options a choice stands for: a public version is published data, small counts withheld. */
export function reportOptionsOf(choice: ReportChoice, publicMinCount: number) {
  return {
    charts: choice.wykresy,
    ...(choice.publiczna ? { publishedOnly: true, suppressCountsBelow: publicMinCount } : {}),
  };
}

export type ReportChoice = z.output<typeof reportChoiceSchema>;

/** Content-Disposition with the Polish file name (RFC 6266 / 5987). */
export function attachment(fileName: string, inline = false): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/gu, "")
    .replace(/"/gu, "");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
