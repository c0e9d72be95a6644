// The database schema. Every table holding a municipality's data carries `tenant_id`, and
// references between such tables are composite (tenant_id, id) foreign keys, so the database
// itself refuses a row that points into another municipality. See docs/decisions/003.
import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

const id = () =>
  uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const tenantId = () => uuid("tenant_id").notNull();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Optimistic-locking counter: every update must name the version it was based on. */
const version = () => integer("version").notNull().default(1);
const amount = (name: string) => numeric(name, { precision: 16, scale: 2, mode: "number" });

export const tenants = pgTable("tenants", {
  id: id(),
  teryt: char("teryt", { length: 7 }).notNull().unique(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** gmina miejska / wiejska / miejsko-wiejska / miasto na prawach powiatu / powiat */
  kind: text("kind").notNull(),
  welfareCentreName: text("welfare_centre_name"),
  /** Bumped by every audited change of the tenant's data; read caches are keyed by it. */
  dataVersion: integer("data_version").notNull().default(0),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  isSystemAdmin: boolean("is_system_admin").notNull().default(false),
  isDemo: boolean("is_demo").notNull().default(false),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A form submitted after the session expired, kept for its author so nothing typed is lost:
 * after signing in again the form is shown filled in. One-time, short-lived.
 */
export const pendingForms = pgTable("pending_forms", {
  id: id(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  path: text("path").notNull(),
  values: jsonb("values").$type<Record<string, string>>().notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: id(),
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_key_at_idx").on(t.key, t.at)],
);

export const institutions = pgTable(
  "institutions",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    shortName: text("short_name"),
    /** municipal_unit, state_agency, school, ngo, church, court, health, other */
    kind: text("kind").notNull().default("other"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique("institutions_tenant_id_uq").on(t.tenantId, t.id)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** admin, coordinator, goal_coordinator, partner, viewer */
    role: text("role").notNull(),
    institutionId: uuid("institution_id"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("memberships_tenant_user_uq").on(t.tenantId, t.userId),
    unique("memberships_tenant_id_uq").on(t.tenantId, t.id),
    foreignKey({
      columns: [t.tenantId, t.institutionId],
      foreignColumns: [institutions.tenantId, institutions.id],
    }),
  ],
);

export const planDocuments = pgTable(
  "plan_documents",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    /** strategy, family_support, violence_prevention, alcohol, disability, ngo_cooperation, other */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    periodStart: integer("period_start").notNull(),
    periodEnd: integer("period_end").notNull(),
    resolutionNumber: text("resolution_number"),
    resolutionDate: text("resolution_date"),
    /** draft, in_force, expired */
    status: text("status").notNull().default("in_force"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("plan_documents_tenant_id_uq").on(t.tenantId, t.id),
    unique("plan_documents_tenant_slug_uq").on(t.tenantId, t.slug),
  ],
);

export const documentLinks = pgTable(
  "document_links",
  {
    tenantId: tenantId(),
    fromDocumentId: uuid("from_document_id").notNull(),
    toDocumentId: uuid("to_document_id").notNull(),
    /** implements: "from" implements "to" (a program implementing the strategy) */
    relation: text("relation").notNull().default("implements"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fromDocumentId, t.toDocumentId] }),
    foreignKey({
      columns: [t.tenantId, t.fromDocumentId],
      foreignColumns: [planDocuments.tenantId, planDocuments.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.toDocumentId],
      foreignColumns: [planDocuments.tenantId, planDocuments.id],
    }).onDelete("cascade"),
  ],
);

export const strategicGoals = pgTable(
  "strategic_goals",
  {
    id: id(),
    tenantId: tenantId(),
    documentId: uuid("document_id").notNull(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    coordinatorName: text("coordinator_name"),
    coordinatorPosition: text("coordinator_position"),
    position: integer("position").notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("strategic_goals_tenant_id_uq").on(t.tenantId, t.id),
    unique("strategic_goals_document_code_uq").on(t.documentId, t.code),
    foreignKey({
      columns: [t.tenantId, t.documentId],
      foreignColumns: [planDocuments.tenantId, planDocuments.id],
    }).onDelete("cascade"),
  ],
);

export const membershipGoals = pgTable(
  "membership_goals",
  {
    tenantId: tenantId(),
    membershipId: uuid("membership_id").notNull(),
    goalId: uuid("goal_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.membershipId, t.goalId] }),
    foreignKey({
      columns: [t.tenantId, t.membershipId],
      foreignColumns: [memberships.tenantId, memberships.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.goalId],
      foreignColumns: [strategicGoals.tenantId, strategicGoals.id],
    }).onDelete("cascade"),
  ],
);

export const operationalGoals = pgTable(
  "operational_goals",
  {
    id: id(),
    tenantId: tenantId(),
    strategicGoalId: uuid("strategic_goal_id").notNull(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    /** Proposed action lines (proponowane kierunki działań), free-text bullets. */
    actionLines: jsonb("action_lines").$type<string[]>().notNull().default([]),
    position: integer("position").notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("operational_goals_tenant_id_uq").on(t.tenantId, t.id),
    foreignKey({
      columns: [t.tenantId, t.strategicGoalId],
      foreignColumns: [strategicGoals.tenantId, strategicGoals.id],
    }).onDelete("cascade"),
  ],
);

export const projects = pgTable(
  "projects",
  {
    id: id(),
    tenantId: tenantId(),
    operationalGoalId: uuid("operational_goal_id").notNull(),
    /** Shared by several projects of one direction, e.g. C1K7. */
    symbol: text("symbol").notNull(),
    title: text("title").notNull(),
    sinceYear: integer("since_year"),
    position: integer("position").notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("projects_tenant_id_uq").on(t.tenantId, t.id),
    index("projects_goal_idx").on(t.operationalGoalId),
    foreignKey({
      columns: [t.tenantId, t.operationalGoalId],
      foreignColumns: [operationalGoals.tenantId, operationalGoals.id],
    }).onDelete("cascade"),
  ],
);

export const projectInstitutions = pgTable(
  "project_institutions",
  {
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull(),
    institutionId: uuid("institution_id").notNull(),
    /** lead, partner */
    role: text("role").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.institutionId] }),
    index("project_institutions_institution_idx").on(t.institutionId),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.institutionId],
      foreignColumns: [institutions.tenantId, institutions.id],
    }).onDelete("cascade"),
  ],
);

export const projectCards = pgTable(
  "project_cards",
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull(),
    year: integer("year").notNull(),
    /** carried_out, not_carried_out, reported_elsewhere, finished */
    status: text("status").notNull().default("carried_out"),
    statusReason: text("status_reason"),
    reportedIn: text("reported_in"),
    goalText: text("goal_text"),
    /** achieved, partly, not_achieved */
    goalVerdict: text("goal_verdict"),
    goalVerdictReason: text("goal_verdict_reason"),
    addressees: text("addressees"),
    implementers: text("implementers"),
    stages: text("stages"),
    effects: text("effects"),
    indicatorsText: text("indicators_text"),
    evaluation: text("evaluation"),
    funding: text("funding"),
    timeframe: text("timeframe"),
    /** yes, no, renamed */
    continuation: text("continuation"),
    nextYearTitle: text("next_year_title"),
    published: boolean("published").notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    unique("project_cards_tenant_id_uq").on(t.tenantId, t.id),
    unique("project_cards_project_year_uq").on(t.projectId, t.year),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
  ],
);

