// Regression tests for holes found in review: what partners see in conflicts, what they may
// write, re-saving after a conflict, and first saves racing on a real server.
import { describe, expect, it } from "vitest";
import { saveBudget } from "../../app/domain/budgets.ts";
import { ConflictError, NotFoundError } from "../../app/domain/errors.ts";
import { saveIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { makeIndicator, makeInstitution, makeUser } from "../../app/demo/factories.ts";
import { actorFor, engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("review regressions on %s", (engine) => {
  const database = useDatabase(engine);

  it("a partner's conflict shows only its own contribution, never the others' or the total", async () => {
    const w = await buildWorld(database.get());
    const base = { indicatorId: w.indicator.id, year: 2020, expectedVersion: 1 };
    await saveIndicatorValue({
      ...base,
      scope: w.scope("partnerA"),
      contributions: [{ institutionId: w.instA.id, value: 11, approximate: false, note: null }],
    });
    const error = (await saveIndicatorValue({
      ...base,
      scope: w.scope("partnerB"),
      contributions: [{ institutionId: w.instB.id, value: 16, approximate: false, note: null }],
    }).catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(JSON.stringify(error.changes)).not.toContain(w.instA.id);
    expect(JSON.stringify(error.current)).not.toContain(w.instA.id);
    expect(error.current).not.toHaveProperty("total");
    // …and saving again over the version it was shown succeeds.
    const version = (error.current as { version: number }).version;
    await saveIndicatorValue({
      ...base,
      expectedVersion: version,
      scope: w.scope("partnerB"),
      contributions: [{ institutionId: w.instB.id, value: 16, approximate: false, note: null }],
    });
  });

  it("a partner that does not report a value can neither read it through a conflict nor join it", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    const instC = await makeInstitution(db, w.tenant.id, { name: "Instytucja C" });
    const userC = await makeUser(db, {
      tenantId: w.tenant.id,
      role: "partner",
      institutionId: instC.id,
    });
    const scope = {
      db,
      tenant: w.tenant,
      actor: actorFor(userC.id, w.tenant.id, "partner", { institutionId: instC.id }),
    };
    for (const expectedVersion of [null, 1]) {
      await expect(
        saveIndicatorValue({
          scope,
          indicatorId: w.indicator.id,
          year: 2020,
          expectedVersion,
          contributions: [{ institutionId: instC.id, value: 1, approximate: false, note: null }],
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    // A first value of an indicator of the partner's own project is fine.
    const own = await makeIndicator(db, w.tenant.id, w.dir1.id, { projectId: w.projectA.id });
    await saveIndicatorValue({
      scope: w.scope("partnerA"),
      indicatorId: own.id,
      year: 2021,
      expectedVersion: null,
      contributions: [{ institutionId: w.instA.id, value: 3, approximate: false, note: null }],
    });
    await expect(
      saveIndicatorValue({
        scope: w.scope("partnerB"),
        indicatorId: own.id,
        year: 2022,
        expectedVersion: null,
        contributions: [{ institutionId: w.instB.id, value: 3, approximate: false, note: null }],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a budget can be saved again after a conflict, over the version the conflict showed", async () => {
    const w = await buildWorld(database.get());
    const save = (expectedVersion: number | null, total: number) =>
      saveBudget({
        scope: w.scope("coordinator"),
        projectId: w.projectA.id,
        year: 2020,
        expectedVersion,
        total,
        parts: [],
      });
    await save(null, 100);
    const error = (await save(null, 200).catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    await save((error.current as { version: number }).version, 200);
  });

  it("two first saves of the same value: one wins, the other is a conflict, not a crash", async () => {
    const w = await buildWorld(database.get());
    const fresh = await makeIndicator(database.get().db, w.tenant.id, w.dir1.id);
    const first = (scope: typeof w.scope) =>
      saveIndicatorValue({
        scope: scope("coordinator"),
        indicatorId: fresh.id,
        year: 2020,
        expectedVersion: null,
        total: 1,
        contributions: [],
      });
    const results = await Promise.allSettled([first(w.scope), first(w.scope)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason,
    ).toBeInstanceOf(ConflictError);
  });
});
