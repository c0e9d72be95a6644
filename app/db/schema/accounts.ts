// Municipalities, people and their access: tenants, users, sessions, institutions, memberships,
// single-use links.
import {
  boolean,
  char,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { archivedAt, archivedBy, id, tenantId, createdAt, updatedAt, version } from "./columns.ts";

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
    archivedAt: archivedAt(),
    archivedBy: archivedBy(),
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
    archivedAt: archivedAt(),
    archivedBy: archivedBy(),
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
    /** The role an invitation grants: partner (with institutionId) or viewer; null = partner. */
    role: text("role"),
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
