import { parsePolishNumber } from "../domain/format/polish-numbers.ts";
import type { FieldError } from "./form.server.ts";

/** Parse a Polish number from a form field, collecting a field error instead of throwing. */
export function readNumber(
  form: Record<string, string>,
  field: string,
  errors: FieldError[],
): { value: number | null; approximate: boolean } {
  const parsed = parsePolishNumber(form[field] ?? "");
  if ("error" in parsed) {
    errors.push({ field, message: parsed.error });
    return { value: null, approximate: false };
  }
  return parsed;
}
