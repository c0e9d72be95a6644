// Backup and restore (decision 026) with a real server: `busola backup` taken during a burst of
// card saves holds every save acknowledged before it started, and what it restores is one
// consistent state of every table — the source's rows, except the rows of saves answered after
// the backup began (each burst card in one of its saved states, with its audit entries).
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db/client.ts";
import * as schema from "../../app/db/schema.ts";
import { expectAcknowledgedPresent, readBurstCards } from "./support/card-state.ts";
import {
  burst,
  findCardEditPaths,
  freePort,
  runCli,
  signIn,
  spawnServe,
  type CardSave,
} from "./support/processes.ts";

const TABLES = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));

/** Every table's rows as sorted JSON lines, by table name. */
async function allRows(dataDir: string): Promise<Map<string, string[]>> {
  const database = await openDatabase({ dataDir });
  try {
    const out = new Map<string, string[]>();
    for (const table of TABLES) {
      const rows = await database.db.select().from(table);
      const name = getTableName(table);
      // A session's last use changes with every request: compare which sessions exist.
      const line = (r: Record<string, unknown>) =>
        JSON.stringify(name === "sessions" ? { id: r.id } : r);
      out.set(name, rows.map(line).sort());
    }
    return out;
  } finally {
    await database.close();
  }
}

describe("busola backup during a write burst, then busola restore", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it(
    "restores every acknowledged write and a consistent copy of every table",
    { timeout: 400_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "busola-backup-src-"));
      const restored = await mkdtemp(path.join(os.tmpdir(), "busola-backup-dst-"));
      const work = await mkdtemp(path.join(os.tmpdir(), "busola-backup-file-"));
      dirs.push(dataDir, restored, work);
      const file = path.join(work, "busola.backup");

      const server = spawnServe(dataDir, await freePort());
      await server.ready();
      const session = await signIn(server.url, "koordynator@ruda-slaska.demo");
      const paths = (await findCardEditPaths(session, "ruda-slaska")).slice(0, 4);
      const saves: CardSave[] = [];
      let done = false;
      const running = burst(session, paths, () => done, saves);
      while (saves.filter((s) => s.ackedAt).length < 20)
        await new Promise((r) => setTimeout(r, 20));
      const backupStarted = Date.now();
      const backup = await runCli(["backup", "--out", file], { BUSOLA_DATA_DIR: dataDir });
      const backupEnded = Date.now();
      // Keep writing a little after the backup, so the source moves past it.
      await new Promise((r) => setTimeout(r, 1500));
      done = true;
      await running;
      await server.stop();
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/migawka od działającego serwera/);
      expect((await stat(file)).size).toBeGreaterThan(0);
      expect(saves.some((s) => s.ackedAt && s.ackedAt > backupEnded)).toBe(true);

      const restore = await runCli(["restore", file], { BUSOLA_DATA_DIR: restored });
      expect(restore.stderr).toBe("");
      expect(restore.code).toBe(0);
      const again = await runCli(["restore", file], { BUSOLA_DATA_DIR: restored });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/nie jest pusty.*--force/);

      // Every save acknowledged before the backup started is in it, with its audit entry.
      const cards = await readBurstCards(restored);
      expect(expectAcknowledgedPresent(cards, saves, backupStarted)).toBeGreaterThanOrEqual(20);

      // Every table: the source's rows, but for the burst's cards and what their saves change.
      const source = await allRows(dataDir);
      const copy = await allRows(restored);
      const burstIds = [...cards.values()].map((c) => c.id);
      const touched = (line: string) => burstIds.some((id) => line.includes(id));
      for (const [table, rows] of source) {
        const theirs = copy.get(table)!;
        if (table === "tenants") {
          // The data version counts writes: the copy's is the source's at the backup.
          expect(theirs.length, table).toBe(rows.length);
          continue;
        }
        const extra = theirs.filter((r) => !rows.includes(r) && !touched(r));
        const missing = rows.filter((r) => !theirs.includes(r) && !touched(r));
        expect(extra, `${table}: rows only in the copy`).toEqual([]);
        expect(missing, `${table}: rows missing from the copy`).toEqual([]);
      }
      // Audit entries of the burst: the copy's are the source's first ones (append-only).
      const audits = (rows: string[]) => rows.filter(touched);
      const copyAudits = audits(copy.get("audit_log")!);
      for (const line of copyAudits) expect(source.get("audit_log")!).toContain(line);
      expect(copyAudits.length).toBeLessThan(audits(source.get("audit_log")!).length);
    },
  );
});
