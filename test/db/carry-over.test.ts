// Last year's text in this year's card (issue 15 item 4): marked on the partner's form,
// submitting it untouched asks for confirmation, and the reviewer sees every field against
// last year.
import { describe, expect, it } from "vitest";
import { UserInputError } from "../../app/domain/errors.ts";
import { carriedOverFields, cardDifferences } from "../../app/domain/rounds/carry-over.ts";
import { getTask, saveTask } from "../../app/domain/rounds/partner-work.ts";
import { getReviewItem } from "../../app/domain/rounds/review.ts";
import { getRound, openRound } from "../../app/domain/rounds/rounds.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

describe("carried-over text, pure", () => {
  it("names the year-describing fields with last year's text, whitespace aside", () => {
    const previous = { effects: "Efekty A", stages: "Etap 1", goalText: "Cel A" };
    expect(
      carriedOverFields(
        { effects: "Efekty  A\n", stages: "Etap 2", goalText: "Cel A" },
        previous,
        2021,
      ),
    ).toEqual(["effects"]);
    expect(carriedOverFields({ effects: "" }, { effects: "" }, 2021)).toEqual([]);
    expect(carriedOverFields({ effects: "Efekty A" }, null, 2021)).toEqual([]);
    // A stable field (rules of evaluation) may stay, unless it names the year.
    const timeframe = "2008 r. Projekt będzie kontynuowany w 2021 r.";
    expect(
      carriedOverFields(
        { evaluation: "Ankieta", timeframe },
        { evaluation: "Ankieta", timeframe },
        2021,
      ),
    ).toEqual(["timeframe"]);
    const diff = cardDifferences({ effects: "Nowe", goalText: "Cel A" }, previous);
    expect(diff.find((d) => d.field === "effects")).toMatchObject({
      same: false,
      before: "Efekty A",
    });
    expect(diff.find((d) => d.field === "goalText")?.same).toBe(true);
    expect(diff.some((d) => d.field === "funding")).toBe(false);
  });
});

describe.each(engines())("carried-over text on %s", (engine) => {
  const database = useDatabase(engine);

  it("asks the partner to confirm unchanged text; the reviewer sees the difference", async () => {
    const w = await buildWorld(database.get());
    const round = await openRound({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2021,
      deadline: "2099-02-28",
      remindBefore: [],
      remindAfter: [],
      changeThreshold: 50,
    });
    const view = await getRound({ scope: w.scope("coordinator"), roundId: round.id });
    const card = view.assignments.find((a) => a.kind === "card" && a.institutionId === w.instA.id)!;
    const partner = w.scope("partnerA");
    const task = await getTask({ scope: partner, assignmentId: card.id });
    expect(task.kind === "card" && task.previousCard?.effects).toBe("Efekty A");
    // The form as prefilled from 2020, submitted untouched.
    const fields = { goalText: "Cel A", effects: "Efekty A" } as never;
    const submit = (confirmCarryOver: boolean, f = fields) =>
      saveTask({
        scope: partner,
        assignmentId: card.id,
        assignmentVersion: task.assignment.version,
        submit: true,
        explanation: null,
        confirmCarryOver,
        card: { expectedVersion: null, fields: f },
      });
    const refused = await submit(false).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserInputError);
    expect((refused as UserInputError).field).toBe("confirmCarryOver");
    expect((refused as UserInputError).message).toContain("„Osiągnięte efekty");
    expect((refused as UserInputError).message).toContain("2020 r.");
    // Nothing was saved: the item is still not submitted and has no 2021 card.
    const still = await getTask({ scope: partner, assignmentId: card.id });
    expect(still.kind === "card" && still.card).toBeNull();
    expect(still.assignment.status).toBe("not_started");

    await submit(true);
    const review = await getReviewItem({ scope: w.scope("coordinator"), assignmentId: card.id });
    expect(review.kind).toBe("card");
    const effects =
      review.kind === "card" ? review.differences.find((d) => d.field === "effects") : null;
    expect(effects).toMatchObject({ before: "Efekty A", after: "Efekty A", same: true });
  });
});
