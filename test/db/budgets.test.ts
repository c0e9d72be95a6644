import { describe, expect, it } from "vitest";
import { saveBudget } from "../../app/domain/budgets.ts";
import { ConflictError, ForbiddenError } from "../../app/domain/errors.ts";
import { getProjectCard } from "../../app/domain/project-cards.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

// Seed 002, "Centrum Wsparcia Rodziny": the state share labelled 8% is in fact 15% of the total.
const cwr = [
  { sourceKind: "eu", sourceLabel: "EFS", amount: 5_786_240.92, percent: 85 },
  { sourceKind: "state", sourceLabel: "budżet państwa", amount: 1_021_101.34, percent: 8 },
  { sourceKind: "own", sourceLabel: "wkład własny", amount: 476_513.96, percent: 7 },
];

describe.each(engines())("budgets on %s", (engine) => {
  const database = useDatabase(engine);

  it("saves a budget by funding source; the card shows its findings; a stale save is refused", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("partnerA"); // the lead institution's partner may edit its project's budget
    await saveBudget({
      scope,
      projectId: w.projectA.id,
      year: null,
      expectedVersion: null,
      total: 6_807_342.26,
      parts: cwr,
    });
    const view = await getProjectCard({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: 2020,
    });
    expect(view.budgets).toHaveLength(1);
    expect(view.budgets[0]!.parts.map((p) => p.amount)).toEqual([
      5_786_240.92, 1_021_101.34, 476_513.96,
    ]);
    expect(view.budgets[0]!.findings.map((f) => f.code)).toContain("budget_percent_mismatch");
    await expect(
      saveBudget({
        scope: w.scope("coordinator"),
        projectId: w.projectA.id,
        year: null,
        expectedVersion: null,
        total: 1,
        parts: [],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await saveBudget({
      scope: w.scope("coordinator"),
      projectId: w.projectA.id,
      year: null,
      expectedVersion: 1,
      total: 6_807_342.26,
      parts: [],
    });
  });

  it("another institution's partner cannot change the budget", async () => {
    const w = await buildWorld(database.get());
    await expect(
      saveBudget({
        scope: w.scope("partnerB"),
        projectId: w.projectA.id,
        year: 2020,
        expectedVersion: null,
        total: 1,
        parts: [],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
