// Every message is written to outbox_messages: the queue and log of what is sent (SMTP) or the
// mailbox itself (no SMTP). A failed SMTP delivery is retried and logged, never thrown at the
// user's action.
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { outboxMessages } from "../../db/schema.ts";
import { getMailTransport, type MailMessage } from "./transport.ts";
import { notifyMailQueued } from "./delivery.ts";

export type MailKind = "invitation" | "password_reset" | "reminder" | "returned";

export async function sendMail(opts: {
  db: DbOrTx;
  tenantId: string | null;
  kind: MailKind;
  message: MailMessage;
  now?: Date;
}): Promise<void> {
  // Queued in the caller's transaction: the message exists exactly when the action committed,
  // and the delivery worker (decision 051) sends it, retrying a refused or dropped connection.
  const smtp = getMailTransport().kind === "smtp";
  await opts.db.insert(outboxMessages).values({
    tenantId: opts.tenantId,
    kind: opts.kind,
    ...opts.message,
    status: smtp ? "queued" : "outbox",
    nextAttemptAt: smtp ? (opts.now ?? new Date()) : null,
  });
  if (smtp) notifyMailQueued();
}

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** Where Busola's single-use links lead: whoever holds one acts as its addressee. */
const SINGLE_USE_LINK = /(\/(?:haslo|zaproszenie)\/)[A-Za-z0-9_-]{8,}/g;
export const REDACTED = "[link jednorazowy ukryty — zna go tylko adresat]";

/** The text with every single-use link's token hidden. */
export function redactSingleUseLinks(text: string): string {
  return text.replace(SINGLE_USE_LINK, `$1${REDACTED}`);
}

/** What the outbox page may show of a message: who, when, what — never a link's secret. */
export type OutboxEntry = Omit<OutboxMessage, "html">;

/**
 * The newest messages of one municipality (the "Poczta wychodząca" page), with single-use links
 * redacted for every reader: a password-reset or invitation link acts for its addressee.
 */
export async function listOutbox(opts: {
  db: DbOrTx;
  tenantId: string;
  limit?: number;
}): Promise<OutboxEntry[]> {
  const rows = await opts.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.tenantId, opts.tenantId)))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(opts.limit ?? 100);
  return rows.map(({ html: _html, ...m }) => ({ ...m, text: redactSingleUseLinks(m.text) }));
}
