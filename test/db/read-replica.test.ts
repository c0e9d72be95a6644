// Decision 056: read-only work reads from the hot standby of DATABASE_READ_URL; writes and an
// author's reads of what they just wrote stay on the primary; a standby that is down costs a
// log line, not an error. The standby tests run when CI provides one (.ci/start-replica.sh,
// BUSOLA_TEST_DATABASE_READ_URL); the rule without a standby runs on every engine.
import pg from "pg";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/db/client.ts";
import { tenants } from "../../app/db/schema.ts";
import { loadConfig } from "../../app/config.ts";
import { getIndicatorSeries } from "../../app/domain/analytics/indicator-series.ts";
import { saveIndicatorValue } from "../../app/domain/indicator-values/save.ts";
import {
  chooseReadDb,
  scopeOnReadDb,
  writeMarkAfterWrite,
  type ReadRoute,
} from "../../app/domain/read-routing.ts";
import { createSession } from "../../app/domain/auth/sessions.ts";
import { setServices } from "../../app/services.ts";
import { requireTenantScope } from "../../app/web/auth.server.ts";
import { sessionCookie } from "../../app/web/cookies.server.ts";
import { readRoutingMiddleware, requestReadDb } from "../../app/web/read-db.server.ts";
import { engines, openStandbyTestDatabase, standbyEngines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

const route = (d: Database): ReadRoute => ({ db: d.db, readDb: d.readDb, replica: d.replica });

/** The total of the world's 2020 value as the viewer's scope on `db` reads it. */
async function total2020(w: World, scope = w.scope("viewer")): Promise<number | null> {
  const series = await getIndicatorSeries({ scope, indicatorId: w.indicator.id });
  return series.points.find((p) => p.year === 2020)?.total ?? null;
}

function saveTotal(w: World, total: number, expectedVersion: number) {
  return saveIndicatorValue({
    scope: w.scope("coordinator"),
    indicatorId: w.indicator.id,
    year: 2020,
    expectedVersion,
    total,
    contributions: [
      { institutionId: w.instA.id, value: 10, approximate: false, note: null },
      { institutionId: w.instB.id, value: 15, approximate: false, note: null },
    ],
  });
}

/** Runs the root middleware around `work` for a request, as React Router does. */
async function throughMiddleware(request: Request, work: () => Promise<unknown> = async () => {}) {
  let db: unknown;
  const response = await readRoutingMiddleware(
    { request, params: {}, context: {} } as never,
    async () => {
      db = await requestReadDb();
      await work();
      return new Response(null, { status: 204 });
    },
  );
  return { db, response: response as Response };
}

describe.each(engines())("without DATABASE_READ_URL on %s", (engine) => {
  const database = useDatabase(engine);

  it("reads everything from the one database and hands out no write mark", async () => {
    const d = database.get();
    expect(d.readDb).toBe(d.db);
    expect(d.replica).toBeNull();
    expect(await chooseReadDb(route(d), { readOnly: true, writeMark: null })).toBe(d.db);
    expect(await writeMarkAfterWrite(route(d))).toBeNull();
    setServices({ db: d.db, readDb: d.readDb, replica: d.replica, config: loadConfig({}), engine });
    const post = await throughMiddleware(new Request("http://busola.test/x", { method: "POST" }));
    expect(post.db).toBe(d.db);
    expect(post.response.headers.get("Set-Cookie")).toBeNull();
  });
});

describe.each(standbyEngines())("read replica on %s", () => {
  let database: Database;
  let standby: pg.Client;
  beforeAll(async () => {
    database = await openStandbyTestDatabase();
    standby = new pg.Client({ connectionString: process.env.BUSOLA_TEST_DATABASE_READ_URL });
    await standby.connect();
    setServices({
      db: database.db,
      readDb: database.readDb,
      replica: database.replica,
      config: loadConfig({}),
      engine: "postgres",
    });
  });
  // A failed test must not leave the shared standby paused.
  afterEach(() => standby.query("SELECT pg_wal_replay_resume()"));
  afterAll(async () => {
    await standby?.end();
    await database?.close();
  });

  /** Waits until the standby holds everything committed on the primary so far. */
  async function caughtUp(): Promise<void> {
    const mark = await database.replica!.writePosition();
    for (let i = 0; i < 200 && !(await database.replica!.hasReplayed(mark)); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await database.replica!.hasReplayed(mark)).toBe(true);
  }

  async function pauseReplay(): Promise<void> {
    await standby.query("SELECT pg_wal_replay_pause()");
    for (let i = 0; i < 200; i++) {
      const { rows } = await standby.query("SELECT pg_get_wal_replay_pause_state() AS s");
      if (rows[0].s === "paused") return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("the standby did not pause its replay");
  }

  it("is a hot standby of the test server", async () => {
    const { rows } = await standby.query("SELECT pg_is_in_recovery() AS standby");
    expect(rows[0].standby).toBe(true);
    expect(database.readDb).not.toBe(database.db);
  });

  it("reads dashboards' data from the standby: a change it has not replayed is not seen there", async () => {
    const w = await buildWorld(database);
    await caughtUp();
    await pauseReplay();
    await saveTotal(w, 31, 1);
    const mark = await writeMarkAfterWrite(route(database));
    // A reader who wrote nothing reads the standby, which still holds 30 and the old version.
    const readDb = await chooseReadDb(route(database), { readOnly: true, writeMark: null });
    expect(readDb).toBe(database.readDb);
    const onStandby = await scopeOnReadDb(w.scope("viewer"), readDb);
    expect(await total2020(w, onStandby)).toBe(30);
    // Its data version is the standby's too, so caches file the old data under the old version.
    const [primary] = await database.db
      .select({ dataVersion: tenants.dataVersion })
      .from(tenants)
      .where(eq(tenants.id, w.tenant.id));
    expect(onStandby.tenant.dataVersion).toBeLessThan(primary!.dataVersion);
    expect(await total2020(w)).toBe(31); // the primary
    // The author, with the mark of their save, reads the primary while the standby lags.
    const forAuthor = await chooseReadDb(route(database), { readOnly: true, writeMark: mark });
    expect(await total2020(w, await scopeOnReadDb(w.scope("coordinator"), forAuthor))).toBe(31);
    expect(forAuthor).toBe(database.db);
    // Anything that may write reads the primary, mark or not.
    expect(await chooseReadDb(route(database), { readOnly: false, writeMark: null })).toBe(
      database.db,
    );
    // Once replayed, the author's reads go to the standby again, and it has the value.
    await standby.query("SELECT pg_wal_replay_resume()");
    await caughtUp();
    const later = await chooseReadDb(route(database), { readOnly: true, writeMark: mark });
    expect(later).toBe(database.readDb);
    expect(await total2020(w, await scopeOnReadDb(w.scope("viewer"), later))).toBe(31);
  });

  it("through the root middleware: a POST marks its author, whose next GET reads the primary", async () => {
    const w = await buildWorld(database);
    await caughtUp();
    await pauseReplay();
    const post = await throughMiddleware(
      new Request("http://busola.test/g/x", { method: "POST" }),
      () => saveTotal(w, 32, 1),
    );
    expect(post.db).toBe(database.db);
    const setCookie = post.response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^busola_zapis=/);
    const cookie = setCookie.split(";")[0]!;
    // The author's GET, with the mark, sees the just-saved 32 from the primary.
    let seenByAuthor: number | null = null;
    const authorGet = await throughMiddleware(
      new Request("http://busola.test/g/x", { headers: { Cookie: cookie } }),
      async () => {
        const scope = await scopeOnReadDb(w.scope("coordinator"), await requestReadDb());
        seenByAuthor = await total2020(w, scope);
      },
    );
    expect(seenByAuthor).toBe(32);
    expect(authorGet.db).toBe(database.db);
    expect(authorGet.response.headers.get("Set-Cookie")).toBeNull();
    // Someone else's GET reads the lagging standby.
    const otherGet = await throughMiddleware(new Request("http://busola.test/g/x"));
    expect(otherGet.db).toBe(database.readDb);
  });

  it("gives a GET's tenant scope the standby and a POST's the primary; sign-in is checked on the primary", async () => {
    const w = await buildWorld(database);
    await caughtUp();
    await pauseReplay();
    await saveTotal(w, 33, 1);
    // A session the standby has not seen yet: if sign-in were read there, this would redirect.
    const { token } = await createSession({
      db: database.db,
      userId: w.actors.viewer.userId,
      hours: 12,
    });
    const session = (await sessionCookie().serialize(token)).split(";")[0]!;
    const seenBy = async (method: string) => {
      const request = new Request(`http://busola.test/g/${w.tenant.slug}`, {
        method,
        headers: { Cookie: session },
      });
      let total: number | null = null;
      await throughMiddleware(request, async () => {
        const { scope } = await requireTenantScope(request, {}, w.tenant.slug);
        total = await total2020(w, scope);
      });
      return total;
    };
    expect(await seenBy("GET")).toBe(30);
    expect(await seenBy("POST")).toBe(33);
  });

  it("surfaces a wrong query instead of retrying it, and sends a stray write to the primary", async () => {
    const lines: string[] = [];
    const d = await openStandbyTestDatabase({ log: (l) => lines.push(l) });
    try {
      await expect(d.readDb.execute(sql`SELECT * FROM no_such_table`)).rejects.toMatchObject({
        cause: { code: "42P01" },
      });
      expect(lines).toEqual([]);
      const w = await buildWorld(d);
      await d.readDb.execute(
        sql`UPDATE tenants SET name = 'Gmina zapisana' WHERE id = ${w.tenant.id}`,
      );
      const [row] = await d.db
        .select({ name: tenants.name })
        .from(tenants)
        .where(eq(tenants.id, w.tenant.id));
      expect(row).toEqual({ name: "Gmina zapisana" });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/zapis przez uchwyt do odczytu/);
      // Transactions are writes: they run on the primary.
      await d.readDb.transaction(async (tx) => {
        await tx.execute(
          sql`UPDATE tenants SET name = 'Gmina w transakcji' WHERE id = ${w.tenant.id}`,
        );
      });
      expect(lines).toHaveLength(1);
    } finally {
      await d.close();
    }
  });

  it("falls back to the primary, with one log line, when the standby is down", async () => {
    const lines: string[] = [];
    // Nothing listens on port 1: the standby is "down" for this handle only.
    const d = await openStandbyTestDatabase({
      readUrl: "postgresql://postgres@127.0.0.1:1/busola_test",
      log: (l) => lines.push(l),
    });
    try {
      const w = await buildWorld(d);
      const r = route(d);
      const readDb = await chooseReadDb(r, { readOnly: true, writeMark: null });
      expect(readDb).toBe(d.readDb);
      expect(await total2020(w, await scopeOnReadDb(w.scope("viewer"), readDb))).toBe(30);
      expect(await total2020(w, await scopeOnReadDb(w.scope("viewer"), readDb))).toBe(30);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/replika do odczytu nie odpowiada .*ECONNREFUSED/);
      // An author's mark cannot be checked on a standby that is down: the primary answers.
      const mark = (await writeMarkAfterWrite(r))!;
      expect(await chooseReadDb(r, { readOnly: true, writeMark: mark })).toBe(d.db);
    } finally {
      await d.close();
    }
  });
});
