// The yearly reporting round on the domain: proposal from last year, partner work, review,
// locks, conflicts, access by guessed ids, reminders (idempotent) and the audit trail.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outboxMessages, roundAssignments } from "../../app/db/schema.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UserInputError,
} from "../../app/domain/errors.ts";
import { CARD_FIELDS, type CardFields } from "../../app/domain/value-labels.ts";
import { saveProjectCard } from "../../app/domain/project-cards.ts";
import { getIndicatorValue, saveIndicatorValue } from "../../app/domain/indicator-values/index.ts";
import { getTask, listMyTasks, saveTask } from "../../app/domain/rounds/partner-work.ts";
import {
  acceptAssignment,
  reopenAssignment,
  returnAssignment,
} from "../../app/domain/rounds/review.ts";
import {
  addAssignment,
  getRound,
  openRound,
  removeAssignment,
} from "../../app/domain/rounds/rounds.ts";
import { sendDueReminders, sendRemindersNow } from "../../app/domain/rounds/reminders.ts";
import { invitePartner, acceptInvitation } from "../../app/domain/rounds/invitations.ts";
import { requestPasswordReset, resetPassword } from "../../app/domain/auth/password-reset.ts";
import { signIn } from "../../app/domain/auth/sign-in.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";
import type { Database } from "../../app/db/client.ts";

const fields = (over: Partial<CardFields>): CardFields => {
  const f = Object.fromEntries(CARD_FIELDS.map((k) => [k, null])) as CardFields;
  return { ...f, status: "carried_out", ...over };
};

async function open(w: World, deadline = "2021-02-28") {
  return openRound({
    scope: w.scope("coordinator"),
    documentId: w.doc.id,
    year: 2021,
    deadline,
    remindBefore: [7, 1],
    remindAfter: [1],
    changeThreshold: 50,
  });
}

async function item(
  w: World,
  roundId: string,
  kind: "card" | "contribution",
  institutionId: string,
) {
  const view = await getRound({ scope: w.scope("coordinator"), roundId });
  return view.assignments.find((a) => a.kind === kind && a.institutionId === institutionId)!;
}

/** The raw token from the newest message to this address (the outbox is the mailbox here). */
async function linkTo(database: Database, to: string, path: string): Promise<string> {
  const rows = await database.db.select().from(outboxMessages).where(eq(outboxMessages.to, to));
  const text = rows.at(-1)!.text;
  return new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(text)![1]!;
}

