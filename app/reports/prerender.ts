// Rendering reports ahead of the first request (decision 048): when `busola serve` has just
// seeded the demo into a new data directory, the PDF of each demo document's latest year is
// rendered before the server says it is ready, and kept for each member who may report
// unpublished data (they see what the system sees, so theirs is the same file), so the demo's
// first report comes from the report cache. Nothing else runs ahead: on an existing data
// directory the first report of a process is rendered on request (the benchmarks print it).
import { SYSTEM_ACTOR, type Actor } from "../domain/actor.ts";
import { listDocuments, listReportingYears } from "../domain/documents.ts";
import { listMembers } from "../domain/members.ts";
import type { TenantScope } from "../domain/scope.ts";
import { findTenant, loadActor } from "../domain/tenants.ts";
import { canReportUnpublished } from "../policies/index.ts";
import type { ReportLayout } from "./model.ts";

/** The database handle, as the domain takes it (reports do not import the database layer). */
type Db = Parameters<typeof findTenant>[0];

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
    const readers = [SYSTEM_ACTOR, ...(await reportingMembers(scope))];
    for (const document of await listDocuments({ scope })) {
      const [latest] = await listReportingYears({ scope, documentId: document.id });
      if (latest === undefined) continue;
      for (const layout of opts.layouts) {
        // The system's file is rendered; the members' are the same content, kept by inputs.
        // With and without charts: the report form's box decides, and without charts to draw
        // (one year of data) both are one file.
        for (const actor of readers)
          for (const charts of [true, false])
            await generateReport({
              scope: { ...scope, actor },
              document,
              year: latest,
              layout,
              format: "pdf",
              options: { charts },
            });
        made++;
      }
    }
  }
  return made;
}

/** The tenant's members whose reports include unpublished data, as they act when signed in. */
async function reportingMembers(scope: TenantScope): Promise<Actor[]> {
  const actors: Actor[] = [];
  for (const m of await listMembers({ scope })) {
    const user = { ...m, sessionId: "", isSystemAdmin: false, expiresAt: new Date() };
    const actor = await loadActor(scope.db, user, scope.tenant.id);
    if (canReportUnpublished(actor)) actors.push(actor);
  }
  return actors;
}
