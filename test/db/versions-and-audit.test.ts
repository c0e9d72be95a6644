// No lost updates, and every change attributable: optimistic locking and the audit trail.
import { describe, expect, it } from "vitest";
import { listHistory } from "../../app/domain/audit.ts";
import { ConflictError } from "../../app/domain/errors.ts";
import { acknowledgeFinding, listAcknowledgements } from "../../app/domain/findings.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values.ts";
import { saveProjectCard } from "../../app/domain/project-cards.ts";
import { CARD_FIELDS, type CardFields } from "../../app/domain/value-labels.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

const fields = (over: Partial<CardFields>): CardFields => {
  const f = Object.fromEntries(CARD_FIELDS.map((k) => [k, null])) as CardFields;
  return { ...f, status: "carried_out", goalText: "Cel A", effects: "Efekty A", ...over };
};

describe.each(engines())("versions and audit on %s", (engine) => {
  const database = useDatabase(engine);

  it("refuses saving over a newer version and says what changed in between, and by whom", async () => {
    const w = await buildWorld(database.get());
    await saveProjectCard({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: 2020,
      expectedVersion: 1,
      fields: fields({ effects: "Wersja koordynatora" }),
    });
    const stale = saveProjectCard({
      scope: w.scope("admin"),
      projectId: w.projectA.id,
      year: 2020,
      expectedVersion: 1,
      fields: fields({ effects: "Wersja administratora" }),
    });
    const error = await stale.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.by).toBe("Osoba coordinator");
    expect(conflict.changes).toEqual([
      { field: "effects", before: "Efekty A", after: "Wersja koordynatora" },
    ]);
  });

  it("of two concurrent saves on the same version exactly one wins", async () => {
    const w = await buildWorld(database.get());
    const results = await Promise.allSettled([
      saveProjectCard({
        scope: w.scope("coordinator"),
        projectId: w.projectA.id,
        year: 2020,
        expectedVersion: 1,
        fields: fields({ effects: "jeden" }),
      }),
      saveProjectCard({
        scope: w.scope("admin"),
        projectId: w.projectA.id,
        year: 2020,
        expectedVersion: 1,
        fields: fields({ effects: "dwa" }),
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
  });

  it("indicator values are versioned too, contributions included", async () => {
    const w = await buildWorld(database.get());
    const base = { indicatorId: w.indicator.id, year: 2020, expectedVersion: 1 };
    await saveIndicatorValue({
      ...base,
      scope: w.scope("partnerA"),
      contributions: [{ institutionId: w.instA.id, value: 11, approximate: false, note: null }],
    });
    await expect(
      saveIndicatorValue({
        ...base,
        scope: w.scope("partnerB"),
        contributions: [{ institutionId: w.instB.id, value: 16, approximate: false, note: null }],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("records who changed what, with the values before and after", async () => {
    const w = await buildWorld(database.get());
    await saveProjectCard({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: 2020,
      expectedVersion: 1,
      fields: fields({ effects: "Nowe efekty" }),
    });
    const history = await listHistory({ scope: w.scope("coordinator"), entityIds: [w.cardA.id] });
    expect(history).toHaveLength(1);
    expect(history[0]!.userName).toBe("Osoba coordinator");
    expect(history[0]!.changes).toEqual([
      { field: "effects", before: "Efekty A", after: "Nowe efekty" },
    ]);
  });

  it("a finding can be acknowledged with a comment, and comes back when the numbers change", async () => {
    const w = await buildWorld(database.get());
    const view = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    const finding = view.bundle!.findings.find((f) => f.code === "total_vs_contributions")!;
    expect(finding.message).toContain("30");
    await acknowledgeFinding({
      scope: w.scope("coordinator"),
      entityType: "indicator_value",
      entityId: w.value.id,
      goalId: w.goal1.id,
      finding,
      comment: "Osoby liczone raz, choć korzystały z dwóch instytucji.",
    });
    const acks = await listAcknowledgements({
      scope: w.scope("coordinator"),
      entityIds: [w.value.id],
    });
    expect(acks.get(w.value.id)![0]!.findingKey).toBe(finding.key);
    await saveIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: 1,
      total: 31,
      contributions: [],
    });
    const after = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    const again = after.bundle!.findings.find((f) => f.code === "total_vs_contributions")!;
    expect(again.key).not.toBe(finding.key);
  });

  it("a partner may not acknowledge findings", async () => {
    const w = await buildWorld(database.get());
    const view = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    await expect(
      acknowledgeFinding({
        scope: w.scope("partnerA"),
        entityType: "indicator_value",
        entityId: w.value.id,
        goalId: w.goal1.id,
        finding: view.bundle!.findings[0]!,
        comment: "ok",
      }),
    ).rejects.toThrow();
  });
});
