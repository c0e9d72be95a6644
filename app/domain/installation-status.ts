// What the installation administrator's home shows of the installation: whether backups are
// scheduled and how the last one went. The scheduler (app/server/scheduled-backups.ts) keeps
// that status in a file beside the backups in BUSOLA_BACKUP_DIR; this reads it, so a route
// asks the domain instead of reading server files. Only the file system: no database.
import { readFileSync } from "node:fs";
import path from "node:path";

export const STATUS_FILE = "busola-backup-status.json";

export type BackupStatus = {
  at: string;
  ok: boolean;
  file: string | null;
  bytes: number | null;
  durationMs: number;
  error: string | null;
};

export function readBackupStatus(dir: string | undefined): BackupStatus | null {
  if (!dir) return null;
  try {
    return JSON.parse(
      readFileSync(path.join(path.resolve(dir), STATUS_FILE), "utf8"),
    ) as BackupStatus;
  } catch {
    return null;
  }
}

export type InstallationStatus = { configured: boolean; last: BackupStatus | null };

/** The backup directory is passed in: the domain does not read the configuration. */
export function readInstallationStatus(options: {
  backupDir: string | undefined;
}): InstallationStatus {
  return { configured: !!options.backupDir, last: readBackupStatus(options.backupDir) };
}
