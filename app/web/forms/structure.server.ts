// What the strategy-structure forms (document, goal, direction, project, indicator) share.
import { requireTenantScope, run, type RequestContext } from "../auth.server.ts";
import type { TenantScope } from "../../domain/scope.ts";
import { authorize, canEditStrategy } from "../../policies/index.ts";

export const NEW = "nowy";

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
