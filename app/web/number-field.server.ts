import { formatNumber, parsePolishNumber } from "../domain/format/polish-numbers.ts";
import type { FieldError } from "./forms/action.server.ts";

/** Parse a Polish number from a form field, collecting a field error instead of throwing. */
// The largest amount the database stores: numeric(16,2).
const MAX_AMOUNT = 99_999_999_999_999;

export function readNumber(
  form: Record<string, string>,
  field: string,
  errors: FieldError[],
  opts: { max?: number } = {},
): { value: number | null; approximate: boolean } {
  const parsed = parsePolishNumber(form[field] ?? "");
  if ("error" in parsed) {
    errors.push({ field, message: parsed.error });
    return { value: null, approximate: false };
  }
  const max = opts.max ?? MAX_AMOUNT;
  if (parsed.value !== null && Math.abs(parsed.value) > max) {
    errors.push({ field, message: `Ta liczba jest za duża (najwyżej ${formatNumber(max)}).` });
    return { value: null, approximate: false };
  }
  return parsed;
}
