// Form parsing: a Zod schema per form, errors as { field, message } pairs for the error
// summary and the fields. Empty inputs become null; Polish numbers are parsed here.
import type { z } from "zod";

export type FieldError = { field: string; message: string };

export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key === "_csrf" || typeof value !== "string") continue;
    out[key] = value;
  }
  return out;
}

export function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
}

/** The version a form was based on: a whole number, or null for a new record (or a tampered field). */
export function parseVersion(raw: string | undefined): number | null {
  if (!raw) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}
