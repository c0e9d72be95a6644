// Column builders every table uses: ids, tenant keys, timestamps, the optimistic-locking version.
import { sql } from "drizzle-orm";
import { customType, integer, numeric, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () =>
  uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`);

export const tenantId = () => uuid("tenant_id").notNull();

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Optimistic-locking counter: every update must name the version it was based on. */
export const version = () => integer("version").notNull().default(1);

export const amount = (name: string) => numeric(name, { precision: 16, scale: 2, mode: "number" });

export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * Archiving (decision 062): an archived row leaves lists, rounds and later reports but stays in
 * history and published snapshots; restoring clears both columns.
 */
export const archivedAt = () => timestamp("archived_at", { withTimezone: true });
export const archivedBy = () => uuid("archived_by");
