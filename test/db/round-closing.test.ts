// Closing and reopening a reporting round (decision 046): partners cannot save in a closed
// round, reopening needs a reason, both steps are in the round's history, only the
// coordinator may do them.
import { describe, expect, it } from "vitest";
import { ForbiddenError, UserInputError } from "../../app/domain/errors.ts";
import { CARD_FIELDS, type CardFields } from "../../app/domain/value-labels.ts";
import { getTask, saveTask } from "../../app/domain/rounds/partner-work.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import { closeRound, reopenRound, roundHistory } from "../../app/domain/rounds/round-closing.ts";
import { historyView } from "../../app/web/views/history.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

const fields = (over: Partial<CardFields>): CardFields => {
  const f = Object.fromEntries(CARD_FIELDS.map((k) => [k, null])) as CardFields;
  return { ...f, status: "carried_out", ...over };
};

describe.each(engines())("closing a round on %s", (engine) => {
  const database = useDatabase(engine);

  it("closes, refuses partner work, reopens with a reason, keeps both in the history", async () => {
    const w = await buildWorld(database.get());
    const coordinator = w.scope("coordinator");
    const round = await openRound({
      scope: coordinator,
      documentId: w.doc.id,
      year: 2021,
      deadline: "2099-02-28",
      remindBefore: [7],
      remindAfter: [1],
      changeThreshold: 50,
    });
    const view = await getRound({ scope: coordinator, roundId: round.id });
    const card = view.assignments.find((a) => a.kind === "card" && a.institutionId === w.instA.id)!;
    const partner = w.scope("partnerA");

    await expect(
      closeRound({ scope: partner, roundId: round.id, expectedVersion: round.version }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const closed = await closeRound({
      scope: coordinator,
      roundId: round.id,
      expectedVersion: round.version,
    });
    expect(closed.status).toBe("closed");

    const task = await getTask({ scope: partner, assignmentId: card.id });
    expect(task.locked).toBe(true);
    await expect(
      saveTask({
        scope: partner,
        assignmentId: card.id,
        assignmentVersion: card.version,
        submit: false,
        explanation: null,
        card: { expectedVersion: null, fields: fields({ goalText: "po zamknięciu" }) },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await expect(
      reopenRound({
        scope: coordinator,
        roundId: round.id,
        expectedVersion: closed.version,
        reason: "  ",
      }),
    ).rejects.toBeInstanceOf(UserInputError);
    const reopened = await reopenRound({
      scope: coordinator,
      roundId: round.id,
      expectedVersion: closed.version,
      reason: "PUP poprosił o korektę wartości.",
    });
    expect(reopened.status).toBe("open");
    const saved = await saveTask({
      scope: partner,
      assignmentId: card.id,
      assignmentVersion: card.version,
      submit: false,
      explanation: null,
      card: { expectedVersion: null, fields: fields({ goalText: "po ponownym otwarciu" }) },
    });
    expect(saved.status).toBe("in_progress");

    const history = historyView(await roundHistory({ scope: coordinator, roundId: round.id }));
    expect(history.map((h) => h.action)).toEqual(["Ponowne otwarcie", "Zamknięcie", "Utworzenie"]);
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "status", label: "Status rundy", before: "zamknięta", after: "otwarta" },
        {
          field: "reopenReason",
          label: "Powód ponownego otwarcia",
          before: "—",
          after: "PUP poprosił o korektę wartości.",
        },
      ]),
    );
  });
});
