// Rendering reports ahead of the first request (decision 048): when `busola serve` has just
// seeded the demo into a new data directory, the PDF of each demo document's latest year is
// rendered before the server says it is ready, so the demo's first report comes from the
// content level of the report cache. Nothing else runs ahead: on an existing data directory
// the first report of a process is rendered on request (the benchmarks print that figure).
import type { Db } from "../db/client.ts";
import { SYSTEM_ACTOR } from "../domain/actor.ts";
import { listDocuments, listReportingYears } from "../domain/documents.ts";
import { findTenant } from "../domain/tenants.ts";
import type { ReportLayout } from "./model.ts";

/** Renders each document's latest year as a PDF in each layout; returns how many it made. */
export async function prerenderReports(opts: {
  db: Db;
  tenantSlugs: string[];
  layouts: ReportLayout[];
}): Promise<number> {
  const { generateReport } = await import("./generate.ts");
  const { warmTypst } = await import("./render-pdf.ts");
  warmTypst();
  let made = 0;
  for (const slug of opts.tenantSlugs) {
    const tenant = await findTenant(opts.db, slug);
    if (!tenant) continue;
    const scope = { db: opts.db, tenant, actor: SYSTEM_ACTOR };
    for (const document of await listDocuments({ scope })) {
      const [latest] = await listReportingYears({ scope, documentId: document.id });
      if (latest === undefined) continue;
      for (const layout of opts.layouts) {
        await generateReport({ scope, document, year: latest, layout, format: "pdf" });
        made++;
      }
    }
  }
  return made;
}
