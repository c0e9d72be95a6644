// The municipality's public-page settings: the accessibility statement's contact details,
// dates and the architectural accessibility of its seat. Read by anyone (they are public),
// changed by the coordinator or administrator.
import { eq } from "drizzle-orm";
import { tenantPublicSettings } from "../../db/schema.ts";
import { authorize, canPublish, canReadPublicPortal } from "../../policies/index.ts";
import { recordChange } from "../audit.ts";
import { ConflictError } from "../errors.ts";
import { inTransaction, type TenantScope } from "../scope.ts";
import { invalidatePublicCache } from "./cache.ts";

export const PUBLIC_SETTINGS_FIELDS = [
  "entityName",
  "contactName",
  "contactEmail",
  "contactPhone",
  "address",
  "architecturalAccessibility",
  "sitePublishedOn",
  "siteUpdatedOn",
  "statementPreparedOn",
] as const;
export type PublicSettingsValues = {
  [K in (typeof PUBLIC_SETTINGS_FIELDS)[number]]: string | null;
};
export type PublicSettings = PublicSettingsValues & { version: number; updatedAt: Date | null };

const EMPTY: PublicSettingsValues = Object.fromEntries(
  PUBLIC_SETTINGS_FIELDS.map((f) => [f, null]),
) as PublicSettingsValues;

export async function getPublicSettings(opts: { scope: TenantScope }): Promise<PublicSettings> {
  authorize(canReadPublicPortal(opts.scope.actor));
  const [row] = await opts.scope.db
    .select()
    .from(tenantPublicSettings)
    .where(eq(tenantPublicSettings.tenantId, opts.scope.tenant.id));
  if (!row) return { ...EMPTY, version: 0, updatedAt: null };
  const values = Object.fromEntries(
    PUBLIC_SETTINGS_FIELDS.map((f) => [f, row[f]]),
  ) as PublicSettingsValues;
  return { ...values, version: row.version, updatedAt: row.updatedAt };
}

export async function savePublicSettings(opts: {
  scope: TenantScope;
  values: PublicSettingsValues;
  /** The version the form was based on; 0 when nothing was saved yet. */
  expectedVersion: number;
}): Promise<void> {
  const { scope } = opts;
  authorize(canPublish(scope.actor), { hide: true });
  await inTransaction(scope, async (tx) => {
    const before = await getPublicSettings({ scope: tx });
    if (before.version !== opts.expectedVersion) {
      throw new ConflictError({
        changes: [],
        by: "inna osoba",
        at: before.updatedAt,
        current: { ...before },
      });
    }
    const values = { ...opts.values, updatedAt: new Date(), updatedBy: tx.actor.userId || null };
    await tx.db
      .insert(tenantPublicSettings)
      .values({ tenantId: tx.tenant.id, ...values, version: 1 })
      .onConflictDoUpdate({
        target: tenantPublicSettings.tenantId,
        set: { ...values, version: before.version + 1 },
      });
    await recordChange(tx, {
      entityType: "public_settings",
      entityId: tx.tenant.id,
      action: before.version === 0 ? "create" : "update",
      before: before.version === 0 ? null : { ...before },
      after: { ...opts.values },
      entityVersion: before.version + 1,
    });
  });
  invalidatePublicCache(scope.tenant.id);
}
