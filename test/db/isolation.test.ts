// Proves tenant isolation and partner isolation at the domain layer, on every engine.
import { describe, expect, it } from "vitest";
import { indicatorContributions } from "../../app/db/schema.ts";
import { ForbiddenError, NotFoundError } from "../../app/domain/errors.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values.ts";
import { getProjectCard, saveProjectCard } from "../../app/domain/project-cards.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { listInstitutions } from "../../app/domain/institutions.ts";
import { CARD_FIELDS, type CardFields } from "../../app/domain/value-labels.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

const fields = (over: Partial<CardFields>): CardFields => {
  const f = Object.fromEntries(CARD_FIELDS.map((k) => [k, null])) as CardFields;
  return { ...f, status: "carried_out", ...over };
};

describe.each(engines())("isolation on %s", (engine) => {
  const database = useDatabase(engine);

  describe("between municipalities", () => {
    it("a user of one municipality cannot read another's project, value or institutions by id", async () => {
      const mine = await buildWorld(database.get());
      const theirs = await buildWorld(database.get());
      const scope = mine.scope("admin");
      await expect(
        getProjectCard({ scope, projectId: theirs.projectA.id, year: 2020 }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        getIndicatorValue({ scope, indicatorId: theirs.indicator.id, year: 2020 }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const tree = await getStrategyTree({ scope, documentId: theirs.doc.id, year: 2020 });
      expect(tree).toEqual([]);
      const names = (await listInstitutions({ scope })).map((i) => i.id);
      expect(names).not.toContain(theirs.instA.id);
    });

    it("cannot write into another municipality through a form field naming its institution", async () => {
      const mine = await buildWorld(database.get());
      const theirs = await buildWorld(database.get());
      await expect(
        saveIndicatorValue({
          scope: mine.scope("coordinator"),
          indicatorId: mine.indicator.id,
          year: 2020,
          expectedVersion: 1,
          total: 1,
          contributions: [
            { institutionId: theirs.instA.id, value: 5, approximate: false, note: null },
          ],
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        saveProjectCard({
          scope: mine.scope("coordinator"),
          projectId: theirs.projectA.id,
          year: 2020,
          expectedVersion: 1,
          fields: fields({ effects: "x" }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it("the database refuses a row that points into another municipality", async () => {
      const mine = await buildWorld(database.get());
      const theirs = await buildWorld(database.get());
      await expect(
        database.get().db.insert(indicatorContributions).values({
          tenantId: mine.tenant.id,
          valueId: mine.value.id,
          institutionId: theirs.instA.id,
          value: 1,
        }),
      ).rejects.toThrow();
    });

    it("a malformed id is simply not found", async () => {
      const w = await buildWorld(database.get());
      await expect(
        getProjectCard({ scope: w.scope("admin"), projectId: "1 OR 1=1", year: 2020 }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("between institutions", () => {
    it("a partner sees only their own contribution of an unpublished value, without the total", async () => {
      const w = await buildWorld(database.get());
      const view = await getIndicatorValue({
        scope: w.scope("partnerA"),
        indicatorId: w.indicator.id,
        year: 2020,
      });
      expect(view.bundle!.contributions.map((c) => c.institutionId)).toEqual([w.instA.id]);
      expect(view.bundle!.value.total).toBeNull();
      expect(view.bundle!.complete).toBe(false);
    });

    it("a partner cannot read another institution's unpublished project card", async () => {
      const w = await buildWorld(database.get());
      await expect(
        getProjectCard({ scope: w.scope("partnerA"), projectId: w.projectB.id, year: 2020 }),
      ).rejects.toBeInstanceOf(NotFoundError);
      const own = await getProjectCard({
        scope: w.scope("partnerA"),
        projectId: w.projectA.id,
        year: 2020,
      });
      expect(own.card?.goalText).toBe("Cel A");
    });

    it("a partner cannot change another institution's contribution or card", async () => {
      const w = await buildWorld(database.get());
      await expect(
        saveIndicatorValue({
          scope: w.scope("partnerA"),
          indicatorId: w.indicator.id,
          year: 2020,
          expectedVersion: 1,
          contributions: [
            { institutionId: w.instB.id, value: 999, approximate: false, note: null },
          ],
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        saveProjectCard({
          scope: w.scope("partnerA"),
          projectId: w.projectB.id,
          year: 2020,
          expectedVersion: 1,
          fields: fields({ effects: "x" }),
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("a partner saving their own contribution leaves the total and others untouched", async () => {
      const w = await buildWorld(database.get());
      await saveIndicatorValue({
        scope: w.scope("partnerA"),
        indicatorId: w.indicator.id,
        year: 2020,
        expectedVersion: 1,
        total: 0,
        contributions: [{ institutionId: w.instA.id, value: 12, approximate: false, note: null }],
      });
      const view = await getIndicatorValue({
        scope: w.scope("coordinator"),
        indicatorId: w.indicator.id,
        year: 2020,
      });
      expect(view.bundle!.value.total).toBe(30);
      expect(view.bundle!.contributions.map((c) => c.value)).toEqual([12, 15]);
    });

    it("a goal coordinator edits cards of their goal only; a viewer edits nothing", async () => {
      const w = await buildWorld(database.get());
      await saveProjectCard({
        scope: w.scope("goalCoordinator"),
        projectId: w.projectA.id,
        year: 2020,
        expectedVersion: 1,
        fields: fields({ effects: "nowe" }),
      });
      await expect(
        saveProjectCard({
          scope: w.scope("goalCoordinator"),
          projectId: w.projectB.id,
          year: 2020,
          expectedVersion: 1,
          fields: fields({}),
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        saveProjectCard({
          scope: w.scope("viewer"),
          projectId: w.projectA.id,
          year: 2020,
          expectedVersion: 2,
          fields: fields({}),
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    });
  });
});
