// Reminders to institutions that have not submitted: automatically on the round's days before
// and after the deadline (`sendDueReminders`, run by `busola serve` on an interval and by
// `busola reminders`), and on the coordinator's demand. The reminder log makes both idempotent
// per assignment, day and kind: running the job twice on one day sends nothing twice.
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  authTokens,
  reminderLog,
  reportingRounds,
  roundAssignments,
  tenants,
} from "../../db/schema.ts";
import { SYSTEM_ACTOR } from "../actor.ts";
import { authorize, canManageRounds } from "../../policies/index.ts";
import { findInTenant, type TenantScope } from "../scope.ts";
import { sendMail } from "../mail/send.ts";
import { reminderMail } from "../mail/templates.ts";
import { getMailTransport } from "../mail/transport.ts";
import { itemLabel, loadAssignmentRows } from "./assignment-rows.ts";
import { PENDING_STATUSES } from "./assignment-statuses.ts";
import { daysUntil, describeDaysLeft, warsawDay } from "./round-dates.ts";
import { institutionPeople } from "./review.ts";

type Round = typeof reportingRounds.$inferSelect;
export type ReminderResult = { messages: number; assignments: number };

/** Which automatic reminder (if any) is due for a round today. */
export function dueKind(
  round: Pick<Round, "deadline" | "remindBefore" | "remindAfter">,
  today: string,
) {
  const left = daysUntil(round.deadline, today);
  if (left >= 0 && round.remindBefore.includes(left)) return "before" as const;
  if (left < 0 && round.remindAfter.includes(-left)) return "after" as const;
  return null;
}

/** E-mail addresses invited to the institution whose invitation is still open. */
async function pendingInvitees(
  scope: TenantScope,
  institutionId: string,
  now: Date,
): Promise<string[]> {
  const rows = await scope.db
    .selectDistinct({ email: authTokens.email })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tenantId, scope.tenant.id),
        eq(authTokens.institutionId, institutionId),
        eq(authTokens.purpose, "invitation"),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    );
  return rows.map((r) => r.email);
}

async function remindRound(
  scope: TenantScope,
  round: Round,
  today: string,
  kind: "before" | "after" | "manual",
  now: Date,
): Promise<ReminderResult> {
  const pending = await loadAssignmentRows(
    scope,
    eq(roundAssignments.roundId, round.id),
    inArray(roundAssignments.status, [...PENDING_STATUSES]),
  );
  if (pending.length === 0) return { messages: 0, assignments: 0 };
  const logged = await scope.db
    .insert(reminderLog)
    .values(
      pending.map((a) => ({ tenantId: scope.tenant.id, assignmentId: a.id, day: today, kind })),
    )
    .onConflictDoNothing()
    .returning({ assignmentId: reminderLog.assignmentId });
  const fresh = new Set(logged.map((l) => l.assignmentId));
  const byInstitution = new Map<string, typeof pending>();
  for (const a of pending.filter((p) => fresh.has(p.id))) {
    byInstitution.set(a.institutionId, [...(byInstitution.get(a.institutionId) ?? []), a]);
  }
  let messages = 0;
  const link = `${getMailTransport().publicUrl}/g/${scope.tenant.slug}/moje-zadania`;
  for (const [institutionId, items] of byInstitution) {
    const people = await institutionPeople(scope, institutionId);
    const known = new Set(people.map((p) => p.email.toLowerCase()));
    // People invited but not registered yet owe the items too: they are reminded as well.
    const invited = (await pendingInvitees(scope, institutionId, now)).filter(
      (email) => !known.has(email.toLowerCase()),
    );
    const recipients = [
      ...people.map((p) => ({ email: p.email, invited: false })),
      ...invited.map((email) => ({ email, invited: true })),
    ];
    for (const person of recipients) {
      await sendMail({
        db: scope.db,
        tenantId: scope.tenant.id,
        kind: "reminder",
        message: reminderMail({
          to: person.email,
          tenantName: scope.tenant.name,
          deadline: round.deadline,
          when: describeDaysLeft(daysUntil(round.deadline, today)),
          items: items.map(itemLabel),
          link,
          invited: person.invited,
        }),
      });
      messages++;
    }
  }
  return { messages, assignments: fresh.size };
}

/** The job's result: the whole run, and each municipality's part of it. */
export type DueRemindersResult = ReminderResult & { byTenant: Map<string, ReminderResult> };

/** The job: every open round of every municipality whose reminder day is today. */
export async function sendDueReminders(opts: {
  db: DbOrTx;
  now: Date;
}): Promise<DueRemindersResult> {
  const today = warsawDay(opts.now);
  const open = await opts.db
    .select({ round: reportingRounds, tenant: tenants })
    .from(reportingRounds)
    .innerJoin(tenants, eq(tenants.id, reportingRounds.tenantId))
    .where(and(eq(reportingRounds.status, "open")));
  const total: DueRemindersResult = { messages: 0, assignments: 0, byTenant: new Map() };
  for (const { round, tenant } of open) {
    const kind = dueKind(round, today);
    if (!kind) continue;
    const scope: TenantScope = { db: opts.db, tenant, actor: SYSTEM_ACTOR };
    const r = await remindRound(scope, round, today, kind, opts.now);
    total.messages += r.messages;
    total.assignments += r.assignments;
    const mine = total.byTenant.get(tenant.id) ?? { messages: 0, assignments: 0 };
    total.byTenant.set(tenant.id, {
      messages: mine.messages + r.messages,
      assignments: mine.assignments + r.assignments,
    });
  }
  return total;
}

/** "Wyślij przypomnienia teraz": once a day per item, whatever the schedule. */
export async function sendRemindersNow(opts: {
  scope: TenantScope;
  roundId: string;
  now?: Date;
}): Promise<ReminderResult> {
  authorize(canManageRounds(opts.scope.actor));
  const round = await findInTenant(opts.scope, reportingRounds, opts.roundId);
  const now = opts.now ?? new Date();
  return remindRound(opts.scope, round, warsawDay(now), "manual", now);
}
