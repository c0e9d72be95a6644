// The shared tail of the strategy-structure forms: validation errors, conflicts and redirects.
import { data, redirect } from "react-router";
import type { z } from "zod";
import { ConflictError } from "../../domain/errors.ts";
import { UserInputError } from "../../domain/users.ts";
import { formToObject, zodErrors, parseVersion } from "./action.server.ts";
import { conflictView } from "../views/history.ts";
import { requireTenantScope, run, type RequestContext } from "../auth.server.ts";
import type { TenantScope } from "../../domain/scope.ts";
import { authorize, canEditStrategy } from "../../policies/index.ts";

export const NEW = "nowy";

export async function handleStructureForm<S extends z.ZodType>(opts: {
  request: Request;
  schema: S;
  save: (fields: z.output<S>, version: number) => Promise<unknown>;
  /** Where to go after saving; a function when it depends on what was saved. */
  redirectTo: string | (() => string);
  /** Adjust raw form values before parsing (e.g. multi-value fields). */
  prepare?: (form: FormData, values: Record<string, string>) => Record<string, unknown>;
}) {
  const formData = await opts.request.formData();
  const form = formToObject(formData);
  const input = opts.prepare ? opts.prepare(formData, form) : form;
  const parsed = opts.schema.safeParse(input);
  if (!parsed.success) {
    return data(
      {
        errors: zodErrors(parsed.error),
        values: form,
        conflict: null,
        version: form.version ?? "",
      },
      { status: 400 },
    );
  }
  try {
    await opts.save(parsed.data, parseVersion(form.version) ?? 0);
  } catch (e) {
    if (e instanceof UserInputError) {
      return data(
        {
          errors: [{ field: e.field ?? firstField(form), message: e.message }],
          values: form,
          conflict: null,
          version: form.version ?? "",
        },
        { status: 400 },
      );
    }
    if (e instanceof ConflictError) {
      return data(
        {
          errors: [],
          values: form,
          conflict: conflictView(e, parsed.data as Record<string, unknown>),
          version: String((e.current as { version?: number }).version ?? ""),
        },
        { status: 409 },
      );
    }
    throw e;
  }
  throw redirect(typeof opts.redirectTo === "function" ? opts.redirectTo() : opts.redirectTo);
}

function firstField(form: Record<string, string>): string {
  return Object.keys(form).find((k) => k !== "version") ?? "form";
}

/**
 * The start of every structure form's loader and action: the tenant scope, then the policy
 * `canEditStrategy`, then the work — with domain errors turned into HTTP answers.
 */
export async function asStrategyEditor<T>(
  args: { request: Request; context: RequestContext; params: { tenant?: string } },
  fn: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  const { scope } = await requireTenantScope(args.request, args.context, args.params.tenant);
  return run(async () => {
    authorize(canEditStrategy(scope.actor));
    return fn(scope);
  });
}
