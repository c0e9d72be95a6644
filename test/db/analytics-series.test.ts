import { describe, expect, it } from "vitest";
import { makeBudget, makeCard, makeIndicator, makeValue } from "../../app/demo/factories.ts";
import { getIndicatorSeries } from "../../app/domain/analytics/indicator-series.ts";
import {
  budgetsBySource,
  goalProgress,
  indicatorMovers,
} from "../../app/domain/analytics/tenant-dashboard.ts";
import type { TenantScope } from "../../app/domain/scope.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

// Two earlier years before the world's 2020 value (30: IA 10, IB 15); 2019 is published.
async function withHistory(w: World, db: TenantScope) {
  await makeValue(db.db, w.tenant.id, w.indicator.id, 2018, {
    total: 18,
    contributions: [
      { institutionId: w.instA.id, value: 8 },
      { institutionId: w.instB.id, value: 10 },
    ],
    breakdowns: [
      { dimension: "sex", label: "kobiety", value: 11 },
      { dimension: "sex", label: "mężczyźni", value: 7 },
    ],
  });
  await makeValue(db.db, w.tenant.id, w.indicator.id, 2019, {
    total: 24,
    published: true,
    contributions: [
      { institutionId: w.instA.id, value: 9 },
      { institutionId: w.instB.id, value: 15 },
    ],
  });
}