export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    tenantId: tenantId(),
    operationalGoalId: uuid("operational_goal_id").notNull(),
    projectId: uuid("project_id"),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    /** product, result, context */
    kind: text("kind").notNull().default("product"),
    /** increase, decrease, none */
    direction: text("direction").notNull().default("increase"),
    baseline: numeric("baseline", { precision: 16, scale: 2, mode: "number" }),
    baselineYear: integer("baseline_year"),
    target: numeric("target", { precision: 16, scale: 2, mode: "number" }),
    position: integer("position").notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("indicators_tenant_id_uq").on(t.tenantId, t.id),
    index("indicators_goal_idx").on(t.operationalGoalId),
    foreignKey({
      columns: [t.tenantId, t.operationalGoalId],
      foreignColumns: [operationalGoals.tenantId, operationalGoals.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }),
  ],
);

export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: id(),
    tenantId: tenantId(),
    indicatorId: uuid("indicator_id").notNull(),
    year: integer("year").notNull(),
    /** Null while only contributions are known. */
    total: amount("total"),
    /**
     * Why an explicit total differs from the sum of contributions (e.g. people counted once
     * across institutions); turns the total-vs-contributions finding into an explained note.
     */
    totalReason: text("total_reason"),
    approximate: boolean("approximate").notNull().default(false),
    remarks: text("remarks"),
    published: boolean("published").notNull().default(false),
    source: text("source"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    unique("indicator_values_tenant_id_uq").on(t.tenantId, t.id),
    unique("indicator_values_indicator_year_uq").on(t.indicatorId, t.year),
    foreignKey({
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }).onDelete("cascade"),
  ],
);

