// Scheduled backups of `busola serve` (BUSOLA_BACKUP_DIR, decision 026): one file per interval,
// the newest BUSOLA_BACKUP_KEEP kept, and a status file the administrator's page reads.
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { readBackupStatus, STATUS_FILE, type BackupStatus } from "../domain/installation-status.ts";
import { writeBackup } from "./backup.ts";

const PREFIX = "busola-";
const SUFFIX = ".backup";

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
}

function writeStatus(dir: string, status: BackupStatus): void {
  const file = path.join(dir, STATUS_FILE);
  writeFileSync(`${file}.part`, JSON.stringify(status, null, 2));
  renameSync(`${file}.part`, file);
}

/** Removes all but the newest `keep` backups (their names sort by time). */
function prune(dir: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX))
    .sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) unlinkSync(path.join(dir, f));
}

export async function runScheduledBackup(opts: {
  config: Config;
  database: Database;
  now?: Date;
}): Promise<BackupStatus> {
  const dir = path.resolve(opts.config.backup.dir!);
  mkdirSync(dir, { recursive: true });
  const at = opts.now ?? new Date();
  const started = performance.now();
  let status: BackupStatus;
  try {
    const out = path.join(dir, `${PREFIX}${stamp(at)}${SUFFIX}`);
    const result = await writeBackup({ config: opts.config, out, database: opts.database });
    prune(dir, opts.config.backup.keep);
    status = {
      at: at.toISOString(),
      ok: true,
      file: path.basename(result.file),
      bytes: statSync(result.file).size,
      durationMs: Math.round(performance.now() - started),
      error: null,
    };
  } catch (e) {
    status = {
      at: at.toISOString(),
      ok: false,
      file: null,
      bytes: null,
      durationMs: Math.round(performance.now() - started),
      error: e instanceof Error ? e.message : String(e),
    };
    console.error("Scheduled backup failed:", e);
  }
  writeStatus(dir, status);
  return status;
}

/**
 * Starts the schedule: the first backup is due one interval after the last one recorded in
 * the status file (at once if there is none or it is overdue), then every interval.
 */
export function startScheduledBackups(opts: { config: Config; database: Database }): () => void {
  const { dir, intervalHours } = opts.config.backup;
  if (!dir) return () => {};
  const intervalMs = intervalHours * 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      void runScheduledBackup(opts).finally(() => {
        if (!stopped) schedule(intervalMs);
      });
    }, delay);
    timer.unref();
  };
  const last = readBackupStatus(dir);
  const since = last ? Date.now() - new Date(last.at).getTime() : Infinity;
  schedule(Math.max(0, Math.min(intervalMs, intervalMs - since)));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
