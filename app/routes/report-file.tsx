// A report generated on request (a draft unless the data has no open findings): the file itself.
import type { Route } from "./+types/report-file";
import { getDocument } from "../domain/documents.ts";
import { generateReport } from "../reports/generate.ts";
import { HTML_REPORT_CSP } from "../reports/render-html.ts";
import { authorize, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { attachment, reportChoiceSchema, reportOptionsOf } from "../web/forms/report-choice.ts";
import { getServices } from "../services.ts";
import { data } from "react-router";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const parsed = reportChoiceSchema.safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!parsed.success)
      throw data(parsed.error.issues[0]?.message ?? "Nieprawidłowe parametry raportu.", {
        status: 400,
      });
    const doc = await getDocument({ scope, idOrSlug: params.document });
    const report = await generateReport({
      scope,
      documentId: doc.id,
      year: parsed.data.rok,
      layout: parsed.data.uklad,
      format: parsed.data.format,
      options: reportOptionsOf(parsed.data, getServices().config.publicMinCount),
    });
    return new Response(Buffer.from(report.bytes), {
      headers: {
        "Content-Type": report.contentType,
        "Content-Disposition": attachment(report.fileName, parsed.data.format === "html"),
        "Cache-Control": "private, no-store",
        "X-Busola-Fingerprint": report.fingerprint,
        // The HTML report's inline style, by its hash (decision 073).
        ...(parsed.data.format === "html" ? { "Content-Security-Policy": HTML_REPORT_CSP } : {}),
      },
    });
  });
}
