// Every message is written to outbox_messages: the log of what was sent (SMTP) or the mailbox
// itself (no SMTP). A failed SMTP delivery is logged, never thrown at the user's action.
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { outboxMessages } from "../../db/schema.ts";
import { getMailTransport, type MailMessage } from "./transport.ts";

export type MailKind = "invitation" | "password_reset" | "reminder" | "returned";

export async function sendMail(opts: {
  db: DbOrTx;
  tenantId: string | null;
  kind: MailKind;
  message: MailMessage;
}): Promise<void> {
  const transport = getMailTransport();
  let status: "outbox" | "sent" | "failed" = "outbox";
  let error: string | null = null;
  if (transport.kind === "smtp") {
    try {
      await transport.send(opts.message);
      status = "sent";
    } catch (e) {
      status = "failed";
      error = e instanceof Error ? e.message : String(e);
    }
  }
  await opts.db.insert(outboxMessages).values({
    tenantId: opts.tenantId,
    kind: opts.kind,
    ...opts.message,
    status,
    error,
  });
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
