// The public report of a published year, made from the snapshot (small counts withheld) in
// either layout and every format: /…/raport/karty.pdf, /…/raport/wskazniki.docx. Cached by
// publication, so a PDF is compiled once per version (decision 032).
import { z } from "../../web/forms/zod.ts";
import type { Route } from "./+types/report-file";
import { cachedPublic } from "../../domain/publication/cache.ts";
import { listPublicViews } from "../../domain/publication/read.ts";
import { findIndicator } from "../../domain/publication/view.ts";
import type { ReportData } from "../../reports/model.ts";
import { buildModel, CONTENT_TYPES, renderReport, reportFileName } from "../../reports/render.ts";
import { notFound, run } from "../../web/auth.server.ts";
import { attachment } from "../../web/forms/report-choice.ts";
import { publicYear } from "./public.server.ts";

const fileSchema = z
  .string()
  .regex(/^(karty|wskazniki)\.(html|pdf|docx)$/u)
  .transform((s) => {
    const [layout, format] = s.split(".") as ["karty" | "wskazniki", "html" | "pdf" | "docx"];
    return { layout: layout === "karty" ? ("cards" as const) : ("indicators" as const), format };
  });

export async function loader({ params }: Route.LoaderArgs) {
  return run(async () => {
    const parsed = fileSchema.safeParse(params.file);
    if (!parsed.success) throw notFound();
    const { layout, format } = parsed.data;
    const { tenant, scope, minCount, info, view } = await publicYear(params);
    const file = await cachedPublic(
      tenant.id,
      `report:${info.id}:${minCount}:${layout}.${format}`,
      async () => {
        // Charts go back over the published years only.
        const views = await listPublicViews({ scope, documentSlug: view.document.slug, minCount });
        const data: ReportData = { ...structuredClone(view), findings: [], unpublished: 0 };
        for (const goal of data.goals) {
          for (const direction of goal.directions) {
            for (const ind of [
              ...direction.indicators,
              ...direction.projects.flatMap((p) => p.indicators),
            ]) {
              ind.history = views
                .filter((v) => v.view.year <= view.year)
                .map((v) => ({
                  value: findIndicator(v.view, ind.id)?.indicator.value,
                  year: v.view.year,
                }))
                .filter((h) => h.value && h.value.total !== null && !h.value.withheld)
                .map((h) => ({
                  year: h.year,
                  total: h.value!.total!,
                  approximate: h.value!.approximate,
                }));
            }
          }
        }
        const model = buildModel({
          data,
          layout,
          options: { draft: false, generatedAt: info.publishedAt },
        });
        return {
          bytes: await renderReport(model, format),
          fileName: reportFileName(data, layout, format),
        };
      },
    );
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": attachment(file.fileName, format === "html"),
        "Cache-Control": "public, max-age=300",
      },
    });
  });
}
