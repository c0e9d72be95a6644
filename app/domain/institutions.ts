import { asc, count, isNotNull, isNull } from "drizzle-orm";
import { institutions, projectInstitutions } from "../db/schema.ts";
import { authorize, canManageInstitutions } from "../policies/index.ts";
import { recordChange } from "./audit.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import { updateVersioned } from "./versioned-update.ts";

export { INSTITUTION_KINDS } from "./value-labels.ts";

export type Institution = typeof institutions.$inferSelect;

/**
 * The working list; `archived: true` the archive, `archived: "all"` both — for naming the
 * institutions a stored value refers to (decision 070).
 */
export async function listInstitutions(opts: { scope: TenantScope; archived?: boolean | "all" }) {
  const { scope } = opts;
  const rows = await scope.db
    .select()
    .from(institutions)
    .where(
      inTenant(
        scope,
        institutions,
        opts.archived === "all"
          ? undefined
          : opts.archived
            ? isNotNull(institutions.archivedAt)
            : isNull(institutions.archivedAt),
      ),
    )
    .orderBy(asc(institutions.name));
  const usage = await scope.db
    .select({ institutionId: projectInstitutions.institutionId, n: count() })
    .from(projectInstitutions)
    .where(inTenant(scope, projectInstitutions))
    .groupBy(projectInstitutions.institutionId);
  const byId = new Map(usage.map((u) => [u.institutionId, u.n]));
  return rows.map((r) => ({ ...r, projectCount: byId.get(r.id) ?? 0 }));
}

export type InstitutionFields = { name: string; shortName: string | null; kind: string };

export async function createInstitution(opts: {
  scope: TenantScope;
  fields: InstitutionFields;
}): Promise<Institution> {
  authorize(canManageInstitutions(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    const [row] = await scope.db
      .insert(institutions)
      .values({ ...opts.fields, tenantId: scope.tenant.id })
      .returning();
    await recordChange(scope, {
      entityType: "institution",
      entityId: row!.id,
      action: "create",
      before: null,
      after: row!,
      entityVersion: row!.version,
    });
    return row!;
  });
}

export async function updateInstitution(opts: {
  scope: TenantScope;
  id: string;
  expectedVersion: number;
  fields: InstitutionFields;
}): Promise<Institution> {
  authorize(canManageInstitutions(opts.scope.actor));
  return updateVersioned({
    scope: opts.scope,
    table: institutions,
    entityType: "institution",
    id: opts.id,
    expectedVersion: opts.expectedVersion,
    values: opts.fields,
  });
}

export async function getInstitution(opts: {
  scope: TenantScope;
  id: string;
}): Promise<Institution> {
  return findInTenant(opts.scope, institutions, opts.id);
}
