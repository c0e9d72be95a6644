// `busola list [--json]`: municipalities with their documents and reporting years.
import { parseArgs } from "node:util";
import { asc } from "drizzle-orm";
import { tenants } from "../../db/schema.ts";
import { SYSTEM_ACTOR } from "../../domain/actor.ts";
import { listDocuments, listReportingYears } from "../../domain/documents.ts";
import { withDatabase } from "../with-database.ts";

export async function list(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
  const rows = await withDatabase(async (db) => {
    const all = await db.select().from(tenants).orderBy(asc(tenants.name));
    return Promise.all(
      all.map(async (tenant) => {
        const scope = { db, tenant, actor: SYSTEM_ACTOR };
        const docs = await listDocuments({ scope });
        return {
          slug: tenant.slug,
          teryt: tenant.teryt,
          name: tenant.name,
          documents: await Promise.all(
            docs.map(async (d) => ({
              id: d.id,
              slug: d.slug,
              kind: d.kind,
              title: d.title,
              period: [d.periodStart, d.periodEnd],
              years: await listReportingYears({ scope, documentId: d.id }),
            })),
          ),
        };
      }),
    );
  });
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const t of rows) {
    console.log(`${t.name} (${t.slug}, TERYT ${t.teryt})`);
    for (const d of t.documents) {
      console.log(
        `  ${d.slug}: ${d.title} [${d.period.join("–")}] lata: ${d.years.join(", ") || "—"}`,
      );
    }
  }
  return 0;
}
