// The data directory lock's rules (decision 025) without spawning servers: a live holder is
// refused by name, a dead PID or a reused PID (another start time) is stale and taken over.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  acquireDataDirLock,
  DataDirLockedError,
  LOCK_FILE,
  processStartOf,
} from "../../app/db/data-dir-lock.ts";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "busola-lock-unit-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function plant(dir: string, holder: object) {
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder));
}

describe("data directory lock", () => {
  it("refuses a directory held by a live process, naming it", () => {
    const dir = tempDir();
    const pid = process.ppid;
    plant(dir, {
      pid,
      processStart: processStartOf(pid),
      startedAt: new Date().toISOString(),
      command: "busola serve",
    });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(
      new RegExp(`jest używany przez proces ${pid} \\(busola serve\\) od \\d{2}:\\d{2}`),
    );
  });

  it("refuses a second lock in the same process until the first is released", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it("takes over the lock of a dead PID, of a reused PID and a half-written one", () => {
    for (const stale of [
      { pid: 2 ** 22 + 12345, processStart: "1", startedAt: "2026-01-01T00:00:00Z", command: "x" },
      { pid: process.pid, processStart: "1", startedAt: "2026-01-01T00:00:00Z", command: "x" },
      null,
    ]) {
      const dir = tempDir();
      if (stale) plant(dir, stale);
      else writeFileSync(path.join(dir, LOCK_FILE), "");
      const lock = acquireDataDirLock(dir);
      const now = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"));
      expect(now.pid).toBe(process.pid);
      expect(now.processStart).toBe(processStartOf(process.pid));
      lock.release();
    }
  });
});
