import { describe, expect, it } from "vitest";
import { listHistory } from "../../app/domain/audit.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UserInputError,
} from "../../app/domain/errors.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import {
  createDirection,
  createGoal,
  createIndicator,
  createProject,
  projectInstitutionIds,
  updateGoal,
  updateProject,
} from "../../app/domain/strategy-structure.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

const goalFields = {
  code: "C9",
  title: "Nowy cel",
  coordinatorName: null,
  coordinatorPosition: null,
  position: 9,
};

describe.each(engines())("building the strategy tree on %s", (engine) => {
  const database = useDatabase(engine);

  it("a coordinator adds a goal, a direction, a project with institutions and an indicator", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const goal = await createGoal({ scope, documentId: w.doc.id, fields: goalFields });
    const dir = await createDirection({
      scope,
      goalId: goal.id,
      fields: { code: "C9K1", title: "Kierunek", actionLines: ["a", "b"], position: 0 },
    });
    const project = await createProject({
      scope,
      directionId: dir.id,
      fields: {
        symbol: "C9K1",
        title: "Projekt nowy",
        sinceYear: 2021,
        position: 0,
        leadInstitutionId: w.instA.id,
        partnerInstitutionIds: [w.instB.id],
      },
    });
    await createIndicator({
      scope,
      directionId: dir.id,
      fields: {
        name: "liczba porad",
        unit: "porady",
        kind: "product",
        direction: "increase",
        baseline: null,
        target: 100,
        position: 0,
        projectId: project.id,
      },
    });
    expect(await projectInstitutionIds(scope, project.id)).toEqual({
      lead: w.instA.id,
      partners: [w.instB.id],
    });
    const tree = await getStrategyTree({ scope, documentId: w.doc.id, year: 2021 });
    const c9 = tree.find((g) => g.code === "C9")!;
    expect(c9.directions[0]!.actionLines).toEqual(["a", "b"]);
    expect(c9.counts).toMatchObject({ projects: 1, missing: 1, indicators: 1 });
    const history = await listHistory({ scope, entityIds: [goal.id, project.id] });
    expect(history.map((h) => h.action)).toEqual(["create", "create"]);

    await updateProject({
      scope,
      id: project.id,
      expectedVersion: 1,
      fields: {
        symbol: "C9K1",
        title: "Projekt przemianowany",
        sinceYear: 2021,
        position: 0,
        leadInstitutionId: w.instB.id,
        partnerInstitutionIds: [],
      },
    });
    expect(await projectInstitutionIds(scope, project.id)).toEqual({
      lead: w.instB.id,
      partners: [],
    });
    await expect(
      updateGoal({ scope, id: goal.id, expectedVersion: 0, fields: goalFields }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a duplicate goal code, partners and other municipalities", async () => {
    const w = await buildWorld(database.get());
    const other = await buildWorld(database.get());
    await expect(
      createGoal({
        scope: w.scope("coordinator"),
        documentId: w.doc.id,
        fields: { ...goalFields, code: "C1" },
      }),
    ).rejects.toBeInstanceOf(UserInputError);
    await expect(
      createGoal({ scope: w.scope("partnerA"), documentId: w.doc.id, fields: goalFields }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createGoal({ scope: w.scope("coordinator"), documentId: other.doc.id, fields: goalFields }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createProject({
        scope: w.scope("coordinator"),
        directionId: w.dir1.id,
        fields: {
          symbol: "X",
          title: "X",
          sinceYear: null,
          position: 0,
          leadInstitutionId: other.instA.id,
          partnerInstitutionIds: [],
        },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
