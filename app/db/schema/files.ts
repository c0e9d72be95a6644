// Stored files: import drafts between upload and commit, and reports marked final.
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
import { id, tenantId, createdAt, updatedAt, version, bytes } from "./columns.ts";
import { tenants, users } from "./accounts.ts";
import { planDocuments } from "./strategy.ts";

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
