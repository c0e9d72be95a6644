// One database handle type for both engines: PGlite embedded in the process (default) and a
// PostgreSQL server through node-postgres (when DATABASE_URL is set). See docs/decisions/002.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; domain functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url));

export type OpenOptions =
  { databaseUrl: string; poolSize?: number } | { dataDir: string | null; loadDataDir?: Blob };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ("databaseUrl" in options) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    // numeric and bigint come back as strings by default; the schema maps numeric columns.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, engine: "postgres", close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir, "pglite");
    mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({
    dataDir,
    loadDataDir: options.loadDataDir,
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, engine: "pglite", close: () => client.close() };
}

export async function migrate(database: Database): Promise<void> {
  if (database.engine === "postgres") {
    const { migrate: run } = await import("drizzle-orm/node-postgres/migrator");
    await run(database.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(database.db as never, { migrationsFolder });
  }
}