describe.each(engines())("analytics series on %s", (engine) => {
  const database = useDatabase(engine);

  it("gives an indicator's values over every year, contributions, breakdowns and changes", async () => {
    const w = await buildWorld(database.get());
    await withHistory(w, w.scope("coordinator"));
    const s = await getIndicatorSeries({ scope: w.scope("viewer"), indicatorId: w.indicator.id });
    expect(s.points.map((p) => [p.year, p.total, p.change])).toEqual([
      [2018, 18, null],
      [2019, 24, 6],
      [2020, 30, 6],
    ]);
    expect(s.points[0]!.contributions.map((c) => [c.name, c.value])).toEqual([
      ["IA", 8],
      ["IB", 10],
    ]);
    expect(s.points[0]!.breakdowns.map((b) => b.label)).toEqual(["kobiety", "mężczyźni"]);
    const movers = await indicatorMovers({ scope: w.scope("coordinator"), year: 2020 });
    expect(movers.map((m) => [m.previous, m.current, m.relative])).toEqual([[24, 30, 0.25]]);
  });

  it("shows a partner only their own contribution of unpublished years", async () => {
    const w = await buildWorld(database.get());
    await withHistory(w, w.scope("coordinator"));
    const s = await getIndicatorSeries({ scope: w.scope("partnerA"), indicatorId: w.indicator.id });
    const byYear = new Map(s.points.map((p) => [p.year, p]));
    expect(byYear.get(2018)!.total).toBeNull();
    expect(byYear.get(2018)!.contributions.map((c) => c.name)).toEqual(["IA"]);
    expect(byYear.get(2018)!.breakdowns).toEqual([]);
    // The published year is everyone's.
    expect(byYear.get(2019)!.total).toBe(24);
    expect(byYear.get(2019)!.contributions.map((c) => c.name)).toEqual(["IA", "IB"]);
  });

  it("never shows another municipality's data", async () => {
    const w = await buildWorld(database.get());
    const other = await buildWorld(database.get());
    await withHistory(other, other.scope("coordinator"));
    await makeBudget(database.get().db, other.tenant.id, other.projectA.id, {
      year: 2020,
      total: 1000,
      parts: [{ sourceKind: "own", sourceLabel: "budżet miasta", amount: 1000 }],
    });
    await expect(
      getIndicatorSeries({ scope: w.scope("viewer"), indicatorId: other.indicator.id }),
    ).rejects.toThrow();
    const own = await getIndicatorSeries({ scope: w.scope("viewer"), indicatorId: w.indicator.id });
    expect(own.points.map((p) => p.year)).toEqual([2020]);
    expect((await budgetsBySource({ scope: w.scope("viewer") })).years).toEqual([]);
    const goals = await goalProgress({ scope: w.scope("viewer"), year: 2020 });
    expect(goals.map((g) => g.goalId).sort()).toEqual([w.goal1.id, w.goal2.id].sort());
  });

  it("counts projects by status per goal and sums budgets by source, per role", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    await makeCard(db, w.tenant.id, w.projectA.id, 2019, { status: "not_carried_out" });
    await makeBudget(db, w.tenant.id, w.projectA.id, {
      year: 2020,
      total: 1_588_268.16,
      parts: [
        { sourceKind: "own", sourceLabel: "budżet miasta", amount: 1_388_268.16 },
        { sourceKind: "state", sourceLabel: "dotacja celowa", amount: 200_000 },
      ],
    });
    await makeBudget(db, w.tenant.id, w.projectB.id, {
      year: 2020,
      total: 50_000,
      parts: [{ sourceKind: "own", sourceLabel: "budżet miasta", amount: 50_000 }],
    });
    const viewer = await budgetsBySource({ scope: w.scope("viewer") });
    expect(viewer).toEqual({
      years: [2020],
      sources: [
        { kind: "own", amounts: [1_438_268.16] },
        { kind: "state", amounts: [200_000] },
      ],
    });
    // Partner A sees its own project's budget only (cards unpublished).
    const partner = await budgetsBySource({ scope: w.scope("partnerA") });
    expect(partner.sources.find((s) => s.kind === "own")!.amounts).toEqual([1_388_268.16]);
    // The goal coordinator of goal 1 counts goal 1 only.
    const goals = await goalProgress({ scope: w.scope("goalCoordinator"), year: 2020 });
    expect(goals.map((g) => [g.code, g.byStatus])).toEqual([["C1", { carried_out: 1 }]]);
    const y2019 = await goalProgress({ scope: w.scope("viewer"), year: 2019 });
    expect(y2019.map((g) => [g.code, g.byStatus])).toEqual([["C1", { not_carried_out: 1 }]]);
  });

  it("ranks movers past the ones an actor may not see, a batch at a time", async () => {
    const w = await buildWorld(database.get());
    const db = database.get().db;
    // 22 unpublished indicators with both institutions' contributions (partner A sees them
    // incomplete) that moved more than the one published indicator partner A may see; more
    // than one batch of candidates, so the ranking must go on to the next batch.
    const both = (v: number) => [
      { institutionId: w.instA.id, value: v },
      { institutionId: w.instB.id, value: v },
    ];
    for (let i = 0; i < 22; i++) {
      const ind = await makeIndicator(db, w.tenant.id, w.dir1.id, { name: `ukryty ${i}` });
      await makeValue(db, w.tenant.id, ind.id, 2019, { total: 2, contributions: both(1) });
      await makeValue(db, w.tenant.id, ind.id, 2020, {
        total: 20 + 2 * i,
        contributions: both(10 + i),
      });
    }
    const open = await makeIndicator(db, w.tenant.id, w.dir1.id, { name: "jawny" });
    await makeValue(db, w.tenant.id, open.id, 2019, {
      total: 10,
      published: true,
      contributions: both(5),
    });
    await makeValue(db, w.tenant.id, open.id, 2020, {
      total: 12,
      published: true,
      contributions: both(6),
    });
    // The biggest mover of all lies under goal 2, which the goal coordinator does not see.
    const other = await makeIndicator(db, w.tenant.id, w.dir2.id, { name: "cel drugi" });
    await makeValue(db, w.tenant.id, other.id, 2019, { total: 1, contributions: both(0.5) });
    await makeValue(db, w.tenant.id, other.id, 2020, { total: 1000, contributions: both(500) });

    const partner = await indicatorMovers({ scope: w.scope("partnerA"), year: 2020, limit: 1 });
    expect(partner.map((m) => [m.name, m.previous, m.current])).toEqual([["jawny", 10, 12]]);
    const coordinator = await indicatorMovers({
      scope: w.scope("coordinator"),
      year: 2020,
      limit: 2,
    });
    expect(coordinator.map((m) => m.name)).toEqual(["cel drugi", "ukryty 21"]);
    const goal1 = await indicatorMovers({
      scope: w.scope("goalCoordinator"),
      year: 2020,
      limit: 1,
    });
    expect(goal1.map((m) => m.name)).toEqual(["ukryty 21"]);
  });
});
