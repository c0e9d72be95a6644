// Findings worked on many at once (issue 14 item 10): by goal, by rule or a selection, one
// comment each in the audit trail; "reported elsewhere" resolved by pointing at a document;
// goal coordinators limited to their goals; stale selections refused, never half-applied.
import { describe, expect, it } from "vitest";
import { makeCard, makeDocument, makeProject } from "../../app/demo/factories.ts";
import { listHistory } from "../../app/domain/audit.ts";
import { ForbiddenError, UserInputError } from "../../app/domain/errors.ts";
import {
  acknowledgeFindings,
  listOpenFindings,
  pointFindingsAtDocument,
} from "../../app/domain/findings-bulk.ts";
import { getProjectCard } from "../../app/domain/project-cards.ts";
import { markReportFinal } from "../../app/reports/final-reports.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

/** The world plus two C2 projects whose cards say "reported in another program" and name none. */
async function withReportedElsewhere(w: World) {
  const db = w.scope("coordinator").db;
  const made = [];
  for (const n of [2, 3]) {
    const p = await makeProject(db, w.tenant.id, w.dir2.id, {
      symbol: `C2K${n}`,
      title: `Projekt opisany gdzie indziej ${n}`,
    });
    made.push(await makeCard(db, w.tenant.id, p.id, 2020, { status: "reported_elsewhere" }));
  }
  const program = await makeDocument(db, w.tenant.id, {
    kind: "family_support",
    title: "Gminny Program Wspierania Rodziny na lata 2019–2021",
  });
  return { cards: made, program };
}

const at = (w: World) => ({ documentId: w.doc.id, year: 2020 });

describe.each(engines())("bulk findings on %s", (engine) => {
  const database = useDatabase(engine);

  it("acknowledges a goal's findings with one comment, each audited; the rest stay open", async () => {
    const w = await buildWorld(database.get());
    await withReportedElsewhere(w);
    const scope = w.scope("coordinator");
    const open = await listOpenFindings({ scope, ...at(w) });
    expect(open.rules.map((r) => r.code).sort()).toEqual(
      ["reported_in_missing", "total_vs_contributions"].sort(),
    );
    expect(open.goals.find((g) => g.code === "C2")?.count).toBe(2);
    const c1 = open.shown.filter((f) => f.goal === "C1");
    expect(c1.length).toBeGreaterThan(0);

    const comment = "Te same osoby korzystały z pomocy obu instytucji.";
    const result = await acknowledgeFindings({
      scope,
      ...at(w),
      filter: { goal: "C1" },
      comment,
    });
    expect(result).toEqual({ done: c1.length, changedMeanwhile: 0 });
    const after = await listOpenFindings({ scope, ...at(w) });
    expect(after.shown.every((f) => f.goal === "C2")).toBe(true);
    expect(after.all).toBe(2);

    const history = await listHistory({ scope, entityIds: [w.value.id] });
    const acks = history.filter((h) => h.action === "acknowledge");
    expect(acks).toHaveLength(c1.length);
    expect(JSON.stringify(acks[0])).toContain(comment);
  });

  it("acknowledges the ticked findings only, and refuses the same ticks again as stale", async () => {
    const w = await buildWorld(database.get());
    await withReportedElsewhere(w);
    const scope = w.scope("coordinator");
    const open = await listOpenFindings({
      scope,
      ...at(w),
      filter: { rule: "reported_in_missing" },
    });
    expect(open.shown).toHaveLength(2);
    const one = [open.shown[0]!.id];
    const comment = "Opisany w sprawozdaniu z programu wspierania rodziny.";
    await expect(acknowledgeFindings({ scope, ...at(w), ids: one, comment })).resolves.toEqual({
      done: 1,
      changedMeanwhile: 0,
    });
    expect((await listOpenFindings({ scope, ...at(w) })).all).toBe(open.all - 1);
    await expect(acknowledgeFindings({ scope, ...at(w), ids: one, comment })).rejects.toThrow(
      /w międzyczasie/u,
    );
    // Neither ticks nor a rule or goal: nothing is acknowledged by accident.
    await expect(acknowledgeFindings({ scope, ...at(w), comment })).rejects.toBeInstanceOf(
      UserInputError,
    );
  });

  it("resolves 'reported elsewhere' by pointing at the document: the cards change, audited", async () => {
    const w = await buildWorld(database.get());
    const { cards, program } = await withReportedElsewhere(w);
    const scope = w.scope("coordinator");
    const result = await pointFindingsAtDocument({
      scope,
      ...at(w),
      filter: { goal: "C2" },
      targetDocumentId: program.id,
    });
    expect(result.done).toBe(2);
    const open = await listOpenFindings({ scope, ...at(w) });
    expect(open.rules.some((r) => r.code === "reported_in_missing")).toBe(false);
    for (const card of cards) {
      const view = await getProjectCard({ scope, projectId: card.projectId, year: 2020 });
      expect(view.card?.reportedIn).toBe(program.title);
      expect(view.card?.reportedInDocumentId).toBe(program.id);
      expect(view.card?.version).toBe(card.version + 1);
      const history = await listHistory({ scope, entityIds: [card.id] });
      expect(history.some((h) => h.action === "update")).toBe(true);
    }
    await expect(
      pointFindingsAtDocument({ scope, ...at(w), filter: {}, targetDocumentId: w.doc.id }),
    ).rejects.toThrow(/inny dokument/u);
  });

  it("after bulk work the report can be made final", async () => {
    const w = await buildWorld(database.get());
    const { program } = await withReportedElsewhere(w);
    const scope = w.scope("coordinator");
    const final = { ...at(w), layout: "indicators", format: "html" } as const;
    await expect(markReportFinal({ scope, ...final })).rejects.toThrow(/nie można zatwierdzić/iu);
    await pointFindingsAtDocument({
      scope,
      ...at(w),
      filter: { rule: "reported_in_missing" },
      targetDocumentId: program.id,
    });
    const errors = (await listOpenFindings({ scope, ...at(w), filter: { severity: "error" } }))
      .shown;
    if (errors.length > 0) {
      await acknowledgeFindings({
        scope,
        ...at(w),
        ids: errors.map((f) => f.id),
        comment: "Sprawdzone z instytucjami.",
      });
    }
    await expect(markReportFinal({ scope, ...final })).resolves.toBeTruthy();
  });

  it("a goal coordinator works on their goals' findings only; partners and viewers not at all", async () => {
    const w = await buildWorld(database.get());
    await withReportedElsewhere(w);
    const coordinator = await listOpenFindings({ scope: w.scope("coordinator"), ...at(w) });
    const c2 = coordinator.shown.filter((f) => f.goal === "C2").map((f) => f.id);
    const gc = w.scope("goalCoordinator");
    const own = await listOpenFindings({ scope: gc, ...at(w) });
    expect(own.shown.length).toBeGreaterThan(0);
    expect(own.shown.every((f) => f.goal === "C1")).toBe(true);
    // Ids of another goal's findings are not theirs to acknowledge: nothing changes.
    await expect(
      acknowledgeFindings({ scope: gc, ...at(w), ids: c2, comment: "Nie moje." }),
    ).rejects.toThrow(/w międzyczasie/u);
    expect((await listOpenFindings({ scope: w.scope("coordinator"), ...at(w) })).all).toBe(
      coordinator.all,
    );
    for (const who of ["partnerA", "viewer"] as const) {
      await expect(listOpenFindings({ scope: w.scope(who), ...at(w) })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        acknowledgeFindings({
          scope: w.scope(who),
          ...at(w),
          filter: { goal: "C1" },
          comment: "x",
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
