// The action pipeline (decision 022): a posted form becomes a Zod-parsed value, the domain is
// called with it, and domain errors become answers — here and nowhere else:
// UserInputError → 400 (409 when stale) with the error summary, ConflictError → 409 with the
// conflict notice, NotFoundError → 404, ForbiddenError → 403.
import { data } from "react-router";
import {
  ConflictError,
  ERROR_STATUS,
  ForbiddenError,
  FormInputError,
  NotFoundError,
  UserInputError,
  type FieldError,
} from "../../domain/errors.ts";
import { conflictView } from "../views/history.ts";
import type { z } from "./zod.ts";

// Tab, LF and CR are text; every other control character is refused (and never shown again).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const CONTROL_CHARACTERS_ALL = new RegExp(CONTROL_CHARACTERS.source, "gu");
export const CONTROL_CHARACTER_MESSAGE = "Pole zawiera niedozwolone znaki sterujące.";
// An index beyond this is not a row of any form of ours.
const MAX_INDEX = 1000;

/** A form as sent: each field's last value (to show the form again) and the schema's input. */
export type SentForm = {
  /** Field name → its last value, as the page shows it again after an error. */
  values: Record<string, string>;
  /** Field name → every value sent under it (checkbox groups), to show the form again. */
  lists: Record<string, string[]>;
  /**
   * What the schema parses. One convention for rows: `name.N.field` becomes `name[N].field`
   * (missing rows are empty objects); a name sent more than once becomes an array of its values.
   */
  input: Record<string, unknown>;
  /** The `version` field: the version the form was based on, or null for a new record. */
  version: number | null;
  /** Fields with control characters. */
  errors: FieldError[];
};

