// Seed 000 (Ruda Śląska 2020, project cards) imported as document "srps" of tenant
// "ruda-slaska", into a PGlite data directory or a PostgreSQL database, for the benchmarks.
import { readFileSync } from "node:fs";
import path from "node:path";

// The copy kept with the demo data, so the benchmark runs on a fresh clone alone.
const SEED_000 = path.resolve(
  import.meta.dirname,
  "../app/demo/seeds/ruda-slaska-2020-karty-projektow.txt",
);

/** `where`: a PGlite data directory (as BUSOLA_DATA_DIR) or a postgresql:// URL. */
export async function prepareSeed000(where: string): Promise<void> {
  const { migrate, openDatabase } = await import("../app/db/client.ts");
  const { createTenant, findTenant } = await import("../app/domain/tenants.ts");
  const { SYSTEM_ACTOR } = await import("../app/domain/actor.ts");
  const { importProposal } = await import("../app/domain/import-drafts/drafts.ts");
  const { parseReportText } = await import("../app/report-reader/parse-text.ts");
  const database = where.startsWith("postgres")
    ? await openDatabase({ databaseUrl: where, poolSize: 2 })
    : await openDatabase({ dataDir: where });
  try {
    await migrate(database);
    // A PostgreSQL database of an earlier run already holds the data.
    if (await findTenant(database.db, "ruda-slaska")) return;
    const tenant = await createTenant({
      db: database.db,
      teryt: "2472011",
      name: "Miasto Ruda Śląska",
      slug: "ruda-slaska",
      kind: "miasto_na_prawach_powiatu",
      welfareCentreName: "Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej",
    });
    await importProposal({
      scope: { db: database.db, tenant, actor: SYSTEM_ACTOR },
      proposal: parseReportText(readFileSync(SEED_000, "utf8")),
      target: {
        newDocument: {
          kind: "strategy",
          title: "Strategia Rozwiązywania Problemów Społecznych Miasta Ruda Śląska",
          slug: "srps",
          periodStart: 2016,
          periodEnd: 2025,
          resolutionNumber: null,
          resolutionDate: null,
          status: "in_force",
        },
      },
      year: 2020,
      sourceLabel: "import: seed 000",
    });
  } finally {
    await database.close();
  }
}
