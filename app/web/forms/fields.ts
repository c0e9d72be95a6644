// Zod field types shared by forms: Polish messages, empty inputs as null, Polish numbers.
import { z } from "zod";
import { formatNumber, parsePolishNumber } from "../../domain/format/polish-numbers.ts";

export const requiredText = (message: string, max = 2000) =>
  z
    .string({ message })
    .trim()
    .min(1, message)
    .max(max, `Najwyżej ${formatNumber(max)} znaków.`);

export const optionalText = (max = 20_000) =>
  z
    .string()
    .max(max, `Najwyżej ${formatNumber(max)} znaków.`)
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? null : v.trim()));

export const year = (message: string) =>
  z.coerce.number({ message }).int(message).min(1990, message).max(2100, message);

export const optionalYear = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1950 || n > 2100) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

export const position = z.coerce
  .number({ message: "Kolejność musi być liczbą całkowitą." })
  .int("Kolejność musi być liczbą całkowitą.")
  .min(0)
  .max(10_000)
  .default(0);

export const optionalNumber = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const parsed = parsePolishNumber(v ?? "");
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    if (parsed.value !== null && Math.abs(parsed.value) > 99_999_999_999_999) {
      ctx.addIssue({ code: "custom", message: "Ta liczba jest za duża." });
      return z.NEVER;
    }
    return parsed.value;
  });

export const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? v : null));
