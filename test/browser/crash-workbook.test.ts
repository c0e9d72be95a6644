// Crash safety of workbook confirmations (reliability item 12): a partner uploads and confirms
// workbooks one after another while `busola serve` is killed with SIGKILL. After a restart the
// contribution holds the last acknowledged value (or one sent after it), with its audit entry —
// an acknowledged confirmation is never lost, and none is half-saved.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db/client.ts";
import {
  auditLog,
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  tenants,
} from "../../app/db/schema.ts";
import { freePort, signIn, spawnServe } from "./support/processes.ts";
import { openRounds, partnersRound, sendWorkbook } from "./support/workbook-http.ts";

const TENANT = "ruda-slaska";

async function storedContribution(dataDir: string, indicatorName: string) {
  const database = await openDatabase({ dataDir });
  try {
    const db = database.db;
    const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, TENANT));
    const [pup] = await db
      .select()
      .from(institutions)
      .where(and(eq(institutions.tenantId, tenant!.id), eq(institutions.shortName, "PUP")));
    const rows = await db
      .select({ value: indicatorContributions.value, valueId: indicatorValues.id })
      .from(indicatorContributions)
      .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorContributions.valueId))
      .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
      .where(
        and(
          eq(indicators.tenantId, tenant!.id),
          eq(indicators.name, indicatorName),
          eq(indicatorValues.year, 2021),
          eq(indicatorContributions.institutionId, pup!.id),
        ),
      );
    const audits = rows[0]
      ? await db
          .select()
          .from(auditLog)
          .where(
            and(eq(auditLog.entityType, "indicator_value"), eq(auditLog.entityId, rows[0].valueId)),
          )
      : [];
    return { value: rows[0]?.value ?? null, audits };
  } finally {
    await database.close();
  }
}

describe("kill -9 during workbook confirmations", () => {
  let dataDir = "";
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged confirmation after a restart", { timeout: 300_000 }, async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "busola-crash-workbook-"));
    const server = spawnServe(dataDir, await freePort());
    await server.ready();
    const coordinator = await signIn(server.url, "koordynator@ruda-slaska.demo");
    const partner = await signIn(server.url, "pup@ruda-slaska.demo");
    const roundId = await partnersRound(partner, TENANT, await openRounds(coordinator, TENANT));

    const sent: { value: number; ackedAt: number | null }[] = [];
    let indicator = "";
    let killed = false;
    const running = (async () => {
      for (let value = 1001; !killed; value++) {
        const entry = { value, ackedAt: null as number | null };
        sent.push(entry);
        try {
          const result = await sendWorkbook(partner, TENANT, roundId, value);
          if (!result.ok) throw new Error(`${result.step}: HTTP ${result.status}`);
          indicator = result.indicator;
          entry.ackedAt = Date.now();
        } catch (error) {
          if (killed) return; // the server is gone
          throw error;
        }
      }
    })();
    while (sent.filter((s) => s.ackedAt).length < 4) await new Promise((r) => setTimeout(r, 20));
    // Kill while the next confirmation is on its way.
    await new Promise((r) => setTimeout(r, Math.random() * 400));
    server.child.kill("SIGKILL");
    const killedAt = Date.now();
    killed = true;
    await running;
    await server.exited;

    const again = spawnServe(dataDir, await freePort());
    await again.ready();
    await again.stop();

    const acked = sent.filter((s) => s.ackedAt !== null && s.ackedAt < killedAt);
    const last = acked.at(-1)!.value;
    const stored = await storedContribution(dataDir, indicator);
    // The last acknowledged value, or one sent after it that committed but was not answered.
    expect(stored.value).not.toBeNull();
    expect(stored.value!).toBeGreaterThanOrEqual(last);
    expect(sent.map((s) => s.value)).toContain(stored.value);
    // Every acknowledged confirmation is in the trail, and so is the stored one.
    const audited = new Set(
      stored.audits.flatMap((a) =>
        Object.values(
          ((a.after as { contributions?: Record<string, { value?: number }> })?.contributions ??
            {}) as Record<string, { value?: number }>,
        ).map((c) => c?.value),
      ),
    );
    for (const s of [...acked.map((a) => a.value), stored.value!])
      expect(audited, `audit of ${s}`).toContain(s);
  });
});
