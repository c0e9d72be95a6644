// The shared tail of the reporting round's actions: bad input and conflicts become the form's
// answer (400, 409) with the user's values kept, other domain errors go through run().
import { data } from "react-router";
import { ConflictError } from "../domain/errors.ts";
import { UserInputError } from "../domain/users.ts";
import type { FieldError } from "./forms/action.server.ts";
import { conflictView } from "./views/history.ts";

export type RoundActionData = {
  errors: FieldError[];
  values: Record<string, string>;
  conflict: ReturnType<typeof conflictView> | null;
  version: string;
  done: string | null;
};

export function invalid(values: Record<string, string>, errors: FieldError[]) {
  return data<RoundActionData>(
    { errors, values, conflict: null, version: values.version ?? "", done: null },
    { status: 400 },
  );
}

/** Runs the step; UserInputError → 400 at its field, ConflictError → 409 with the notice. */
export async function roundStep(
  values: Record<string, string>,
  fallbackField: string,
  fn: () => Promise<unknown>,
  yours: Record<string, unknown> = {},
) {
  try {
    await fn();
    return null;
  } catch (e) {
    if (e instanceof UserInputError)
      return invalid(values, [{ field: e.field ?? fallbackField, message: e.message }]);
    if (e instanceof ConflictError) {
      return data<RoundActionData>(
        {
          errors: [],
          values,
          conflict: conflictView(e, yours),
          version: String((e.current as { version?: number }).version ?? ""),
          done: null,
        },
        { status: 409 },
      );
    }
    throw e;
  }
}
