// Database tests run on every engine available: PGlite always, PostgreSQL when
// BUSOLA_TEST_DATABASE_URL is set (CI starts a throwaway PostgreSQL 15 server), and the
// read-replica tests on that server with its hot standby when BUSOLA_TEST_DATABASE_READ_URL
// is set too (CI starts one with .ci/start-replica.sh; decision 056).
// Tests never truncate: each creates its own municipality.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "../../app/db/client.ts";
import type { Actor, Role } from "../../app/domain/actor.ts";
import type { Tenant, TenantScope } from "../../app/domain/scope.ts";
import { SNAPSHOT_PATH } from "./paths.ts";

export type Engine = "pglite" | "postgres";

export function engines(): Engine[] {
  return process.env.BUSOLA_TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** PostgreSQL with a hot standby: a one-element matrix when CI provides both, else empty. */
export function standbyEngines(): "postgres+standby"[] {
  const { BUSOLA_TEST_DATABASE_URL: primary, BUSOLA_TEST_DATABASE_READ_URL: standby } = process.env;
  return primary && standby ? ["postgres+standby"] : [];
}

/**
 * The test PostgreSQL with a read handle on `readUrl` (default: the CI standby); the read
 * handle's fallback writes its log lines to `log`.
 */
export function openStandbyTestDatabase(
  options: { readUrl?: string; log?: (line: string) => void } = {},
): Promise<Database> {
  return openDatabase({
    databaseUrl: process.env.BUSOLA_TEST_DATABASE_URL!,
    readUrl: options.readUrl ?? process.env.BUSOLA_TEST_DATABASE_READ_URL!,
    poolSize: 4,
    log: options.log,
  });
}

export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === "postgres")
    return openDatabase({ databaseUrl: process.env.BUSOLA_TEST_DATABASE_URL!, poolSize: 4 });
  const snapshot = readFileSync(SNAPSHOT_PATH);
  return openDatabase({ dataDir: null, loadDataDir: new Blob([snapshot]) });
}

/** A database for the enclosing describe block, opened before and closed after its tests. */
export function useDatabase(engine: Engine): { get: () => Database } {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get: () => {
      if (!database) throw new Error("database not open yet");
      return database;
    },
  };
}

export function actorFor(
  userId: string,
  tenantId: string,
  role: Role | null,
  extra: { institutionId?: string | null; goalIds?: string[]; isSystemAdmin?: boolean } = {},
): Actor {
  return {
    userId,
    name: "Test",
    isSystemAdmin: extra.isSystemAdmin ?? false,
    membership: role
      ? { tenantId, role, institutionId: extra.institutionId ?? null, goalIds: extra.goalIds ?? [] }
      : null,
  };
}

export function scopeFor(database: Database, tenant: Tenant, actor: Actor): TenantScope {
  return { db: database.db, tenant, actor };
}
