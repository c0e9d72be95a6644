// Backup and restore on PostgreSQL (reliability item 2): `busola backup` is pg_dump -Fc of the
// DATABASE_URL database, `busola restore` fills an empty database with pg_restore and refuses a
// non-empty one without --force. Runs where the test suite has a PostgreSQL server (CI always).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { migrate, openDatabase } from "../../app/db/client.ts";
import { restoreBackup, writeBackup } from "../../app/server/backup.ts";
import { buildWorld } from "../support/world.ts";

const url = process.env.BUSOLA_TEST_DATABASE_URL;

/** Every table's row count, in name order: what a restore must reproduce. */
async function tableCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    const out: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const r = await client.query<{ n: string }>(`select count(*) as n from "${name}"`);
      out[name] = Number(r.rows[0]!.n);
    }
    return out;
  } finally {
    await client.end();
  }
}

async function freshDatabase(base: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(base);
  target.pathname = `/${name}`;
  return target.toString();
}

describe("a backup's kind decides where it may go", () => {
  it("a pg_dump file is refused by an embedded data directory, with a Polish reason", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "busola-pg-kind-"));
    try {
      const file = path.join(dir, "kopia.backup");
      writeFileSync(file, Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(64)]));
      await expect(
        restoreBackup({
          config: loadConfig({ BUSOLA_DATA_DIR: path.join(dir, "dane") }),
          file,
          force: false,
        }),
      ).rejects.toThrow(/pochodzi z serwera PostgreSQL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(url ? ["postgres"] : [])("backup and restore on %s", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "busola-pg-backup-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("pg_dump of a municipality's data, restored into an empty database, holds every row", async () => {
    const suffix = `${process.pid}_${Date.now()}`;
    const source = await freshDatabase(url!, `busola_backup_src_${suffix}`);
    const target = await freshDatabase(url!, `busola_backup_dst_${suffix}`);
    const database = await openDatabase({ databaseUrl: source, poolSize: 2 });
    try {
      await migrate(database);
      await buildWorld(database);
    } finally {
      await database.close();
    }
    const file = path.join(dir, "busola.backup");
    const backup = await writeBackup({
      config: loadConfig({ DATABASE_URL: source }),
      out: file,
    });
    expect(backup.via).toBe("pg_dump");
    expect(backup.bytes).toBeGreaterThan(1000);

    await restoreBackup({ config: loadConfig({ DATABASE_URL: target }), file, force: false });
    const [before, after] = [await tableCounts(source), await tableCounts(target)];
    expect(after).toEqual(before);
    expect(before.project_cards).toBeGreaterThan(0);

    // A database with data is not overwritten without --force; with it, it is replaced.
    await expect(
      restoreBackup({ config: loadConfig({ DATABASE_URL: target }), file, force: false }),
    ).rejects.toThrow(/nie jest pusta/);
    await restoreBackup({ config: loadConfig({ DATABASE_URL: target }), file, force: true });
    expect(await tableCounts(target)).toEqual(before);
    // A PostgreSQL backup is not restored into an embedded data directory.
    await expect(
      restoreBackup({
        config: loadConfig({ BUSOLA_DATA_DIR: path.join(dir, "pglite-target") }),
        file,
        force: false,
      }),
    ).rejects.toThrow(/PostgreSQL \(pg_dump\)/);
  }, 120_000);
});
