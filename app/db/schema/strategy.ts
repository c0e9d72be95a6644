// The strategy's structure: plan documents, goals, projects and the institutions that carry them.
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { archivedAt, archivedBy, id, tenantId, createdAt, updatedAt, version } from "./columns.ts";
import { tenants, institutions, memberships } from "./accounts.ts";

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
    archivedAt: archivedAt(),
    archivedBy: archivedBy(),
    /**
     * From what share of the expected progress (in percent) an indicator counts as "close to
     * target"; null = the default (80). Decision 053.
     */
    closeThreshold: integer("close_threshold"),
    /** Years whose data are generated example data (the demo), never real reports. Decision 054. */
    exampleYears: integer("example_years").array().notNull().default([]),
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
    archivedAt: archivedAt(),
    archivedBy: archivedBy(),
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
    archivedAt: archivedAt(),
    archivedBy: archivedBy(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("operational_goals_tenant_id_uq").on(t.tenantId, t.id),
    index("operational_goals_goal_idx").on(t.strategicGoalId),
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
    /** EU co-financing (decision 067), null when none. */
    euProgramme: text("eu_programme"),
    euPriorityAxis: text("eu_priority_axis"),
    euMeasure: text("eu_measure"),
    euSubMeasure: text("eu_sub_measure"),
    /** efs, efs_plus, efrr, fead, fs, other (app/domain/eu-funding/types.ts). */
    euFund: text("eu_fund"),
    euAgreementNumber: text("eu_agreement_number"),
    position: integer("position").notNull().default(0),
    archivedAt: archivedAt(),
    archivedBy: archivedBy(),
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
    // Projects per institution within the municipality (listInstitutions' count, decision 058).
    index("project_institutions_tenant_institution_idx").on(t.tenantId, t.institutionId),
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
