// Domain errors carry a Polish message meant for the user; the web layer turns them into
// responses in one place (app/web/forms/action.server.ts) by their code. Decision 022.

/** A message at a form field: the field's *name* (e.g. `contributions.2.value`), not its id. */
export type FieldError = { field: string; message: string };

/** What went wrong, as the web answers it. */
export const ERROR_STATUS = {
  invalid: 400,
  stale: 409,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  too_many: 429,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * The user's input cannot be used; the message says why, at a field when one is named.
 * `stale` when the input was fine but refers to data changed in the meantime (answered 409);
 * `too_many` when too many attempts were made (429).
 */
export class UserInputError extends Error {
  readonly field: string | undefined;
  readonly code: "invalid" | "stale" | "too_many";
  /** With `too_many`: when to try again (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    message: string,
    field?: string,
    code: "invalid" | "stale" | "too_many" = "invalid",
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "UserInputError";
    this.field = field;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Several field errors at once, e.g. a form that failed its schema. */
export class FormInputError extends UserInputError {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(errors[0]?.message ?? "Popraw dane formularza.", errors[0]?.field);
    this.name = "FormInputError";
    this.errors = errors;
  }
}
export class NotFoundError extends Error {
  readonly code = "not_found";
  constructor(message = "Nie znaleziono takiej strony lub nie masz do niej dostępu.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  readonly code = "forbidden";
  constructor(message = "Nie masz uprawnień do wykonania tej czynności.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export type FieldChange = { field: string; before: unknown; after: unknown };

/** Saving over a newer version: carries what changed in between, so the user can compare. */
export class ConflictError extends Error {
  readonly code = "conflict";
  readonly changes: FieldChange[];
  readonly by: string;
  readonly at: Date | null;
  readonly current: Record<string, unknown>;
  /** Names of the institutions whose ids key the changes, so the notice never shows an id. */
  readonly institutionNames: Map<string, string>;
  constructor(opts: {
    changes: FieldChange[];
    by: string;
    at: Date | null;
    current: Record<string, unknown>;
    institutionNames?: Map<string, string>;
  }) {
    super("Ktoś zapisał zmiany w międzyczasie. Twoje zmiany nie zostały zapisane.");
    this.name = "ConflictError";
    this.changes = opts.changes;
    this.by = opts.by;
    this.at = opts.at;
    this.current = opts.current;
    this.institutionNames = opts.institutionNames ?? new Map();
  }
}
