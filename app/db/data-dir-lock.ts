// One process per data directory (decision 025). PGlite keeps pages in its own memory, so two
// processes on one directory each overwrite the other's files and acknowledged writes vanish.
// The process that opens the directory holds an exclusive lock file (created with O_EXCL)
// naming its PID, the kernel's start time of that PID and its command; a lock whose PID is gone,
// or whose PID now belongs to another process (a different start time), is stale and taken over.
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import path from "node:path";

export const LOCK_FILE = "busola.lock";

export type LockHolder = {
  pid: number;
  /** Field 22 of /proc/PID/stat (clock ticks since boot); null where /proc is missing. */
  processStart: string | null;
  startedAt: string;
  command: string;
  /** Where the holder answers control requests (backups), if it serves them. */
  controlSocket?: string;
};

export class DataDirLockedError extends Error {
  holder: LockHolder;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `Katalog danych ${dataDir} jest używany przez proces ${holder.pid} (${holder.command}) od ${formatSince(holder.startedAt)} — zatrzymaj go albo użyj innego BUSOLA_DATA_DIR.`,
    );
    this.holder = holder;
  }
}

function formatSince(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "nieznanej godziny";
  const time = at.toLocaleTimeString("pl-PL", { hour: "2-digit", minute: "2-digit" });
  const sameDay = at.toDateString() === new Date().toDateString();
  return sameDay ? time : `${at.toLocaleDateString("pl-PL")} r. ${time}`;
}

export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces: count after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

function describeCommand(): string {
  const script = process.argv[1] ?? "";
  const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  if (/busola(\.js)?$/.test(script)) return ["busola", ...args.slice(0, 2)].join(" ");
  return path.basename(script) || "node";
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    return typeof parsed.pid === "number" ? parsed : null;
  } catch {
    return null;
  }
}

/** The live holder of the directory's lock, or null when it is free or stale. */
export function lockHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(path.join(dataDir, LOCK_FILE));
  return holder && isAlive(holder) ? holder : null;
}

export type DataDirLock = {
  holder: LockHolder;
  /** Record where this process answers control requests (written into the lock file). */
  setControlSocket: (socket: string) => void;
  release: () => void;
};

function writeLock(file: string, holder: LockHolder, flag: "wx" | "w"): void {
  const fd = openSync(file, flag, 0o644);
  try {
    writeSync(fd, JSON.stringify(holder));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes the data directory's lock or throws DataDirLockedError naming the live holder.
 * A half-written lock (a holder that died between creating and filling it) counts as stale.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    processStart: processStartOf(process.pid),
    startedAt: new Date().toISOString(),
    command: describeCommand(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeLock(file, holder, "wx");
      return lockHandle(file, holder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const existing = readHolder(file);
    if (existing && isAlive(existing)) throw new DataDirLockedError(dir, existing);
    takeOverStale(file, existing);
  }
  const existing = readHolder(file);
  if (existing) throw new DataDirLockedError(dir, existing);
  throw new Error(`Cannot take the lock ${file}`);
}

/**
 * Moves a stale lock aside by rename (atomic), then checks that what moved is the lock judged
 * stale: if a racing process had meanwhile put its own live lock there, it is linked back
 * (link never overwrites) and the next attempt sees it.
 */
function takeOverStale(file: string, stale: LockHolder | null): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  const moved = readHolder(aside);
  const same =
    (moved === null && stale === null) ||
    (moved !== null &&
      stale !== null &&
      moved.pid === stale.pid &&
      moved.startedAt === stale.startedAt);
  if (!same && moved && isAlive(moved)) {
    try {
      linkSync(aside, file);
    } catch {
      // Someone holds the lock again; the next attempt reports them.
    }
  }
  unlinkSync(aside);
}

function lockHandle(file: string, holder: LockHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    const current = readHolder(file);
    if (current?.pid === holder.pid && current.startedAt === holder.startedAt) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  // A process that exits without closing the database still frees the directory.
  process.on("exit", release);
  return {
    holder,
    setControlSocket: (socket) => {
      holder.controlSocket = socket;
      // Replaced by rename, never rewritten in place: a reader must not see a half-written lock.
      const next = `${file}.${process.pid}.tmp`;
      writeLock(next, holder, "w");
      renameSync(next, file);
    },
    release,
  };
}
