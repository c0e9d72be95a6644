// Zod field types shared by forms: Polish messages, empty inputs as null, Polish numbers.
import { z } from "./zod.ts";
import { formatNumber, parsePolishNumber } from "../../format/polish-numbers.ts";
import { parseDateInput } from "../../format/polish-dates.ts";

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

/** The hint of every date field: the picker shows the same order, and typed text is read so. */
export const DATE_HINT = "Dzień, miesiąc i rok, np. 25.03.2021.";

/** A day as an ISO date, typed either way (parseDateInput); `message` when it is not one. */
const day = (message: string) => (v: string, ctx: z.RefinementCtx) => {
  const parsed = parseDateInput(v);
  if (parsed !== null) return parsed;
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
};

export const dateField = (message: string) => z.string({ message }).transform(day(message));

/** As dateField, with an empty field as null. */
export const optionalDate = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => (!v || v.trim() === "" ? null : day(message)(v, ctx)));

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

// The largest amount the database stores: numeric(16,2).
const MAX_AMOUNT = 99_999_999_999_999;

/** A Polish number ("1 588 268,16", "ok. 40") or an empty field: `{ value, approximate }`. */
export const polishNumber = (max = MAX_AMOUNT) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = readPolishNumber(v ?? "", max);
      if ("error" in parsed) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    });

export function readPolishNumber(
  raw: string,
  max = MAX_AMOUNT,
): { value: number | null; approximate: boolean } | { error: string } {
  const parsed = parsePolishNumber(raw);
  if ("error" in parsed) return { error: parsed.error };
  if (parsed.value !== null && Math.abs(parsed.value) > max)
    return { error: `Ta liczba jest za duża (najwyżej ${formatNumber(max)}).` };
  return parsed;
}

/** A checkbox sent as "tak" when ticked. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "tak");

/** Free text that may be missing: trimmed, empty as null. */
export const trimmedOrNull = z
  .string()
  .optional()
  .transform((v) => v?.trim() || null);

/** A field that may be sent several times (checkboxes of one name): always an array. */
export const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** Rows of a table form (`name.N.field`); none sent is an empty list. */
export const rows = <T extends z.ZodType>(row: T) => z.preprocess((v) => v ?? [], z.array(row));

export const STALE_FINDING = "Ta uwaga jest już nieaktualna — dane zmieniły się w międzyczasie.";

/**
 * The acknowledgement of a validation finding: its key and the comment typed in that
 * finding's own field `comment-<key>` (errors are shown there too).
 */
export const findingComment = <T extends z.ZodRawShape>(base: z.ZodObject<T>) =>
  z
    .looseObject({ findingKey: z.string().min(1, "Nieznana uwaga.") })
    .transform((v, ctx) => {
      const field = `comment-${v.findingKey}`;
      const comment = String(v[field] ?? "").trim();
      if (comment.length < 3) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "Wpisz komentarz: dlaczego ta niezgodność jest poprawna.",
        });
        return z.NEVER;
      }
      return { findingKey: v.findingKey, comment };
    })
    .and(base)
    .transform((v) => v as z.output<typeof base> & { findingKey: string; comment: string });
