// A document's "close to target" threshold (decision 053): saved by updateDocument with its
// audit entry, refused outside 1–99, and judging the tree, the series and the home page's counts.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, indicators } from "../../app/db/schema.ts";
import { getIndicatorSeries } from "../../app/domain/analytics/indicator-series.ts";
import { targetStatusByGoal } from "../../app/domain/analytics/goal-status.ts";
import { UserInputError } from "../../app/domain/errors.ts";
import { updateDocument } from "../../app/domain/strategy-structure.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { readReportData } from "../../app/domain/report-data/load.ts";
import { closeThreshold } from "../../app/web/forms/document.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

function fieldsOf(w: World, threshold: number | null) {
  const d = w.doc;
  return {
    kind: d.kind,
    title: d.title,
    slug: d.slug,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    resolutionNumber: d.resolutionNumber,
    resolutionDate: d.resolutionDate,
    status: d.status,
    closeThreshold: threshold,
  };
}

describe("the threshold field", () => {
  it("reads a whole percent, empty as the default, and refuses anything else in Polish", () => {
    expect(closeThreshold.parse("")).toBeNull();
    expect(closeThreshold.parse(undefined)).toBeNull();
    expect(closeThreshold.parse(" 70 ")).toBe(70);
    expect(closeThreshold.parse("70 %")).toBe(70);
    for (const bad of ["150", "abc", "0", "7,5", "-5", "100"]) {
      const r = closeThreshold.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/liczbę całkowitą od 1 do 99/u);
    }
  });
});

describe.each(engines())("target thresholds on %s", (engine) => {
  const database = useDatabase(engine);

  it("saves the threshold with an audit entry; the tree, series, home and report follow it", async () => {
    const w = await buildWorld(database.get());
    const coordinator = w.scope("coordinator");
    // 2020: 30 against a target of 40 (no baseline): 75 % of the way.
    await database
      .get()
      .db.update(indicators)
      .set({ target: 40, direction: "increase" })
      .where(eq(indicators.id, w.indicator.id));
    const statusNow = async () => {
      const tree = await getStrategyTree({ scope: coordinator, documentId: w.doc.id, year: 2020 });
      const inTree = tree[0]!.directions[0]!.indicators[0]!.status;
      const series = await getIndicatorSeries({ scope: coordinator, indicatorId: w.indicator.id });
      const goals = await targetStatusByGoal({ scope: w.scope("viewer"), year: 2020 });
      const counted = Object.entries(goals[0]!.counts).find(([, n]) => n > 0)![0];
      const report = await readReportData({ scope: coordinator, documentId: w.doc.id, year: 2020 });
      const inReport = report.goals[0]!.directions[0]!.indicators[0]!.status;
      return [inTree, series.points.at(-1)!.status, counted, inReport];
    };
    expect(await statusNow()).toEqual(["off_target", "off_target", "off_target", "off_target"]);

    const saved = await updateDocument({
      scope: coordinator,
      id: w.doc.id,
      expectedVersion: w.doc.version,
      fields: fieldsOf(w, 70),
    });
    expect(saved.closeThreshold).toBe(70);
    expect(await statusNow()).toEqual(["close", "close", "close", "close"]);
    const [entry] = await database
      .get()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.doc.id), eq(auditLog.action, "update")));
    expect(entry!.before).toMatchObject({ closeThreshold: null });
    expect(entry!.after).toMatchObject({ closeThreshold: 70 });

    // Emptied again: the default 80 % applies.
    await updateDocument({
      scope: coordinator,
      id: w.doc.id,
      expectedVersion: saved.version,
      fields: fieldsOf(w, null),
    });
    expect(await statusNow()).toEqual(["off_target", "off_target", "off_target", "off_target"]);
  });

  it("refuses a threshold outside 1–99 from any caller, naming the field", async () => {
    const w = await buildWorld(database.get());
    for (const bad of [150, 0, 12.5]) {
      const error = await updateDocument({
        scope: w.scope("coordinator"),
        id: w.doc.id,
        expectedVersion: w.doc.version,
        fields: fieldsOf(w, bad),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as UserInputError).field).toBe("closeThreshold");
    }
  });
});
