// Decision 018 on the partner's "Moje zadania" page: the task form carries the version of the
// institution's own contribution, so two institutions saving one indicator from their task
// pages do not conflict, while a second save of the same contribution from a stale form does.
import { describe, expect, it } from "vitest";
import { ConflictError } from "../../app/domain/errors.ts";
import { getIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { getTask, saveTask } from "../../app/domain/rounds/partner-work.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import { conflictView } from "../../app/web/views/history.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

async function taskOf(w: World, roundId: string, who: "partnerA" | "partnerB") {
  const institutionId = who === "partnerA" ? w.instA.id : w.instB.id;
  const view = await getRound({ scope: w.scope("coordinator"), roundId });
  const a = view.assignments.find(
    (x) => x.kind === "contribution" && x.institutionId === institutionId,
  )!;
  const task = await getTask({ scope: w.scope(who), assignmentId: a.id });
  if (task.kind !== "contribution") throw new Error("not a contribution task");
  return task;
}

describe.each(engines())("task page contribution versions on %s", (engine) => {
  const database = useDatabase(engine);

  it("two institutions saving one indicator from their task pages both succeed", async () => {
    const w = await buildWorld(database.get());
    const round = await openRound({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2021,
      deadline: "2021-02-28",
      remindBefore: [7, 1],
      remindAfter: [1],
      changeThreshold: 50,
    });
    // Both forms are read before either is saved, as two people at their desks would.
    const [a, b] = [await taskOf(w, round.id, "partnerA"), await taskOf(w, round.id, "partnerB")];
    expect(a.indicator.id).toBe(b.indicator.id);
    const save = (who: "partnerA" | "partnerB", task: typeof a, value: number) =>
      saveTask({
        scope: w.scope(who),
        assignmentId: task.assignment.id,
        assignmentVersion: task.assignment.version,
        submit: false,
        explanation: null,
        contribution: {
          expectedVersion: task.contributionVersion,
          value,
          approximate: false,
          note: null,
        },
      });
    await save("partnerA", a, 12);
    await save("partnerB", b, 17);
    const view = await getIndicatorValue({
      scope: w.scope("coordinator"),
      indicatorId: a.indicator.id,
      year: 2021,
    });
    expect(view.bundle!.contributions.map((c) => c.value).sort()).toEqual([12, 17]);

    // The same institution's stale form is a conflict, and the saved value stays.
    const again = await taskOf(w, round.id, "partnerA");
    const conflict = await save("partnerA", { ...a, assignment: again.assignment }, 99).catch(
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    // The notice names the institution, never its id (reliability item 10).
    const notice = conflictView(conflict as ConflictError, {
      contributions: { [w.instA.id]: { value: 99 } },
    });
    const shown = JSON.stringify(notice);
    expect(shown).not.toContain(w.instA.id);
    expect(shown).toContain(w.instA.shortName ?? w.instA.name);
    const after = await taskOf(w, round.id, "partnerA");
    expect(after.contribution?.value).toBe(12);
  });
});
