// Migrate once per run: a PGlite snapshot every test file starts from (~0.5 s instead of ~5 s),
// and the PostgreSQL server named by BUSOLA_TEST_DATABASE_URL when there is one.
import { mkdirSync, writeFileSync } from "node:fs";
import { migrate, openDatabase } from "../../app/db/client.ts";
import { SNAPSHOT_PATH, SNAPSHOT_DIR } from "./paths.ts";

export default async function setup() {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const lite = await openDatabase({ dataDir: null });
  await migrate(lite);
  const client = (lite.db as unknown as { $client: { dumpDataDir: (c: "gzip") => Promise<Blob> } })
    .$client;
  const blob = await client.dumpDataDir("gzip");
  writeFileSync(SNAPSHOT_PATH, Buffer.from(await blob.arrayBuffer()));
  await lite.close();
  const url = process.env.BUSOLA_TEST_DATABASE_URL;
  // Said in the run's output, never silent: CI always sets it (.ci/run).
  if (!url) console.warn("Database tests run on PGlite only: BUSOLA_TEST_DATABASE_URL is not set.");
  if (url) {
    const pg = await openDatabase({ databaseUrl: url, poolSize: 1 });
    await migrate(pg);
    await pg.close();
  }
}
