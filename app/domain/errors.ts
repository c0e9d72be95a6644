// Domain errors carry a Polish message meant for the user; routes turn them into responses.
export class NotFoundError extends Error {
  constructor(message = "Nie znaleziono takiej strony lub nie masz do niej dostępu.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "Nie masz uprawnień do wykonania tej czynności.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export type FieldChange = { field: string; before: unknown; after: unknown };

/** Saving over a newer version: carries what changed in between, so the user can compare. */
export class ConflictError extends Error {
  readonly changes: FieldChange[];
  readonly by: string;
  readonly at: Date | null;
  readonly current: Record<string, unknown>;
  constructor(opts: {
    changes: FieldChange[];
    by: string;
    at: Date | null;
    current: Record<string, unknown>;
  }) {
    super("Ktoś zapisał zmiany w międzyczasie. Twoje zmiany nie zostały zapisane.");
    this.name = "ConflictError";
    this.changes = opts.changes;
    this.by = opts.by;
    this.at = opts.at;
    this.current = opts.current;
  }
}
