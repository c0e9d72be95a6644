// The database schema. Every table holding a municipality's data carries `tenant_id`, and
// references between such tables are composite (tenant_id, id) foreign keys, so the database
// itself refuses a row that points into another municipality. See docs/decisions/003.
import { sql } from "drizzle-orm";
import {
  boolean,
  char,
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
