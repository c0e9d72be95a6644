// One process per data directory (decision 025), with real processes: a second `busola serve`
// and a CLI command on a directory in use exit non-zero naming the holder, while the first
// server keeps serving; a lock left by a SIGKILLed holder is taken over by the next start.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, runCli, spawnServe } from "./support/processes.ts";

describe("data directory lock", () => {
  let dataDir = "";
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(
    "refuses a second server and CLI commands, and takes over a stale lock",
    { timeout: 300_000 },
    async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), "busola-lock-"));
      const first = spawnServe(dataDir, await freePort());
      await first.ready();
      const pid = first.child.pid!;
      const holder = new RegExp(
        `Katalog danych ${dataDir} jest używany przez proces ${pid} \\(busola serve\\) od \\d{2}:\\d{2} — zatrzymaj go albo użyj innego BUSOLA_DATA_DIR\\.`,
      );

      const second = spawnServe(dataDir, await freePort());
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(holder);
      expect((await fetch(`${first.url}/logowanie`)).status).toBe(200);

      const list = await runCli(["list", "--json"], { BUSOLA_DATA_DIR: dataDir });
      expect(list.code).toBe(1);
      expect(list.stderr).toMatch(holder);

      first.child.kill("SIGKILL");
      await first.exited;
      const stale = JSON.parse(await readFile(path.join(dataDir, "busola.lock"), "utf8"));
      expect(stale.pid).toBe(pid);

      const next = spawnServe(dataDir, await freePort());
      await next.ready();
      expect((await fetch(`${next.url}/logowanie`)).status).toBe(200);
      const taken = JSON.parse(await readFile(path.join(dataDir, "busola.lock"), "utf8"));
      expect(taken.pid).toBe(next.child.pid);
      await next.stop();
      // A clean stop frees the directory.
      expect(existsSync(path.join(dataDir, "busola.lock"))).toBe(false);
    },
  );
});
