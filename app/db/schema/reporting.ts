// What is reported each year: project cards, indicators and their values (contributions,
// breakdowns), budgets, and acknowledged validation findings.
import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import {
  archivedAt,
  archivedBy,
  id,
  tenantId,
  createdAt,
  updatedAt,
  version,
  amount,
} from "./columns.ts";
import { tenants, users, institutions } from "./accounts.ts";
import { operationalGoals, projects } from "./strategy.ts";

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
    /** The municipality's document the project is reported in (status reported_elsewhere). */
    reportedInDocumentId: uuid("reported_in_document_id"),
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
    index("project_cards_tenant_year_idx").on(t.tenantId, t.year),
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
    /** Code of the common indicator it reports (app/registers/common-indicators.json), if any. */
    dictionaryCode: text("dictionary_code"),
    position: integer("position").notNull().default(0),
    archivedAt: archivedAt(),
    archivedBy: archivedBy(),
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
    // The municipality's years (busola list's skip scan, the dashboard's latest year).
    index("indicator_values_tenant_year_idx").on(t.tenantId, t.year),
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
    // A value's (or several values') breakdowns within the tenant; also the foreign keys'
    // cascades. Without them every municipality's breakdowns were scanned (decision 058).
    index("indicator_breakdowns_value_idx").on(t.tenantId, t.valueId),
    index("indicator_breakdowns_contribution_idx")
      .on(t.tenantId, t.contributionId)
      .where(sql`${t.contributionId} is not null`),
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
    index("budget_parts_budget_idx").on(t.tenantId, t.budgetId),
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
