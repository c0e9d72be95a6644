// The home page's figures as CSV or XLSX (/g/:tenant/pulpit/dane.csv, …/dane.xlsx).
import type { Route } from "./+types/dashboard-export";
import { authorize, canExportDashboard } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { loadDashboard } from "../web/dashboard/dashboard-data.server.ts";
import { dashboardCsv, dashboardXlsx } from "../web/dashboard/dashboard-export.server.ts";
import { exportRows } from "../web/dashboard/dashboard-specs.ts";
import { attachment } from "../web/forms/report-choice.ts";
import { XLSX_TYPE } from "../web/workbook-response.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canExportDashboard(scope.actor), { hide: true });
    const xlsx = new URL(request.url).pathname.endsWith(".xlsx");
    const dashboard = await loadDashboard(scope);
    const rows = exportRows(dashboard.specs);
    const name = `pulpit-${scope.tenant.slug}-${dashboard.year ?? "brak-danych"}`;
    const headers = { "Cache-Control": "private, no-store" };
    if (xlsx) {
      return new Response(new Uint8Array(await dashboardXlsx(rows)), {
        headers: {
          ...headers,
          "Content-Type": XLSX_TYPE,
          "Content-Disposition": attachment(`${name}.xlsx`),
        },
      });
    }
    return new Response(dashboardCsv(rows), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(`${name}.csv`),
      },
    });
  });
}
