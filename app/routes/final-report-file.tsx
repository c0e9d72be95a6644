// A stored final report, byte for byte as it was made.
import type { Route } from "./+types/final-report-file";
import { getFinalReport } from "../reports/final-reports.ts";
import { authorize, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { attachment } from "../web/forms/report-choice.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const report = await getFinalReport({ scope, reportId: params.report });
    return new Response(Buffer.from(report.content), {
      headers: {
        "Content-Type": report.contentType,
        "Content-Disposition": attachment(report.fileName, report.format === "html"),
        "Cache-Control": "private, no-store",
        "X-Busola-Fingerprint": report.fingerprint,
      },
    });
  });
}
