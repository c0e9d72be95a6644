// No e-mail lost (decision 051): messages go through a real SMTP server started by the test
// (smtp-server, nodemailer's companion). A server that refuses or drops the connection leaves the
// message queued with the attempt recorded; it is retried with back-off, fails after the last
// retry, shows on the outbox, and a coordinator can send it again.
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, outboxAttempts, outboxMessages } from "../../app/db/schema.ts";
import {
  deliverDueMail,
  nextAttemptAfter,
  RETRY_DELAYS_MS,
  resendMessage,
} from "../../app/domain/mail/delivery.ts";
import { ForbiddenError } from "../../app/domain/errors.ts";
import { getMailTransport, setMailTransport } from "../../app/domain/mail/transport.ts";
import { configureMail } from "../../app/domain/mail/transport.ts";
import { invitePartner } from "../../app/domain/rounds/invitations.ts";
import { startMailDelivery } from "../../app/server/mail-delivery.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld } from "../support/world.ts";

type Mode = "accept" | "refuse" | "drop";
type Received = { to: string[]; raw: string };

/** A loopback SMTP server whose behaviour the test switches between attempts. */
async function startSmtp() {
  const received: Received[] = [];
  let mode: Mode = "accept";
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(session, callback) {
      if (mode === "drop") {
        // Closing the socket without an answer: what a crashed or overloaded relay does.
        (session as unknown as { _socket?: { destroy(): void } })._socket?.destroy();
        return callback(new Error("dropped"));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (mode === "refuse") {
        const err = new Error("Mailbox unavailable") as Error & { responseCode: number };
        err.responseCode = 451;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (c: string) => (raw += c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    received,
    setMode: (m: Mode) => (mode = m),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("retry schedule", () => {
  it("waits longer after each failure and gives up after the last delay", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(nextAttemptAfter(1, now)!.getTime() - now.getTime()).toBe(RETRY_DELAYS_MS[0]);
    expect(nextAttemptAfter(2, now)!.getTime() - now.getTime()).toBe(RETRY_DELAYS_MS[1]);
    expect(nextAttemptAfter(RETRY_DELAYS_MS.length, now)).not.toBeNull();
    expect(nextAttemptAfter(RETRY_DELAYS_MS.length + 1, now)).toBeNull();
  });
});

describe.each(engines())("mail delivery through SMTP on %s", (engine) => {
  const database = useDatabase(engine);
  const previous = getMailTransport();
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  afterEach(async () => {
    setMailTransport(previous);
    await smtp?.close();
    smtp = undefined;
  });

  async function invite() {
    const w = await buildWorld(database.get());
    smtp = await startSmtp();
    configureMail({
      mail: {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: "Busola <busola@gmina.test>",
        publicUrl: "https://busola.gmina.test",
      },
    });
    const email = `adresat-${Date.now()}@instytucja.pl`;
    await invitePartner({
      scope: w.scope("coordinator"),
      institutionId: w.instA.id,
      email,
      name: "",
    });
    const db = w.scope("admin").db;
    const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
    return { w, db, email, message: message! };
  }

  const attemptsOf = (db: Awaited<ReturnType<typeof invite>>["db"], id: string) =>
    db.select().from(outboxAttempts).where(eq(outboxAttempts.messageId, id));
  const reread = async (db: Awaited<ReturnType<typeof invite>>["db"], id: string) =>
    (await db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;

  it("queues in the action's transaction and the worker delivers it to the server", async () => {
    const { db, email, message } = await invite();
    expect(message.status).toBe("queued");
    expect(smtp!.received).toHaveLength(0);
    const result = await deliverDueMail({ db });
    expect(result).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp!.received).toHaveLength(1);
    expect(smtp!.received[0]!.to).toEqual([email]);
    expect(smtp!.received[0]!.raw).toContain("/zaproszenie/");
    const after = await reread(db, message.id);
    expect(after.status).toBe("sent");
    expect(after.sentAt).not.toBeNull();
    expect(await attemptsOf(db, message.id)).toMatchObject([{ ok: true, error: null }]);
    // Nothing is sent twice.
    expect(await deliverDueMail({ db })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp!.received).toHaveLength(1);
  });

  it("a refusing, then dropping server: queued with back-off, failed after the last retry, resent by a coordinator", async () => {
    const { w, db, message } = await invite();
    const t0 = new Date();
    smtp!.setMode("refuse");
    expect(await deliverDueMail({ db, now: t0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await reread(db, message.id);
    expect(row.status).toBe("queued");
    expect(row.attempts).toBe(1);
    expect(row.error).toMatch(/451|Mailbox unavailable/);
    expect(row.nextAttemptAt!.getTime()).toBe(t0.getTime() + RETRY_DELAYS_MS[0]);
    // Not due yet: nothing is tried.
    expect(await deliverDueMail({ db, now: t0 })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    smtp!.setMode("drop");
    for (let i = 0; i < RETRY_DELAYS_MS.length; i++) {
      const now = (await reread(db, message.id)).nextAttemptAt!;
      await deliverDueMail({ db, now });
    }
    row = await reread(db, message.id);
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(RETRY_DELAYS_MS.length + 1);
    expect(await attemptsOf(db, message.id)).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(smtp!.received).toHaveLength(0);

    // A partner may not resend; the coordinator may, and it is audited.
    await expect(
      resendMessage({ scope: w.scope("partnerA"), messageId: message.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await resendMessage({ scope: w.scope("coordinator"), messageId: message.id });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, message.id));
    expect(audit).toMatchObject([{ action: "resend", entityType: "outbox_message" }]);
    smtp!.setMode("accept");
    expect(await deliverDueMail({ db })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp!.received).toHaveLength(1);
    expect((await reread(db, message.id)).status).toBe("sent");
    // The history of attempts is kept across the resend.
    expect(await attemptsOf(db, message.id)).toHaveLength(RETRY_DELAYS_MS.length + 2);
  });

  it("the server's worker sends a queued message without waiting for its timer", async () => {
    const { w, db } = await invite();
    const stop = startMailDelivery({ db, intervalMs: 60 * 60_000, wakeDelayMs: 10 });
    try {
      // Queued before the worker started: its first tick sends it.
      await expect.poll(() => smtp!.received.length, { timeout: 5000 }).toBe(1);
      // Queued now: the wake-up sends it, long before the hourly timer.
      await invitePartner({
        scope: w.scope("coordinator"),
        institutionId: w.instA.id,
        email: `drugi-${Date.now()}@instytucja.pl`,
        name: "",
      });
      await expect.poll(() => smtp!.received.length, { timeout: 5000 }).toBe(2);
    } finally {
      stop();
    }
  });

  it("two workers at once send a message once", async () => {
    const { db, message } = await invite();
    const [a, b] = await Promise.all([deliverDueMail({ db }), deliverDueMail({ db })]);
    expect(a.sent + b.sent).toBe(1);
    expect(smtp!.received).toHaveLength(1);
    expect((await reread(db, message.id)).status).toBe("sent");
  });
});
