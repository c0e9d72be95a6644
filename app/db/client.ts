// One database handle type for both engines: PGlite embedded in the process (default) and a
// PostgreSQL server through node-postgres (when DATABASE_URL is set). See docs/decisions/002.
// With DATABASE_READ_URL a second handle, `readDb`, reads from a hot standby (decision 056).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema.ts";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";
import { createCluster, ENGINE_OPTIONS, isNewCluster } from "./cluster-template.ts";
import { openReadReplica, type ReplicaLink } from "./read-replica.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; domain functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  /**
   * Reads that may lag a little behind the primary (decision 056): the standby of
   * DATABASE_READ_URL, falling back to the primary; without one, `db` itself.
   */
  readDb: Db;
  /** WAL positions of the primary and the standby; null without DATABASE_READ_URL. */
  replica: ReplicaLink | null;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
  /** The embedded database's directory lock (decision 025); null in memory and on PostgreSQL. */
  lock: DataDirLock | null;
  /**
   * PGlite only: a gzipped tar of the data directory taken between transactions, so it holds
   * every transaction committed before it started and none half-way (decision 026).
   */
  dump: (() => Promise<Blob>) | null;
};

export const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url));

export type OpenOptions =
  | {
      databaseUrl: string;
      poolSize?: number;
      /** A hot standby of databaseUrl for read-only work (DATABASE_READ_URL). */
      readUrl?: string;
      /** The standby fallback's log lines (console.warn by default). */
      log?: (line: string) => void;
    }
  | {
      dataDir: string | null;
      loadDataDir?: Blob;
      /** The directory's lock when the caller already holds it (restore). */
      lock?: DataDirLock;
    };

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
    if (!options.readUrl) {
      const close = () => pool.end();
      return { db, readDb: db, replica: null, engine: "postgres", close, lock: null, dump: null };
    }
    const replica = await openReadReplica({
      url: options.readUrl,
      primary: pool,
      poolSize: options.poolSize ?? 10,
      log: options.log,
    });
    const readDb = drizzle(replica.pool as unknown as InstanceType<typeof pg.Pool>, {
      schema,
    }) as unknown as Db;
    const close = async () => {
      await replica.link.close();
      await pool.end();
    };
    return { db, readDb, replica: replica.link, engine: "postgres", close, lock: null, dump: null };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let dataDir: string | undefined;
  let lock: DataDirLock | null = null;
  if (options.dataDir) {
    lock = options.lock ?? acquireDataDirLock(options.dataDir);
    dataDir = path.resolve(options.dataDir, "pglite");
    mkdirSync(dataDir, { recursive: true });
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client =
      dataDir && !options.loadDataDir && isNewCluster(dataDir)
        ? await createCluster(PGlite, dataDir)
        : await PGlite.create({ ...ENGINE_OPTIONS, dataDir, loadDataDir: options.loadDataDir });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  const dump = async () => {
    // A checkpoint first keeps the WAL a restore replays short. The dump itself runs under
    // the transaction mutex: it waits for the running transaction and holds off the next.
    await client.exec("CHECKPOINT");
    return client._runExclusiveTransaction(() => client.dumpDataDir("gzip"));
  };
  const close = async () => {
    try {
      await client.close();
    } finally {
      lock?.release();
    }
  };
  return { db, readDb: db, replica: null, engine: "pglite", close, lock, dump };
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
