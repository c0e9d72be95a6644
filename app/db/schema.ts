// The database schema, one file per area under ./schema/. Every table holding a municipality's
// data carries `tenant_id`, and references between such tables are composite (tenant_id, id)
// foreign keys, so the database itself refuses a row that points into another municipality.
// See docs/decisions/003. drizzle-kit reads this file (drizzle.config.ts).
export * from "./schema/accounts.ts";
export * from "./schema/strategy.ts";
export * from "./schema/reporting.ts";
export * from "./schema/audit.ts";
export * from "./schema/rounds.ts";
export * from "./schema/files.ts";
export * from "./schema/publication.ts";
export * from "./schema/comparison.ts";
