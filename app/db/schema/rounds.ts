// Reporting rounds: assignments to institutions, e-mail outbox, reminders, uploaded workbooks.
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { id, tenantId, createdAt, updatedAt, version } from "./columns.ts";
import { tenants, users, institutions } from "./accounts.ts";
import { planDocuments, projects } from "./strategy.ts";
import { indicators } from "./reporting.ts";

/**
 * The yearly reporting round of one document: who reports what for the year, until when.
 * See docs/decisions/017.
 */
export const reportingRounds = pgTable(
  "reporting_rounds",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    documentId: uuid("document_id").notNull(),
    year: integer("year").notNull(),
    /** A calendar day, YYYY-MM-DD (Warsaw). */
    deadline: text("deadline").notNull(),
    /** Days before and after the deadline on which reminders go out automatically. */
    remindBefore: jsonb("remind_before").$type<number[]>().notNull().default([7, 1]),
    remindAfter: jsonb("remind_after").$type<number[]>().notNull().default([1, 7]),
    /** A change against last year beyond this share (percent) needs the partner's explanation. */
    changeThreshold: integer("change_threshold").notNull().default(50),
    /** open, closed */
    status: text("status").notNull().default("open"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    unique("reporting_rounds_tenant_id_uq").on(t.tenantId, t.id),
    unique("reporting_rounds_document_year_uq").on(t.tenantId, t.documentId, t.year),
    foreignKey({
      columns: [t.tenantId, t.documentId],
      foreignColumns: [planDocuments.tenantId, planDocuments.id],
    }).onDelete("cascade"),
  ],
);

/** One item an institution reports in a round: a project card or its contribution to a value. */
export const roundAssignments = pgTable(
  "round_assignments",
  {
    id: id(),
    tenantId: tenantId(),
    roundId: uuid("round_id").notNull(),
    /** card, contribution */
    kind: text("kind").notNull(),
    projectId: uuid("project_id"),
    indicatorId: uuid("indicator_id"),
    institutionId: uuid("institution_id").notNull(),
    /** not_started, in_progress, submitted, returned, accepted */
    status: text("status").notNull().default("not_started"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    returnComment: text("return_comment"),
    reopenReason: text("reopen_reason"),
    /** The partner's explanation of a change against last year beyond the round's threshold. */
    explanation: text("explanation"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    unique("round_assignments_tenant_id_uq").on(t.tenantId, t.id),
    unique("round_assignments_item_uq")
      .on(t.roundId, t.kind, t.projectId, t.indicatorId, t.institutionId)
      .nullsNotDistinct(),
    index("round_assignments_institution_idx").on(t.tenantId, t.institutionId),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [reportingRounds.tenantId, reportingRounds.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.institutionId],
      foreignColumns: [institutions.tenantId, institutions.id],
    }).onDelete("cascade"),
  ],
);

/**
 * Every e-mail Busola sends, as the log; without SMTP (the embedded default) this is also the
 * outbox an administrator reads ("Poczta wychodząca").
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    /** invitation, password_reset, reminder, returned */
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /**
     * outbox (kept here, no SMTP), queued (waiting for its next SMTP attempt), sent, failed
     * (gave up after the last retry; a person can send it again). See decision 051.
     */
    status: text("status").notNull(),
    /** The last attempt's error, for the outbox page. */
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    /** When a delivery worker may try it (again); also the lease of a worker trying it now. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_messages_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("outbox_messages_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

/** Every SMTP attempt of a message, successful or not: what the server answered and when. */
export const outboxAttempts = pgTable(
  "outbox_attempts",
  {
    id: id(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => outboxMessages.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    ok: boolean("ok").notNull(),
    error: text("error"),
  },
  (t) => [index("outbox_attempts_message_idx").on(t.messageId, t.at)],
);

/** Reminders already sent, so the job is idempotent per assignment, day and kind. */
export const reminderLog = pgTable(
  "reminder_log",
  {
    tenantId: tenantId(),
    assignmentId: uuid("assignment_id").notNull(),
    /** A calendar day, YYYY-MM-DD (Warsaw). */
    day: text("day").notNull(),
    /** before, after, manual */
    kind: text("kind").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.day, t.kind] }),
    foreignKey({
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [roundAssignments.tenantId, roundAssignments.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A partner's uploaded workbook between reading and confirmation (issue 5): the changes it
 * proposes and the stored state they were compared with, so confirming needs no re-upload.
 */
export const workbookUploads = pgTable(
  "workbook_uploads",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    roundId: uuid("round_id").notNull(),
    institutionId: uuid("institution_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** WorkbookChanges */
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull(),
    /** PartnerWorkItems as last shown to the partner: the versions an explicit override uses. */
    items: jsonb("items").$type<Record<string, unknown>>().notNull(),
    /** WorkbookConflict[]: who changed what since the download, as last shown. */
    conflicts: jsonb("conflicts").$type<unknown[]>().notNull().default([]),
    /** pending, saved, cancelled */
    status: text("status").notNull().default("pending"),
    createdAt: createdAt(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    unique("workbook_uploads_tenant_id_uq").on(t.tenantId, t.id),
    index("workbook_uploads_round_idx").on(t.tenantId, t.roundId),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [reportingRounds.tenantId, reportingRounds.id],
    }).onDelete("cascade"),
  ],
);
