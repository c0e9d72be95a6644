import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../../app/domain/errors.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { listHistory } from "../../app/domain/audit.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("breakdowns on %s", (engine) => {
  const database = useDatabase(engine);

  it("a coordinator records a split by sex and a partner's 'w tym'; the checks and the history see them", async () => {
    const w = await buildWorld(database.get());
    await saveIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: 1,
      total: 25,
      contributions: [
        { institutionId: w.instA.id, value: 10, approximate: false, note: null },
        { institutionId: w.instB.id, value: 15, approximate: false, note: null },
      ],
      breakdowns: [
        { institutionId: null, dimension: "sex", label: "K", value: 9 },
        { institutionId: null, dimension: "sex", label: "M", value: 15 },
        { institutionId: w.instB.id, dimension: "of_which", label: "dzieci", value: 4 },
      ],
    });
    const view = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    expect(view.bundle!.breakdowns.map((b) => `${b.label}=${b.value}`)).toEqual(["K=9", "M=15"]);
    expect(view.bundle!.contributions[1]!.breakdowns).toEqual([
      { dimension: "of_which", label: "dzieci", value: 4 },
    ]);
    // 9 + 15 ≠ 25: the split by sex does not add up; the total matches the contributions.
    expect(view.bundle!.findings.map((f) => f.code)).toEqual(["breakdown_sum"]);
    const [entry] = await listHistory({ scope: w.scope("coordinator"), entityIds: [w.value.id] });
    expect(entry!.changes.map((c) => c.field).sort()).toEqual(["breakdowns", "total"]);
  });

  it("a partner edits the breakdown of their own contribution only, and keeps the others'", async () => {
    const w = await buildWorld(database.get());
    await saveIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: 1,
      total: 25,
      contributions: [],
      breakdowns: [{ institutionId: w.instB.id, dimension: "of_which", label: "dzieci", value: 4 }],
    });
    await expect(
      saveIndicatorValue({
        scope: w.scope("partnerA"),
        indicatorId: w.indicator.id,
        year: 2020,
        expectedVersion: 2,
        contributions: [],
        breakdowns: [
          { institutionId: w.instB.id, dimension: "of_which", label: "dzieci", value: 99 },
        ],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await saveIndicatorValue({
      scope: w.scope("partnerA"),
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: 2,
      contributions: [{ institutionId: w.instA.id, value: 10, approximate: false, note: null }],
      breakdowns: [{ institutionId: w.instA.id, dimension: "sex", label: "K", value: 10 }],
    });
    const view = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: w.indicator.id,
      year: 2020,
    });
    expect(
      view.bundle!.contributions.map((c) => c.breakdowns.map((b) => `${b.label}=${b.value}`)),
    ).toEqual([["K=10"], ["dzieci=4"]]);
  });
});
