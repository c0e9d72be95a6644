// Decision 018: partners of different institutions reporting to the same value do not conflict;
// two people saving the same institution's contribution do, and nothing is overwritten silently.
import { describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "../../app/domain/errors.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { makeUser } from "../../app/demo/factories.ts";
import { actorFor, engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

async function ownVersion(w: World, who: "partnerA" | "partnerB") {
  const view = await getIndicatorValue({
    scope: w.scope(who),
    indicatorId: w.indicator.id,
    year: 2020,
  });
  return view.bundle!.contributions[0]!.version;
}

describe.each(engines())("contribution versions on %s", (engine) => {
  const database = useDatabase(engine);
  const contribution = (institutionId: string, value: number) => ({
    institutionId,
    value,
    approximate: false,
    note: null,
  });

  it("two institutions saving their own contributions at the same moment both succeed", async () => {
    const w = await buildWorld(database.get());
    const [a, b] = [await ownVersion(w, "partnerA"), await ownVersion(w, "partnerB")];
    const base = { indicatorId: w.indicator.id, year: 2020, expectedVersion: 1 };
    const results = await Promise.allSettled([
      saveIndicatorValue({
        ...base,
        scope: w.scope("partnerA"),
        expectedContributionVersion: a,
        contributions: [contribution(w.instA.id, 11)],
      }),
      saveIndicatorValue({
        ...base,
        scope: w.scope("partnerB"),
        expectedContributionVersion: b,
        contributions: [contribution(w.instB.id, 16)],
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const view = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    expect(view.bundle!.contributions.map((c) => [c.value, c.version])).toEqual([
      [11, 2],
      [16, 2],
    ]);
    // The total, which only coordinators edit, is untouched; the value's version moved twice
    // so a coordinator's open form learns that contributions changed.
    expect(view.bundle!.value.total).toBe(30);
    expect(view.bundle!.value.version).toBe(3);
    await expect(
      saveIndicatorValue({
        ...base,
        scope: w.scope("coordinator"),
        total: 27,
        contributions: [contribution(w.instA.id, 10), contribution(w.instB.id, 15)],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("two people of the same institution saving the same contribution: one conflict, no lost write", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    const second = await makeUser(db, {
      tenantId: w.tenant.id,
      role: "partner",
      institutionId: w.instA.id,
      name: "Druga osoba A",
    });
    const secondScope = {
      db,
      tenant: w.tenant,
      actor: actorFor(second.id, w.tenant.id, "partner", { institutionId: w.instA.id }),
    };
    const seen = await ownVersion(w, "partnerA");
    const base = { indicatorId: w.indicator.id, year: 2020, expectedVersion: null };
    await saveIndicatorValue({
      ...base,
      scope: secondScope,
      expectedContributionVersion: seen,
      contributions: [contribution(w.instA.id, 12)],
    });
    const error = (await saveIndicatorValue({
      ...base,
      scope: w.scope("partnerA"),
      expectedContributionVersion: seen,
      contributions: [contribution(w.instA.id, 13)],
    }).catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.by).toBe("Druga osoba A");
    expect(error.at).toBeInstanceOf(Date);
    expect(error.changes).toEqual([
      {
        field: "contributions",
        before: { [w.instA.id]: expect.objectContaining({ value: 10 }) },
        after: { [w.instA.id]: expect.objectContaining({ value: 12 }) },
      },
    ]);
    expect(JSON.stringify(error)).not.toContain(w.instB.id);
    expect(await ownVersion(w, "partnerA")).toBe(seen + 1);
    const stored = await getIndicatorValue({
      scope: w.scope("partnerA"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    expect(stored.bundle!.contributions[0]!.value).toBe(12);
    // A deliberate second save over the version the conflict showed goes through.
    const next = (error.current as { contributionVersion: number }).contributionVersion;
    await saveIndicatorValue({
      ...base,
      scope: w.scope("partnerA"),
      expectedContributionVersion: next,
      contributions: [contribution(w.instA.id, 13)],
    });
    expect(await ownVersion(w, "partnerA")).toBe(next + 1);
  });

  it("racing saves of the same contribution with the same version: exactly one wins", async () => {
    const w = await buildWorld(database.get());
    const seen = await ownVersion(w, "partnerA");
    const base = { indicatorId: w.indicator.id, year: 2020, expectedVersion: null };
    const results = await Promise.allSettled(
      [21, 22, 23].map((v) =>
        saveIndicatorValue({
          ...base,
          scope: w.scope("partnerA"),
          expectedContributionVersion: seen,
          contributions: [contribution(w.instA.id, v)],
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    }
    expect(await ownVersion(w, "partnerA")).toBe(seen + 1);
  });

  it("a partner cannot save another institution's contribution through the contribution path", async () => {
    const w = await buildWorld(database.get());
    await expect(
      saveIndicatorValue({
        scope: w.scope("partnerA"),
        indicatorId: w.indicator.id,
        year: 2020,
        expectedVersion: null,
        expectedContributionVersion: 1,
        contributions: [contribution(w.instB.id, 99)],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
