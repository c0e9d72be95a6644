// Comparison between municipalities (issue 12, decision 055): each municipality's population by
// year, and the rollup of published values of indicators mapped to the dictionary of common
// indicators (app/registers/common-indicators.json), refreshed on publication. The mapping
// itself is `indicators.dictionary_code` (reporting.ts).
import {
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
import { tenants, users } from "./accounts.ts";
import { createdAt, id, tenantId, updatedAt, version } from "./columns.ts";
import { publications } from "./publication.ts";

export const populations = pgTable(
  "populations",
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    /** Residents of the municipality (GUS: ludność według faktycznego miejsca zamieszkania). */
    residents: integer("residents").notNull(),
    /** Where the figure comes from, e.g. "GUS BDL, stan na 31.12." or a file name. */
    source: text("source"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("populations_tenant_id_uq").on(t.tenantId, t.id),
    unique("populations_tenant_year_uq").on(t.tenantId, t.year),
  ],
);

/**
 * One published value per municipality, dictionary code and year: the current publication's
 * raw value (small counts are withheld when it is read, suppress.ts), rebuilt for a
 * municipality whenever it publishes, withdraws or changes its mapping.
 */
export const comparisonValues = pgTable(
  "comparison_values",
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    year: integer("year").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    indicatorName: text("indicator_name").notNull(),
    unit: text("unit").notNull(),
    publicationId: uuid("publication_id").notNull(),
    /** ReportValue of the snapshot (total, parts, contributions), raw. */
    value: jsonb("value").$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.code, t.year] }),
    index("comparison_values_code_year_idx").on(t.code, t.year),
    foreignKey({
      columns: [t.tenantId, t.publicationId],
      foreignColumns: [publications.tenantId, publications.id],
    }).onDelete("cascade"),
  ],
);
