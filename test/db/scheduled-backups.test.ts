// Scheduled backups of `busola serve` (decision 026): one file per run, the newest
// BUSOLA_BACKUP_KEEP kept, and a status file with the last time, size and result that the
// administrator's page reads. Embedded database only (PostgreSQL's path is pg_dump).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config.ts";
import { readBackupStatus } from "../../app/domain/installation-status.ts";
import { runScheduledBackup } from "../../app/server/scheduled-backups.ts";
import { useDatabase } from "../support/db.ts";

describe("scheduled backups", () => {
  const database = useDatabase("pglite");
  const dir = mkdtempSync(path.join(os.tmpdir(), "busola-scheduled-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("validates its settings", () => {
    expect(loadConfig({}).backup).toEqual({ dir: undefined, intervalHours: 24, keep: 7 });
    expect(() => loadConfig({ BUSOLA_BACKUP_KEEP: "0" })).toThrow(/BUSOLA_BACKUP_KEEP/);
    expect(() => loadConfig({ BUSOLA_BACKUP_INTERVAL_HOURS: "x" })).toThrow(ConfigError);
    expect(loadConfig({ BUSOLA_FORM_MAX_KB: "10" }).formMaxBytes).toBe(10 * 1024);
  });

  it("keeps the newest backups and records the last one's time, size and result", async () => {
    const config = loadConfig({ BUSOLA_BACKUP_DIR: dir, BUSOLA_BACKUP_KEEP: "2" });
    for (const hour of [1, 2, 3]) {
      const status = await runScheduledBackup({
        config,
        database: database.get(),
        now: new Date(`2026-12-02T0${hour}:00:00Z`),
      });
      expect(status.ok).toBe(true);
    }
    const files = readdirSync(dir).filter((f) => f.endsWith(".backup"));
    expect(files).toEqual(["busola-20261202T020000Z.backup", "busola-20261202T030000Z.backup"]);
    const last = readBackupStatus(dir)!;
    expect(last).toMatchObject({ ok: true, at: "2026-12-02T03:00:00.000Z", error: null });
    expect(last.bytes).toBeGreaterThan(100_000);
  });

  it("records a failure with its message", async () => {
    const config = loadConfig({ BUSOLA_BACKUP_DIR: dir });
    const broken = { ...database.get(), dump: () => Promise.reject(new Error("dysk pełny")) };
    const status = await runScheduledBackup({ config, database: broken });
    expect(status).toMatchObject({ ok: false, error: "dysk pełny", bytes: null });
    expect(readBackupStatus(dir)).toMatchObject({ ok: false, error: "dysk pełny" });
  });
});
