// A coordinator downloads an institution's workbook of a round, e.g. to send it by e-mail to a
// partner who has no account yet, or to see what the partner sees.
import type { Route } from "./+types/round-institution-workbook-file";
import { authorize, canViewRounds } from "../policies/index.ts";
import { partnerWorkbookFile } from "../round-xlsx/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { workbookResponse } from "../web/workbook-response.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewRounds(scope.actor), { hide: true });
    return workbookResponse(
      await partnerWorkbookFile({
        scope,
        roundId: params.round,
        institutionId: params.institution,
      }),
    );
  });
}
