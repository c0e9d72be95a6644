// The home page's "what next" figures per role: open rounds' completeness (all goals for the
// coordinator, their goals for a goal coordinator), the report year's findings by goal, the
// statutory deadlines ahead, and a partner's own tasks and contributions.
import { describe, expect, it } from "vitest";
import { makeValue } from "../../app/demo/factories.ts";
import {
  findingsByGoal,
  openRoundsProgress,
  partnerOverview,
  upcomingDocumentDeadlines,
} from "../../app/domain/analytics/work-overview.ts";
import { openRound } from "../../app/domain/rounds/rounds.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

const AFTER_DEADLINE = new Date("2021-03-05T10:00:00Z");

async function open(w: World) {
  return openRound({
    scope: w.scope("coordinator"),
    documentId: w.doc.id,
    year: 2021,
    deadline: "2021-02-28",
    remindBefore: [7, 1],
    remindAfter: [1],
    changeThreshold: 50,
  });
}

describe.each(engines())("home page work overview on %s", (engine) => {
  const database = useDatabase(engine);

  it("counts an open round by goal and names the institutions behind, per reviewer", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const [all] = await openRoundsProgress({ scope: w.scope("coordinator"), now: AFTER_DEADLINE });
    expect(all).toMatchObject({ roundId: round.id, year: 2021, daysLeft: -5 });
    expect(all!.total).toMatchObject({ expected: 4, submitted: 0, late: 4 });
    expect(all!.byGoal.map((g) => [g.label, g.expected])).toEqual([
      ["C1", 3],
      ["C2", 1],
    ]);
    expect(all!.behind.map((t) => t.label).sort()).toEqual([
      "IA — Instytucja A",
      "IB — Instytucja B",
    ]);
    const mine = await openRoundsProgress({
      scope: w.scope("goalCoordinator"),
      now: AFTER_DEADLINE,
    });
    expect(mine[0]!.byGoal.map((g) => g.label)).toEqual(["C1"]);
    expect(mine[0]!.total.expected).toBe(3);
    expect(await openRoundsProgress({ scope: w.scope("partnerA") })).toEqual([]);
    expect(await openRoundsProgress({ scope: w.scope("viewer") })).toEqual([]);
  });

  it("counts the report year's open findings under their goals", async () => {
    const w = await buildWorld(database.get());
    // 2021 has no cards yet: each project's missing card is a warning under its own goal.
    const f = await findingsByGoal({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2021,
    });
    expect(f.total).toBeGreaterThan(0);
    const byGoal = new Map(f.goals.map((g) => [g.goal, g.counts]));
    expect([...byGoal.keys()]).toEqual(["C1", "C2"]);
    expect(byGoal.get("C2")).toEqual({ error: 0, warning: 1, note: 0 });
    const sum = f.goals.reduce((n, g) => n + g.counts.error + g.counts.warning + g.counts.note, 0);
    expect(sum).toBe(f.total);
  });

  it("lists the statutory deadlines of the next half-year for those who run rounds", async () => {
    const w = await buildWorld(database.get());
    const list = await upcomingDocumentDeadlines({
      scope: w.scope("coordinator"),
      now: AFTER_DEADLINE,
    });
    expect(list.length).toBeGreaterThan(0);
    for (const d of list) {
      expect(d.date >= "2021-03-05" && d.date <= "2021-09-01").toBe(true);
      expect(d.daysLeft).toBeGreaterThanOrEqual(0);
      expect(d.rule.basis).toMatch(/art\./);
    }
    expect(list.map((d) => d.date)).toEqual([...list.map((d) => d.date)].sort());
    expect(new Set(list.map((d) => `${d.rule.key}|${d.year}`)).size).toBe(list.length);
    expect(await upcomingDocumentDeadlines({ scope: w.scope("partnerA") })).toEqual([]);
  });

  it("gives a partner their tasks and their own contributions over the years only", async () => {
    const w = await buildWorld(database.get());
    await makeValue(database.get().db, w.tenant.id, w.indicator.id, 2019, {
      total: 20,
      contributions: [
        { institutionId: w.instA.id, value: 7 },
        { institutionId: w.instB.id, value: 13 },
      ],
    });
    await open(w);
    const p = await partnerOverview({ scope: w.scope("partnerA") });
    expect(p!.tasks).toEqual({ open: 2, submitted: 0, returned: 0, accepted: 0 });
    expect(p!.nextDeadline).toBe("2021-02-28");
    expect(p!.series.map((s) => s.indicator.id)).toEqual([w.indicator.id]);
    const own = p!.series[0]!.points.map((pt) => [
      pt.year,
      pt.contributions.map((c) => [c.name, c.value]),
    ]);
    expect(own).toEqual([
      [2019, [["IA", 7]]],
      [2020, [["IA", 10]]],
    ]);
    expect(await partnerOverview({ scope: w.scope("coordinator") })).toBeNull();
  });
});
