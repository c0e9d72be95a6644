// Crash safety: `busola serve` killed with SIGKILL in the middle of a burst of card saves is
// started again on the same data directory (taking over the stale lock), and every save it had
// acknowledged is there with its audit entry — nothing lost, nothing half-written.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectAcknowledgedPresent, readBurstCards } from "./support/card-state.ts";
import {
  burst,
  findCardEditPaths,
  freePort,
  signIn,
  spawnServe,
  type CardSave,
} from "./support/processes.ts";

describe("kill -9 during a burst of saves", () => {
  let dataDir = "";
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged save after a restart", { timeout: 300_000 }, async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "busola-crash-"));
    const server = spawnServe(dataDir, await freePort());
    await server.ready();
    const session = await signIn(server.url, "koordynator@ruda-slaska.demo");
    const paths = (await findCardEditPaths(session, "ruda-slaska")).slice(0, 6);
    expect(paths.length).toBeGreaterThanOrEqual(3);
    const saves: CardSave[] = [];
    let killed = false;
    const running = burst(session, paths, () => killed, saves);
    while (saves.filter((s) => s.ackedAt).length < 40) await new Promise((r) => setTimeout(r, 20));
    server.child.kill("SIGKILL");
    const killedAt = Date.now();
    killed = true;
    await running;
    await server.exited;

    // The stale lock of the killed process is taken over by the next start.
    const again = spawnServe(dataDir, await freePort());
    await again.ready();
    await again.stop();

    const cards = await readBurstCards(dataDir);
    const checked = expectAcknowledgedPresent(cards, saves, killedAt);
    expect(checked).toBeGreaterThanOrEqual(40);
  });
});
