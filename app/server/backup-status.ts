// The status of the last scheduled backup, kept beside the backups in BUSOLA_BACKUP_DIR and
// shown on the installation administrator's page. Only the file system: no database.
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