export const indicatorContributions = pgTable(
  "indicator_contributions",
  {
    id: id(),
    tenantId: tenantId(),
    valueId: uuid("value_id").notNull(),
    institutionId: uuid("institution_id").notNull(),
    value: amount("value"),
    approximate: boolean("approximate").notNull().default(false),
    note: text("note"),
    position: integer("position").notNull().default(0),
    /**
     * A partner's save checks this, not the value's version, so institutions reporting to the
     * same value do not conflict with each other. See docs/decisions/018.
     */
    version: version(),
  },
  (t) => [
    unique("indicator_contributions_tenant_id_uq").on(t.tenantId, t.id),
    unique("indicator_contributions_value_institution_uq").on(t.valueId, t.institutionId),
    foreignKey({
      columns: [t.tenantId, t.valueId],
      foreignColumns: [indicatorValues.tenantId, indicatorValues.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.institutionId],
      foreignColumns: [institutions.tenantId, institutions.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A split of a value (or of one institution's contribution) along one dimension:
 * sex, district, age group — or "w tym", a partial breakdown that is part of the parent.
 */
export const indicatorBreakdowns = pgTable(
  "indicator_breakdowns",
  {
    id: id(),
    tenantId: tenantId(),
    valueId: uuid("value_id").notNull(),
    contributionId: uuid("contribution_id"),
    /** sex, district, age, of_which, other */
    dimension: text("dimension").notNull(),
    label: text("label").notNull(),
    value: amount("value"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.valueId],
      foreignColumns: [indicatorValues.tenantId, indicatorValues.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.contributionId],
      foreignColumns: [indicatorContributions.tenantId, indicatorContributions.id],
    }).onDelete("cascade"),
  ],
);

export const budgets = pgTable(
  "budgets",
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid("project_id").notNull(),
    /** Null: the budget of the whole project period. */
    year: integer("year"),
    total: amount("total"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("budgets_tenant_id_uq").on(t.tenantId, t.id),
    // One budget per project and year, and one (year null) for the whole project period.
    unique("budgets_project_year_uq").on(t.tenantId, t.projectId, t.year).nullsNotDistinct(),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
  ],
);

export const budgetParts = pgTable(
  "budget_parts",
  {
    id: id(),
    tenantId: tenantId(),
    budgetId: uuid("budget_id").notNull(),
    /** eu, state, own, pfron, alcohol_fund, ministry, partner_own, other */
    sourceKind: text("source_kind").notNull(),
    sourceLabel: text("source_label").notNull(),
    amount: amount("amount"),
    percent: numeric("percent", { precision: 7, scale: 4, mode: "number" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.budgetId],
      foreignColumns: [budgets.tenantId, budgets.id],
    }).onDelete("cascade"),
  ],
);

/** A coordinator's confirmation that a validation finding is understood and accepted. */
export const findingAcknowledgements = pgTable(
  "finding_acknowledgements",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** Rule code plus a fingerprint of the numbers: a changed number needs a new acknowledgement. */
    findingKey: text("finding_key").notNull(),
    comment: text("comment").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("finding_ack_uq").on(t.tenantId, t.entityType, t.entityId, t.findingKey)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** create, update, delete, acknowledge */
    action: text("action").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    entityVersion: integer("entity_version"),
  },
  (t) => [index("audit_log_entity_idx").on(t.tenantId, t.entityType, t.entityId, t.at)],
);

/**
 * An uploaded report between upload and commit: the parser's proposal, the text it was read
 * from (for the source passages on the review page), and once committed, what was saved.
 */
export const importDrafts = pgTable(
  "import_drafts",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id),
    fileName: text("file_name").notNull(),
    fileSize: integer("file_size").notNull(),
    proposal: jsonb("proposal").$type<Record<string, unknown>>().notNull(),
    sourceText: text("source_text").notNull(),
    /** draft, committed, discarded */
    status: text("status").notNull().default("draft"),
    documentId: uuid("document_id"),
    year: integer("year"),
    result: jsonb("result").$type<Record<string, unknown> | null>(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("import_drafts_tenant_id_uq").on(t.tenantId, t.id),
    index("import_drafts_tenant_created_idx").on(t.tenantId, t.createdAt),
  ],
);

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
 * Single-use links sent by e-mail: an invitation to a municipality (creates the account and
 * the partner's membership) or a password reset. Only the token's SHA-256 is stored.
 */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    /** invitation, password_reset */
    purpose: text("purpose").notNull(),
    email: text("email").notNull(),
    name: text("name"),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    institutionId: uuid("institution_id"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
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
    /** outbox (kept here, no SMTP), sent, failed */
    status: text("status").notNull(),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_messages_tenant_created_idx").on(t.tenantId, t.createdAt)],
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

const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * A report marked final: the file exactly as it was made, who made it and when, and the
 * fingerprint of the data it was made from (to tell whether the data has changed since).
 */
export const finalReports = pgTable(
  "final_reports",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    documentId: uuid("document_id").notNull(),
    year: integer("year").notNull(),
    /** cards, indicators */
    layout: text("layout").notNull(),
    /** docx, pdf, html */
    format: text("format").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    content: bytes("content").notNull(),
    size: integer("size").notNull(),
    fingerprint: text("fingerprint").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique("final_reports_tenant_id_uq").on(t.tenantId, t.id),
    index("final_reports_document_idx").on(t.tenantId, t.documentId, t.year),
    foreignKey({
      columns: [t.tenantId, t.documentId],
      foreignColumns: [planDocuments.tenantId, planDocuments.id],
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

// Publication to the public portal (decision 030).
export * from "./schema/publication.ts";
