// Round tasks added many at once (issue 14 item 10): every card of a goal or of an institution,
// for the projects' own institutions; pairs already there untouched; archived projects left out;
// audited; the coordinator's only; refused on a closed round.
import { describe, expect, it } from "vitest";
import { makeProject } from "../../app/demo/factories.ts";
import { listHistory } from "../../app/domain/audit.ts";
import { ForbiddenError, UserInputError } from "../../app/domain/errors.ts";
import { addCardAssignmentsInBulk, roundGoals } from "../../app/domain/rounds/bulk-assignments.ts";
import { closeRound } from "../../app/domain/rounds/round-closing.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe.each(engines())("bulk round tasks on %s", (engine) => {
  const database = useDatabase(engine);

  it("adds a goal's and an institution's cards at once, leaving what is there", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const round = await openRound({
      scope,
      documentId: w.doc.id,
      year: 2021,
      deadline: "2099-02-28",
      remindBefore: [7],
      remindAfter: [1],
      changeThreshold: 50,
    });
    // Projects added after the round opened: not proposed, so not in the round yet.
    const p3 = await makeProject(scope.db, w.tenant.id, w.dir1.id, {
      symbol: "C1K3",
      title: "Nowy projekt celu 1",
      lead: w.instB.id,
    });
    const p4 = await makeProject(scope.db, w.tenant.id, w.dir2.id, {
      symbol: "C2K4",
      title: "Nowy projekt celu 2",
      lead: w.instB.id,
      partners: [w.instA.id],
    });
    await makeProject(scope.db, w.tenant.id, w.dir1.id, {
      symbol: "C1K9",
      title: "Projekt zarchiwizowany",
      lead: w.instA.id,
      archivedAt: new Date(),
    });
    const goals = await roundGoals({ scope, documentId: w.doc.id });
    expect(goals.map((g) => g.code)).toEqual(["C1", "C2"]);

    const byGoal = await addCardAssignmentsInBulk({
      scope,
      roundId: round.id,
      goalId: w.goal1.id,
      institutionId: null,
    });
    expect(byGoal).toEqual({ added: 1, alreadyThere: 1 });
    const byInstitution = await addCardAssignmentsInBulk({
      scope,
      roundId: round.id,
      goalId: null,
      institutionId: w.instA.id,
    });
    expect(byInstitution).toEqual({ added: 1, alreadyThere: 1 });

    const view = await getRound({ scope, roundId: round.id });
    const pairs = view.assignments
      .filter((a) => a.kind === "card")
      .map((a) => `${a.symbol}:${a.institutionId === w.instA.id ? "A" : "B"}`)
      .sort();
    expect(pairs).toEqual(["C1K1:A", "C1K3:B", "C2K1:B", "C2K4:A"]);
    const added = view.assignments.filter((a) => a.projectId === p3.id || a.projectId === p4.id);
    const history = await listHistory({ scope, entityIds: added.map((a) => a.id) });
    expect(history.filter((h) => h.action === "create")).toHaveLength(2);
  });

  it("needs a goal or an institution, is the coordinator's only, and not on a closed round", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const round = await openRound({
      scope,
      documentId: w.doc.id,
      year: 2021,
      deadline: "2099-02-28",
      remindBefore: [],
      remindAfter: [],
      changeThreshold: 50,
    });
    const args = { roundId: round.id, goalId: w.goal1.id, institutionId: null };
    await expect(addCardAssignmentsInBulk({ scope, ...args, goalId: null })).rejects.toBeInstanceOf(
      UserInputError,
    );
    for (const who of ["partnerA", "viewer", "goalCoordinator"] as const) {
      await expect(
        addCardAssignmentsInBulk({ scope: w.scope(who), ...args }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    await closeRound({ scope, roundId: round.id, expectedVersion: round.version });
    await expect(addCardAssignmentsInBulk({ scope, ...args })).rejects.toThrow(/zamknięta/u);
  });
});
