// The partner's personal workbook of a round (issue 5): its own institution's items only.
import type { Route } from "./+types/round-workbook-file";
import { partnerWorkbookFile } from "../round-xlsx/index.ts";
import { authorize, canUseOwnWorkbook } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { workbookResponse } from "../web/workbook-response.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canUseOwnWorkbook(scope.actor), { hide: true });
    return workbookResponse(await partnerWorkbookFile({ scope, roundId: params.round }));
  });
}
