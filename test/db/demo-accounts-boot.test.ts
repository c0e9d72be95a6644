// Demo accounts off in production (testing issue, gap 5): a data directory seeded in demo mode,
// started again with NODE_ENV=production, refuses every demo account at sign-in; started in demo
// mode once more, they work again. Through boot() and signIn(), as `busola serve` runs them.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/config.ts";
import { DEMO_PASSWORD } from "../../app/demo/demo-accounts.ts";
import { signIn } from "../../app/domain/auth/sign-in.ts";
import { boot } from "../../app/server/boot.ts";

const EMAIL = "koordynator@ruda-slaska.demo";

async function trySignIn(env: Record<string, string>) {
  const config = loadConfig(env);
  const { database } = await boot(config);
  try {
    return await signIn({
      db: database.db,
      email: EMAIL,
      password: DEMO_PASSWORD,
      clientAddress: "127.0.0.1",
      limit: { maxAttempts: 100, maxPerAddress: 100, windowMinutes: 15 },
      sessionHours: 1,
    });
  } finally {
    await database.close();
  }
}

describe("demo accounts at boot", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "busola-demo-boot-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = { BUSOLA_DATA_DIR: dir, BUSOLA_DEMO_DATA: "factories", DATABASE_URL: "" };

  it("work in demo mode, are refused after a production start, and work again in demo mode", async () => {
    expect((await trySignIn({ ...base, NODE_ENV: "development" })).ok).toBe(true);
    const production = await trySignIn({ ...base, NODE_ENV: "production" });
    expect(production).toMatchObject({ ok: false, reason: "invalid" });
    expect((await trySignIn({ ...base, NODE_ENV: "development" })).ok).toBe(true);
  }, 120_000);
});