describe.each(engines())("reporting round on %s", (engine) => {
  const database = useDatabase(engine);

  it("proposes last year's reporters: project institutions and value contributors", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const view = await getRound({ scope: w.scope("coordinator"), roundId: round.id });
    const summary = view.assignments.map((a) => `${a.kind}:${a.title}:${a.institutionName}`).sort();
    expect(summary).toEqual([
      "card:Projekt A:IA — Instytucja A",
      "card:Projekt B:IB — Instytucja B",
      "contribution:liczba osób objętych wsparciem:IA — Instytucja A",
      "contribution:liczba osób objętych wsparciem:IB — Instytucja B",
    ]);
    expect(view.completeness.total).toMatchObject({ expected: 4, submitted: 0 });
    // A goal coordinator reviews only their goal (C1: project A and the indicator).
    const mine = await getRound({ scope: w.scope("goalCoordinator"), roundId: round.id });
    expect(mine.assignments.every((a) => a.goalId === w.goal1.id)).toBe(true);
    expect(mine.assignments).toHaveLength(3);
  });

  it("walks an item through draft, submit, return, resubmit, accept, lock and reopen", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const card = await item(w, round.id, "card", w.instA.id);
    const partner = w.scope("partnerA");
    // Prefilled from last year's card while this year's does not exist.
    const task = await getTask({ scope: partner, assignmentId: card.id });
    expect(task.kind === "card" && task.previousCard?.goalText).toBe("Cel A");
    let a = await saveTask({
      scope: partner,
      assignmentId: card.id,
      assignmentVersion: 1,
      submit: false,
      explanation: null,
      card: { expectedVersion: null, fields: fields({ goalText: "Cel A 2021" }) },
    });
    expect(a.status).toBe("in_progress");
    a = await saveTask({
      scope: partner,
      assignmentId: card.id,
      assignmentVersion: a.version,
      submit: true,
      explanation: null,
      card: { expectedVersion: 1, fields: fields({ goalText: "Cel A 2021" }) },
    });
    expect(a.status).toBe("submitted");
    // Under review the partner cannot change it, here or on the ordinary card form.
    await expect(
      saveProjectCard({
        scope: partner,
        projectId: w.projectA.id,
        year: 2021,
        expectedVersion: 2,
        fields: fields({}),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      returnAssignment({
        scope: w.scope("coordinator"),
        assignmentId: card.id,
        expectedVersion: a.version,
        comment: " ",
      }),
    ).rejects.toBeInstanceOf(UserInputError);
    a = await returnAssignment({
      scope: w.scope("goalCoordinator"),
      assignmentId: card.id,
      expectedVersion: a.version,
      comment: "Uzupełnij efekty.",
    });
    expect(a).toMatchObject({ status: "returned", returnComment: "Uzupełnij efekty." });
    a = await saveTask({
      scope: partner,
      assignmentId: card.id,
      assignmentVersion: a.version,
      submit: true,
      explanation: null,
      card: {
        // Still 1: submitting the draft unchanged wrote nothing (decision 047).
        expectedVersion: 1,
        fields: fields({ goalText: "Cel A 2021", effects: "Efekty 2021" }),
      },
    });
    a = await acceptAssignment({
      scope: w.scope("coordinator"),
      assignmentId: card.id,
      expectedVersion: a.version,
    });
    expect(a.status).toBe("accepted");
    await expect(
      saveTask({
        scope: partner,
        assignmentId: card.id,
        assignmentVersion: a.version,
        submit: false,
        explanation: null,
        card: { expectedVersion: 3, fields: fields({}) },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // Only the coordinator reopens, with a reason.
    await expect(
      reopenAssignment({
        scope: w.scope("goalCoordinator"),
        assignmentId: card.id,
        expectedVersion: a.version,
        reason: "x",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    a = await reopenAssignment({
      scope: w.scope("coordinator"),
      assignmentId: card.id,
      expectedVersion: a.version,
      reason: "Błąd w kwocie.",
    });
    expect(a).toMatchObject({ status: "returned", reopenReason: "Błąd w kwocie." });
    const steps = await database
      .get()
      .db.select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "round_assignment"), eq(auditLog.entityId, card.id)));
    expect(steps.map((s) => s.action)).toEqual(
      expect.arrayContaining(["create", "update", "submit", "return", "accept", "reopen"]),
    );
    // Each step says what the item was before and what it became (who and when: every entry).
    const step = (action: string) => steps.find((s) => s.action === action)!;
    expect(step("create")).toMatchObject({ before: null, after: { status: "not_started" } });
    expect(step("return")).toMatchObject({
      before: { status: "submitted" },
      after: { status: "returned", returnComment: expect.any(String) },
    });
    expect(step("accept")).toMatchObject({
      before: { status: "submitted" },
      after: { status: "accepted" },
    });
    expect(step("reopen")).toMatchObject({
      before: { status: "accepted" },
      after: { status: "returned", reopenReason: "Błąd w kwocie." },
    });
    // The partner was told by e-mail about the return (no account yet → no message; the
    // world's partners are members, so one each).
    const mails = await database
      .get()
      .db.select()
      .from(outboxMessages)
      .where(eq(outboxMessages.tenantId, w.tenant.id));
    expect(mails.filter((m) => m.kind === "returned")).toHaveLength(1);
  });

  it("asks for an explanation of a change beyond the threshold, and shows last year's value", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const contrib = await item(w, round.id, "contribution", w.instA.id);
    const partner = w.scope("partnerA");
    const base = {
      scope: partner,
      assignmentId: contrib.id,
      assignmentVersion: 1,
      submit: true,
      contribution: { expectedVersion: null, value: 25, approximate: false, note: null },
    };
    const refused = await saveTask({ ...base, explanation: null }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserInputError);
    expect((refused as UserInputError).field).toBe("explanation");
    const a = await saveTask({ ...base, explanation: "Nowy punkt konsultacyjny." });
    expect(a).toMatchObject({ status: "submitted", explanation: "Nowy punkt konsultacyjny." });
    const task = await getTask({ scope: partner, assignmentId: contrib.id });
    expect(task.kind === "contribution" && task.change).toMatchObject({
      previous: 10,
      current: 25,
      percent: 150,
    });
  });

  it("two people of one institution: the second save is a conflict, not a lost write", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const card = await item(w, round.id, "card", w.instA.id);
    const save = (text: string) =>
      saveTask({
        scope: w.scope("partnerA"),
        assignmentId: card.id,
        assignmentVersion: 1,
        submit: false,
        explanation: null,
        card: { expectedVersion: null, fields: fields({ effects: text }) },
      });
    await save("pierwsza osoba");
    await expect(save("druga osoba")).rejects.toBeInstanceOf(ConflictError);
    const [row] = await database
      .get()
      .db.select()
      .from(roundAssignments)
      .where(eq(roundAssignments.id, card.id));
    expect(row!.version).toBe(2);
  });

  it("a partner sees only their institution's items; guessed ids are not found", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const other = await item(w, round.id, "card", w.instB.id);
    const mine = await listMyTasks({ scope: w.scope("partnerA") });
    expect(mine.every((t) => t.institutionId === w.instA.id)).toBe(true);
    expect(mine).toHaveLength(2);
    await expect(
      getTask({ scope: w.scope("partnerA"), assignmentId: other.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getTask({ scope: w.scope("partnerA"), assignmentId: "nie-uuid" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getRound({ scope: w.scope("partnerA"), roundId: round.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Another municipality's coordinator guessing this round and item.
    const w2 = await buildWorld(database.get());
    await expect(
      getRound({ scope: w2.scope("coordinator"), roundId: round.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      acceptAssignment({
        scope: w2.scope("coordinator"),
        assignmentId: other.id,
        expectedVersion: 1,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // A goal coordinator guessing another goal's item.
    await expect(
      returnAssignment({
        scope: w.scope("goalCoordinator"),
        assignmentId: other.id,
        expectedVersion: 1,
        comment: "x",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(open(w)).rejects.toBeInstanceOf(UserInputError);
  });

  it("an added contribution lets the partner report a value they did not report before", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w);
    const cardB = await item(w, round.id, "card", w.instB.id);
    await expect(
      addAssignment({
        scope: w.scope("coordinator"),
        roundId: round.id,
        kind: "card",
        targetId: w.projectA.id,
        institutionId: w.instB.id,
      }),
    ).rejects.toBeInstanceOf(UserInputError);
    await removeAssignment({ scope: w.scope("coordinator"), assignmentId: cardB.id });
    const contribB = await item(w, round.id, "contribution", w.instB.id);
    await removeAssignment({ scope: w.scope("coordinator"), assignmentId: contribB.id });
    await expect(
      saveIndicatorValue({
        scope: w.scope("partnerB"),
        indicatorId: w.indicator.id,
        year: 2021,
        expectedVersion: null,
        contributions: [{ institutionId: w.instB.id, value: 3, approximate: false, note: null }],
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const added = await addAssignment({
      scope: w.scope("coordinator"),
      roundId: round.id,
      kind: "contribution",
      targetId: w.indicator.id,
      institutionId: w.instB.id,
    });
    const a = await saveTask({
      scope: w.scope("partnerB"),
      assignmentId: added.id,
      assignmentVersion: 1,
      submit: false,
      explanation: null,
      contribution: { expectedVersion: null, value: 3, approximate: false, note: null },
    });
    expect(a.status).toBe("in_progress");
  });

  it("an explicit total with a reason is an explained note, not a warning", async () => {
    const w = await buildWorld(database.get());
    const scope = w.scope("coordinator");
    const saved = await saveIndicatorValue({
      scope,
      indicatorId: w.indicator.id,
      year: 2020,
      expectedVersion: w.value.version,
      total: 20,
      totalReason: "Osoby korzystające z obu instytucji liczone raz.",
      contributions: [],
    });
    const view = await getIndicatorValue({ scope, indicatorId: w.indicator.id, year: 2020 });
    expect(saved.totalReason).toBe("Osoby korzystające z obu instytucji liczone raz.");
    const finding = view.bundle!.findings.find((f) => f.field === "total")!;
    expect(finding).toMatchObject({ code: "total_explained", severity: "note" });
    expect(finding.message).toContain("liczone raz");
  });

  it("reminders go out on the schedule, once per item and day, to partners who owe something", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w, "2031-03-08");
    const now = new Date("2031-03-01T09:00:00Z"); // 7 days before
    // Counted for this test's municipality only: the job runs over every municipality.
    const mine = (r: Awaited<ReturnType<typeof sendDueReminders>>) =>
      r.byTenant.get(w.tenant.id) ?? { messages: 0, assignments: 0 };
    const first = await sendDueReminders({ db: database.get().db, now });
    expect(mine(first)).toEqual({ messages: 2, assignments: 4 });
    const again = await sendDueReminders({ db: database.get().db, now });
    expect(mine(again).assignments).toBe(0);
    const off = await sendDueReminders({
      db: database.get().db,
      now: new Date("2031-03-03T09:00:00Z"),
    });
    expect(mine(off).assignments).toBe(0);
    const mails = await database
      .get()
      .db.select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.tenantId, w.tenant.id), eq(outboxMessages.kind, "reminder")));
    expect(mails).toHaveLength(2); // one partner of each institution
    expect(mails[0]!.text).toContain("08.03.2031");
    expect(mails[0]!.text).toContain("zostało 7 dni");
    const manual = await sendRemindersNow({
      scope: w.scope("coordinator"),
      roundId: round.id,
      now,
    });
    expect(manual.assignments).toBe(4);
    await expect(
      sendRemindersNow({ scope: w.scope("partnerA"), roundId: round.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("people invited but not registered yet are reminded too", async () => {
    const w = await buildWorld(database.get());
    const round = await open(w, "2031-03-08");
    const email = `zaproszona-${Date.now()}@instytucja.pl`;
    await invitePartner({
      scope: w.scope("coordinator"),
      institutionId: w.instA.id,
      email,
      name: "Zaproszona Osoba",
    });
    await sendRemindersNow({ scope: w.scope("coordinator"), roundId: round.id, now: new Date() });
    const mails = await database
      .get()
      .db.select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.to, email), eq(outboxMessages.kind, "reminder")));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Nie przyjęto jeszcze zaproszenia");
  });

  it("an invitation is single-use, creates the partner and is audited; password reset works once", async () => {
    const db = database.get();
    const w = await buildWorld(db);
    const email = `nowa-${Date.now()}@instytucja.pl`;
    await invitePartner({
      scope: w.scope("coordinator"),
      institutionId: w.instA.id,
      email,
      name: "Nowa Osoba",
    });
    const token = await linkTo(db, email, "zaproszenie");
    const stored = await db.db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
    expect(stored[0]!.html).toContain("<a href=");
    await expect(
      acceptInvitation({ db: db.db, token, name: "Nowa Osoba", password: "krotkie" }),
    ).rejects.toBeInstanceOf(UserInputError);
    const joined = await acceptInvitation({
      db: db.db,
      token,
      name: "Nowa Osoba",
      password: "bardzo-dlugie-haslo",
    });
    expect(joined).toMatchObject({ tenantSlug: w.tenant.slug, newAccount: true });
    await expect(
      acceptInvitation({ db: db.db, token, name: "Ktoś", password: "bardzo-dlugie-haslo" }),
    ).rejects.toBeInstanceOf(UserInputError);
    const audit = await db.db.select().from(auditLog).where(eq(auditLog.entityType, "invitation"));
    expect(
      audit
        .filter((e) => e.tenantId === w.tenant.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["invite", "join"]);

    await requestPasswordReset({ db: db.db, email });
    const reset = await linkTo(db, email, "haslo");
    await resetPassword({ db: db.db, token: reset, password: "zupelnie-nowe-haslo" });
    await expect(
      resetPassword({ db: db.db, token: reset, password: "jeszcze-inne-haslo" }),
    ).rejects.toBeInstanceOf(UserInputError);
    const login = await signIn({
      db: db.db,
      email,
      password: "zupelnie-nowe-haslo",
      clientAddress: "test",
      limit: { maxAttempts: 5, maxPerAddress: 20, windowMinutes: 15 },
      sessionHours: 1,
    });
    expect(login.ok).toBe(true);
    // An unknown address gets the same silence and no message.
    await requestPasswordReset({ db: db.db, email: "nikt@nigdzie.pl" });
    expect(
      await db.db.select().from(outboxMessages).where(eq(outboxMessages.to, "nikt@nigdzie.pl")),
    ).toHaveLength(0);
  });
});