export function readForm(formData: FormData): SentForm {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const rows = new Set<string>();
  for (const [key, raw] of formData.entries()) {
    if (key === "_csrf" || typeof raw !== "string") continue;
    if (CONTROL_CHARACTERS.test(raw) || CONTROL_CHARACTERS.test(key)) {
      errors.push({
        field: key.replace(CONTROL_CHARACTERS_ALL, ""),
        message: CONTROL_CHARACTER_MESSAGE,
      });
    }
    // Browsers send a text area's line breaks as CRLF; stored text uses LF, so an untouched
    // multi-line field compares equal to what is stored.
    const value = raw.replace(CONTROL_CHARACTERS_ALL, "").replace(/\r\n?/g, "\n");
    values[key] = value;
    (lists[key] ??= []).push(value);
    const row = /^([^.]+)\.(\d{1,4})\.([^.]+)$/u.exec(key);
    const list = row ? input[row[1]!] : undefined;
    if (row && Number(row[2]) <= MAX_INDEX && (list === undefined || rows.has(row[1]!))) {
      rows.add(row[1]!);
      const items = (list ?? (input[row[1]!] = [])) as Record<string, string>[];
      (items[Number(row[2])] ??= {})[row[3]!] = value;
    } else if (key in input && !rows.has(key)) {
      const prev = input[key];
      input[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else if (!rows.has(key)) {
      input[key] = value;
    }
  }
  for (const name of rows) input[name] = Array.from(input[name] as unknown[], (r) => r ?? {});
  return { values, lists, input, version: parseVersion(values.version), errors };
}

/** The version a form was based on: a whole number, or null for a new record (or a tampered field). */
export function parseVersion(raw: string | undefined): number | null {
  if (!raw) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

export function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
}

/** Parse with a schema inside an action; a failure becomes the form's 400 answer. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new FormInputError(zodErrors(parsed.error));
  return parsed.data;
}

/** What an action answers when the form cannot be saved; the route's extra keys beside it. */
export type FormFailure = {
  errors: FieldError[];
  values: Record<string, string>;
  lists?: Record<string, string[]>;
  conflict: ReturnType<typeof conflictView> | null;
  version: string;
};

export type FormActionOptions<S extends z.ZodType, R, E extends object> = {
  request: Request;
  schema: S;
  /** Where a UserInputError without a field is shown (else the form's first field). */
  field?: string;
  /** Keys the page reads from every answer, with their value in a failure answer. */
  extra?: E;
  /** The user's values, by field, for the conflict notice. */
  yours?: (value: z.output<S>, sent: SentForm) => Record<string, unknown>;
  /** Institution names for the conflict notice. */
  names?: () => Promise<Map<string, string>>;
  /** Keys of a conflict answer taken from the conflict (e.g. a second version). */
  onConflict?: (error: ConflictError, sent: SentForm) => Partial<E & FormFailure>;
  /** The domain call; returns the success answer or throws a redirect. */
  act: (value: z.output<S>, sent: SentForm) => Promise<R>;
};

/** Every action with a form: read, refuse control characters, parse, act, answer errors. */
export async function formAction<S extends z.ZodType, R, E extends object = Record<never, never>>(
  opts: FormActionOptions<S, R, E>,
) {
  const sent = readForm(await opts.request.formData());
  let value: z.output<S> | undefined;
  try {
    if (sent.errors.length > 0) throw new FormInputError(sent.errors);
    value = parseInput(opts.schema, sent.input);
    return await opts.act(value, sent);
  } catch (error) {
    return answerError(error, sent, opts, value);
  }
}

/** The one mapping of domain errors to answers. Other errors (and redirects) pass through. */
export async function answerError<S extends z.ZodType, R, E extends object>(
  error: unknown,
  sent: SentForm,
  opts: Omit<FormActionOptions<S, R, E>, "request" | "schema" | "act">,
  value?: z.output<S>,
) {
  const failure = (
    body: Omit<FormFailure, "values">,
    status: number,
    more?: Partial<E & FormFailure>,
    headers?: HeadersInit,
  ) =>
    data(
      { ...(opts.extra as E), ...body, values: sent.values, lists: sent.lists, ...more },
      { status, headers },
    );
  if (error instanceof UserInputError) {
    const errors =
      error instanceof FormInputError
        ? error.errors
        : [{ field: error.field ?? opts.field ?? firstField(sent), message: error.message }];
    return failure(
      { errors, conflict: null, version: sent.values.version ?? "" },
      ERROR_STATUS[error.code],
      undefined,
      error.retryAfterSeconds === undefined
        ? undefined
        : { "Retry-After": String(error.retryAfterSeconds) },
    );
  }
  if (error instanceof ConflictError) {
    // By default the parsed value is what the user meant, field by field.
    const yours =
      value === undefined
        ? sent.values
        : opts.yours
          ? opts.yours(value, sent)
          : (value as Record<string, unknown>);
    const names = opts.names ? await opts.names() : undefined;
    return failure(
      {
        errors: [],
        conflict: conflictView(error, yours, names),
        version: String((error.current as { version?: number }).version ?? ""),
      },
      ERROR_STATUS.conflict,
      opts.onConflict?.(error, sent),
    );
  }
  throw asResponse(error);
}

/** NotFoundError and ForbiddenError as the answers thrown from loaders and actions. */
export function asResponse(error: unknown): unknown {
  if (error instanceof NotFoundError || error instanceof ForbiddenError)
    return data(error.message, { status: ERROR_STATUS[error.code] });
  if (error instanceof UserInputError)
    return data(error.message, { status: ERROR_STATUS[error.code] });
  return error;
}

function firstField(sent: SentForm): string {
  return Object.keys(sent.values).find((k) => k !== "version" && k !== "intent") ?? "form";
}

/** A success answer that stays on the page: no errors, an empty form, the route's keys. */
export function formDone<E extends object>(extra: E): FormFailure & E {
  return { errors: [], values: {}, conflict: null, version: "", ...extra };
}

/** Every answer of a page that stays on itself: the form's state and the route's keys. */
export type FormAnswer<E extends object = Record<never, never>> = FormFailure & E;

/** A form with several buttons: the `intent` it was sent with picks the schema. */
export const UNKNOWN_INTENT = "Nieznana czynność.";

/**
 * A domain call whose UserInputError without a field belongs to the given field (and, when
 * given, is answered with another code, e.g. `stale` for a state that changed meanwhile).
 */
export async function fieldOf<T>(
  field: string,
  fn: () => Promise<T>,
  code?: UserInputError["code"],
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof UserInputError && !(error instanceof FormInputError))
      throw new UserInputError(error.message, error.field ?? field, code ?? error.code);
    throw error;
  }
}

/** A save the domain refused because the stored data changed meanwhile, with its details. */
export function staleAnswer<E extends object>(extra: E) {
  return data(formDone(extra), { status: ERROR_STATUS.stale });
}
