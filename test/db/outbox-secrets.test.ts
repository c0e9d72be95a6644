// Secrets stay with their owner: the outbox page shows that a message went, to whom and when,
// but no single-use link; an administrator's reset is audited and tells the member who asked.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships, outboxMessages, users } from "../../app/db/schema.ts";
import {
  requestPasswordReset,
  resetPassword,
  sendPasswordResetToMember,
} from "../../app/domain/auth/password-reset.ts";
import { ForbiddenError, NotFoundError } from "../../app/domain/errors.ts";
import { listOutbox, REDACTED } from "../../app/domain/mail/send.ts";
import { invitePartner } from "../../app/domain/rounds/invitations.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

const TOKEN = /\/(?:haslo|zaproszenie)\/([A-Za-z0-9_-]{20,})/;

describe.each(engines())("outbox secrets on %s", (engine) => {
  const database = useDatabase(engine);

  it("the outbox hides reset and invitation links from everyone; the inviter gets the link once", async () => {
    const w = await buildWorld(database.get());
    const db = w.scope("admin").db;
    const invited = `zaproszona-${Date.now()}@instytucja.pl`;
    const { linkForInviter } = await invitePartner({
      scope: w.scope("coordinator"),
      institutionId: w.instA.id,
      email: invited,
      name: "",
    });
    expect(linkForInviter).toMatch(TOKEN);
    const [coordinatorMembership] = await db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, w.actors.coordinator.userId));
    await sendPasswordResetToMember({
      scope: w.scope("admin"),
      membershipId: coordinatorMembership!.id,
    });
    const [partner] = await db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, w.actors.partnerA.userId));
    await sendPasswordResetToMember({ scope: w.scope("admin"), membershipId: partner!.id });

    const shown = await listOutbox({ db, tenantId: w.tenant.id });
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const m of shown) {
      expect(m.text).not.toMatch(TOKEN);
      expect(m.text).toContain(REDACTED);
      expect(m).not.toHaveProperty("html");
      expect(m.to).toMatch(/@/);
    }
    // The stored message still holds the link, for the delivery to its addressee.
    const stored = await db.select().from(outboxMessages).where(eq(outboxMessages.to, invited));
    expect(stored[0]!.text).toMatch(TOKEN);
  });

  it("an administrator's reset is audited, tells the member who asked, and works once", async () => {
    const w = await buildWorld(database.get());
    const db = w.scope("admin").db;
    const [m] = await db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, w.actors.viewer.userId));
    await sendPasswordResetToMember({ scope: w.scope("admin"), membershipId: m!.id });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, w.tenant.id), eq(auditLog.action, "password_reset")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      userId: w.actors.admin.userId,
      entityType: "membership",
      entityId: m!.id,
    });
    expect(JSON.stringify(audit[0]!.after)).not.toMatch(TOKEN);
    const [mail] = await db
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.tenantId, w.tenant.id), eq(outboxMessages.kind, "password_reset")),
      );
    expect(mail!.text).toContain(`administrator ${w.actors.admin.name}`);
    expect(mail!.text).toContain("Administrator nie zna tego linku");
    const token = TOKEN.exec(mail!.text)![1]!;
    await resetPassword({ db, token, password: "nowe-bardzo-dlugie-haslo" });
    await expect(resetPassword({ db, token, password: "inne-dlugie-haslo-x" })).rejects.toThrow(
      /wygasł/,
    );
  });

  it("only an administrator may send it, and only to a member of this municipality", async () => {
    const w = await buildWorld(database.get());
    const other = await buildWorld(database.get());
    const db = w.scope("admin").db;
    const [m] = await db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, w.actors.viewer.userId));
    await expect(
      sendPasswordResetToMember({ scope: w.scope("coordinator"), membershipId: m!.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      sendPasswordResetToMember({ scope: other.scope("admin"), membershipId: m!.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a self-service reset is hidden in the outbox too", async () => {
    const w = await buildWorld(database.get());
    const db = w.scope("admin").db;
    const [u] = await db.select().from(users).where(eq(users.id, w.actors.partnerB.userId));
    await requestPasswordReset({ db, email: u!.email });
    const shown = (await listOutbox({ db, tenantId: w.tenant.id })).filter(
      (x) => x.to === u!.email,
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]!.text).not.toMatch(TOKEN);
  });
});
