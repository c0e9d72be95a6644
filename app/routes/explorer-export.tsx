// The explorer's selection as CSV or XLSX (/g/:tenant/analiza/dane.csv, …/dane.xlsx): the same
// query string as the page, the same rows as its table (decision 055).
import type { Route } from "./+types/explorer-export";
import { authorize, canUseExplorer } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { loadExplorer } from "../web/explorer/explorer-data.server.ts";
import { explorerCsv, explorerXlsx } from "../web/explorer/explorer-export.server.ts";
import { explorerFileRows } from "../web/explorer/explorer-view.ts";
import { attachment } from "../web/forms/report-choice.ts";
import { XLSX_TYPE } from "../web/workbook-response.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canUseExplorer(scope.actor), { hide: true });
    const url = new URL(request.url);
    const x = await loadExplorer(scope, url);
    const rows = explorerFileRows(x.result);
    const name = `analiza-${scope.tenant.slug}`;
    const headers = { "Cache-Control": "private, no-store" };
    if (url.pathname.endsWith(".xlsx")) {
      return new Response(new Uint8Array(await explorerXlsx(rows)), {
        headers: {
          ...headers,
          "Content-Type": XLSX_TYPE,
          "Content-Disposition": attachment(`${name}.xlsx`),
        },
      });
    }
    return new Response(explorerCsv(rows), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(`${name}.csv`),
      },
    });
  });
}
