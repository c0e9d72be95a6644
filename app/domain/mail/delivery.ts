// Delivering queued e-mail over SMTP, with retries (decision 051). A message is written to the
// outbox inside the action's own transaction (so it exists exactly when the action committed),
// then a delivery worker claims it with a lease, tries the SMTP server and records the attempt.
// A refused or dropped connection leaves it queued for a later attempt with back-off; after the
// last one it is "failed", shown on the outbox page, and a person can send it again.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { outboxAttempts, outboxMessages } from "../../db/schema.ts";
import { authorize, canViewOutbox } from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { UserInputError } from "../errors.ts";
import { inTransaction, type TenantScope } from "../scope.ts";
import { getMailTransport, type MailTransport } from "./transport.ts";

/** Wait before attempt n+1 after n failed attempts; after the last one the message fails. */
export const RETRY_DELAYS_MS = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 60 * 60_000,
  6 * 60 * 60_000,
] as const;

/** How long a worker holds a claimed message before another worker may try it. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** When to try again after `failedAttempts` failures, or null when it is time to give up. */
export function nextAttemptAfter(failedAttempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[failedAttempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

export type DeliveryResult = { sent: number; retrying: number; failed: number };

/**
 * Try every queued message whose time has come. Safe beside another process doing the same:
 * a message is claimed (its next attempt moved past the lease) before it is sent.
 */
export async function deliverDueMail(opts: {
  db: DbOrTx;
  now?: Date;
  transport?: MailTransport;
  limit?: number;
}): Promise<DeliveryResult> {
  const transport = opts.transport ?? getMailTransport();
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  if (transport.kind !== "smtp") return result;
  const now = opts.now ?? new Date();
  const claimed = await claimDue({ db: opts.db, now, limit: opts.limit ?? 50 });
  for (const m of claimed) {
    const outcome = await attempt(transport, m);
    const attempts = m.attempts + 1;
    const retryAt = outcome.ok ? null : nextAttemptAfter(attempts, now);
    const status = outcome.ok ? "sent" : retryAt ? "queued" : "failed";
    await opts.db.transaction(async (tx) => {
      await tx.insert(outboxAttempts).values({
        messageId: m.id,
        at: now,
        ok: outcome.ok,
        error: outcome.error,
      });
      await tx
        .update(outboxMessages)
        .set({
          status,
          attempts,
          error: outcome.error,
          nextAttemptAt: retryAt,
          sentAt: outcome.ok ? now : null,
        })
        .where(eq(outboxMessages.id, m.id));
    });
    if (status === "sent") result.sent++;
    else if (status === "queued") result.retrying++;
    else result.failed++;
  }
  return result;
}

async function claimDue(opts: { db: DbOrTx; now: Date; limit: number }) {
  const due = await opts.db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, "queued"), lte(outboxMessages.nextAttemptAt, opts.now)))
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  if (due.length === 0) return [];
  const lease = new Date(opts.now.getTime() + CLAIM_LEASE_MS);
  // Re-checked in the UPDATE itself: of two workers that read the same rows, one wins each row.
  return opts.db
    .update(outboxMessages)
    .set({ nextAttemptAt: lease })
    .where(
      and(
        inArray(
          outboxMessages.id,
          due.map((d) => d.id),
        ),
        eq(outboxMessages.status, "queued"),
        lte(outboxMessages.nextAttemptAt, opts.now),
      ),
    )
    .returning();
}

async function attempt(
  transport: MailTransport,
  m: typeof outboxMessages.$inferSelect,
): Promise<{ ok: boolean; error: string | null }> {
  try {
    await transport.send({ to: m.to, subject: m.subject, text: m.text, html: m.html });
    return { ok: true, error: null };
  } catch (e) {
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).slice(0, 500) };
  }
}

/**
 * Send a failed message again: queued for at once, its earlier attempts kept. The outbox's
 * readers may do it; recorded in the audit trail like every change.
 */
export async function resendMessage(opts: {
  scope: TenantScope;
  messageId: string;
  now?: Date;
}): Promise<void> {
  authorize(canViewOutbox(opts.scope.actor));
  await inTransaction(opts.scope, async (scope) => {
    const rows = await scope.db
      .update(outboxMessages)
      .set({ status: "queued", attempts: 0, nextAttemptAt: opts.now ?? new Date() })
      .where(
        and(
          eq(outboxMessages.id, opts.messageId),
          eq(outboxMessages.tenantId, scope.tenant.id),
          eq(outboxMessages.status, "failed"),
        ),
      )
      .returning({ id: outboxMessages.id, to: outboxMessages.to });
    if (rows.length === 0)
      throw new UserInputError(
        "Tej wiadomości nie można wysłać ponownie: nie ma jej albo nie jest oznaczona jako niewysłana.",
      );
    await recordChange(scope, {
      entityType: "outbox_message",
      entityId: rows[0]!.id,
      action: "resend",
      before: { status: "failed" },
      after: { status: "queued", to: rows[0]!.to },
    });
  });
  notifyMailQueued();
}

/** The attempts of some messages, newest first, for the outbox page. */
export async function listAttempts(opts: { db: DbOrTx; messageIds: string[] }) {
  if (opts.messageIds.length === 0) return [];
  return opts.db
    .select()
    .from(outboxAttempts)
    .where(inArray(outboxAttempts.messageId, opts.messageIds))
    .orderBy(sql`${outboxAttempts.at} desc`);
}

/** Nudged after a message is queued, so a running server sends it without waiting a tick. */
const WAKE = Symbol.for("busola.mail.wake");
type WakeHolder = { [WAKE]?: () => void };

export function onMailQueued(wake: (() => void) | undefined): void {
  (globalThis as WakeHolder)[WAKE] = wake;
}

export function notifyMailQueued(): void {
  (globalThis as WakeHolder)[WAKE]?.();
}
