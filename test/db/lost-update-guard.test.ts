// No lost updates when two saves truly overlap: both read the same version before either writes,
// so the read-time check passes for both and only the atomic `version = expected` condition of
// the UPDATE can stop the second. PGlite runs one transaction at a time, so there the other
// writer's change is made inside the save's own transaction, between its check and its write;
// on PostgreSQL two transactions on two connections wait at a barrier after their reads.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DbOrTx } from "../../app/db/client.ts";
import { projectCards } from "../../app/db/schema.ts";
import { listHistory } from "../../app/domain/audit.ts";
import { ConflictError } from "../../app/domain/errors.ts";
import type { TenantScope } from "../../app/domain/scope.ts";
import { updateVersioned } from "../../app/domain/versioned-update.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

type Update = (table: unknown) => {
  set: (v: unknown) => { where: (c: unknown) => { returning: () => Promise<unknown[]> } };
};

/**
 * The scope's database with a hook run inside each transaction right before its UPDATE is
 * sent — after updateVersioned's read-time check, before its guarded write.
 */
function beforeEachWrite(scope: TenantScope, hook: (tx: DbOrTx) => Promise<void>): TenantScope {
  const wrapTx = (tx: DbOrTx): DbOrTx =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== "update") return Reflect.get(target, prop, receiver);
        const update = (target.update as unknown as Update).bind(target);
        return (table: unknown) => ({
          set: (values: unknown) => ({
            where: (condition: unknown) => ({
              returning: async () => {
                await hook(target);
                return update(table).set(values).where(condition).returning();
              },
            }),
          }),
        });
      },
    });
  const db = new Proxy(scope.db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") return Reflect.get(target, prop, receiver);
      return (fn: (tx: DbOrTx) => Promise<unknown>, config?: unknown) =>
        (target.transaction as (f: typeof fn, c?: unknown) => Promise<unknown>)(
          (tx) => fn(wrapTx(tx)),
          config,
        );
    },
  });
  return { ...scope, db };
}

/** A promise each caller waits on until `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
}

describe.each(engines())("lost-update guard on %s", (engine) => {
  const database = useDatabase(engine);

  it("a write made between the check and the UPDATE is not overwritten (ConflictError)", async () => {
    const w = await buildWorld(database.get());
    let interfered = false;
    const scope = beforeEachWrite(w.scope("coordinator"), async (tx) => {
      if (interfered) return;
      interfered = true;
      // Another user's save, committed between our read and our write.
      await tx
        .update(projectCards)
        .set({ effects: "Zapis innej osoby", version: 2 })
        .where(eq(projectCards.id, w.cardA.id));
    });
    const error = await updateVersioned({
      scope,
      table: projectCards,
      entityType: "project_card",
      id: w.cardA.id,
      expectedVersion: 1,
      values: { effects: "Zapis, który przyszedł drugi" },
    }).catch((e: unknown) => e);
    expect(interfered).toBe(true);
    expect(error).toBeInstanceOf(ConflictError);
    const [card] = await database
      .get()
      .db.select()
      .from(projectCards)
      .where(eq(projectCards.id, w.cardA.id));
    // The refused save rolled its transaction back (the other write with it, as it was made
    // inside it); what matters is that the stale values were never written.
    expect(card!.effects).toBe("Efekty A");
    expect(card!.version).toBe(1);
  });

  // Defined on PostgreSQL only (not skipped elsewhere): PGlite cannot hold two transactions open.
  if (engine === "postgres")
    it("two transactions that both read version 1: one saves, the other gets ConflictError", async () => {
      const w = await buildWorld(database.get());
      const bothRead = barrier(2);
      const save = (actor: "coordinator" | "admin", effects: string) =>
        updateVersioned({
          scope: beforeEachWrite(w.scope(actor), () => bothRead()),
          table: projectCards,
          entityType: "project_card",
          id: w.cardA.id,
          expectedVersion: 1,
          values: { effects },
        });
      const results = await Promise.allSettled([
        save("coordinator", "Wersja koordynatora"),
        save("admin", "Wersja administratora"),
      ]);
      const saved = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      expect(saved).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const [card] = await database
        .get()
        .db.select()
        .from(projectCards)
        .where(eq(projectCards.id, w.cardA.id));
      expect(card!.version).toBe(2);
      const winner = (saved[0] as PromiseFulfilledResult<{ effects: string }>).value.effects;
      expect(card!.effects).toBe(winner);
      const history = await listHistory({
        scope: w.scope("coordinator"),
        entityType: "project_card",
        entityIds: [w.cardA.id],
      });
      expect(history.map((h) => h.changes.find((c) => c.field === "effects")?.after)).toEqual([
        winner,
      ]);
    });
});
