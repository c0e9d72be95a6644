// Publication of a document's year to the public portal: a decision recorded with a frozen
// snapshot of what the public may see (decision 030), and the municipality's public-facing
// settings (the accessibility statement's contact details). Kept in its own file; the main
// schema re-exports it.
import { sql } from "drizzle-orm";
import {
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
import { planDocuments, tenants, users } from "../schema.ts";

export const publications = pgTable(
  "publications",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    documentId: uuid("document_id").notNull(),
    year: integer("year").notNull(),
    /** 1, 2, 3… per document and year: a republication is a new version, never an update. */
    versionNumber: integer("version_number").notNull(),
    /** PublicSnapshot (app/domain/publication/types.ts), raw: small counts are withheld at read. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    /** The hash of the snapshot, to tell a republication that changes nothing. */
    fingerprint: text("fingerprint").notNull(),
    /** Who produced the information (BIP: "wytworzył") and when — from the data. */
    producedBy: text("produced_by").notNull(),
    producedAt: timestamp("produced_at", { withTimezone: true }).notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    /** Kept as text: the register must name the person even after the account is gone. */
    publishedByName: text("published_by_name").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    /** The final report the publication was made from, when it was (reports/final-reports.ts). */
    sourceFinalReportId: uuid("source_final_report_id"),
    /** Numbers of people in card texts below the threshold the publisher saw and confirmed. */
    confirmedProseCounts: jsonb("confirmed_prose_counts").$type<unknown[]>().notNull().default([]),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
    withdrawnByName: text("withdrawn_by_name"),
    withdrawalReason: text("withdrawal_reason"),
  },
  (t) => [
    unique("publications_tenant_id_uq").on(t.tenantId, t.id),
    unique("publications_document_year_version_uq").on(
      t.tenantId,
      t.documentId,
      t.year,
      t.versionNumber,
    ),
    index("publications_tenant_published_idx").on(t.tenantId, t.publishedAt),
    foreignKey({
      columns: [t.tenantId, t.documentId],
      foreignColumns: [planDocuments.tenantId, planDocuments.id],
    }).onDelete("cascade"),
  ],
);

/** What the municipality fills in for its public pages (the accessibility statement). */
export const tenantPublicSettings = pgTable("tenant_public_settings", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  /** The entity the statement is about, e.g. "Miejski Ośrodek Pomocy Społecznej w …". */
  entityName: text("entity_name"),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  contactPhone: text("contact_phone"),
  address: text("address"),
  /** Architectural accessibility of the seat: entrances, lifts, parking, sign-language help. */
  architecturalAccessibility: text("architectural_accessibility"),
  /** Calendar days, YYYY-MM-DD: when the site was published and last substantially updated. */
  sitePublishedOn: text("site_published_on"),
  siteUpdatedOn: text("site_updated_on"),
  /** When the statement was prepared (YYYY-MM-DD) and how (self-assessment by default). */
  statementPreparedOn: text("statement_prepared_on"),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
});
