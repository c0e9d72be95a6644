// The audit trail: every change to a municipality's data is stored with who, when, which
// entity, and the values before and after, in the same transaction as the change itself.
import { asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { auditLog, tenants, users } from "../db/schema.ts";
import type { FieldChange } from "./errors.ts";
import { inTenant, type TenantScope } from "./scope.ts";
import { ownInstitution } from "../policies/index.ts";
import { signalChange } from "./change-signal.ts";

export type EntityType =
  | "import"
  | "final_report"
  | "plan_document"
  | "strategic_goal"
  | "operational_goal"
  | "project"
  | "project_card"
  | "indicator"
  | "indicator_value"
  | "institution"
  | "budget"
  | "membership"
  | "reporting_round"
  | "round_assignment"
  | "invitation"
  | "publication"
  | "public_settings"
  | "outbox_message"
  | "population"
  | "tenant";

/** Round steps are named in the trail, so "who accepted this" is one query. */
export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "acknowledge"
  | "submit"
  | "return"
  | "accept"
  | "reopen"
  | "close"
  | "invite"
  | "join"
  | "publish"
  | "withdraw"
  | "password_reset"
  | "resend"
  | "archive"
  | "restore";

type Snapshot = Record<string, unknown>;

const IGNORED = new Set(["createdAt", "updatedAt", "updatedBy", "version", "tenantId"]);

/** Plain JSON of a row, without bookkeeping columns. */
export function snapshot(row: Snapshot | null | undefined): Snapshot | null {
  if (!row) return null;
  const out: Snapshot = {};
  for (const [k, v] of Object.entries(row)) {
    if (IGNORED.has(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

export function diff(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (field === "id") continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export async function recordChange(
  scope: TenantScope,
  entry: {
    entityType: EntityType;
    entityId: string;
    action: AuditAction;
    before: Snapshot | null;
    after: Snapshot | null;
    entityVersion?: number;
  },
): Promise<void> {
  // A save that changed nothing (a form sent back untouched) leaves no entry (decision 047).
  if (entry.action === "update" && diff(snapshot(entry.before), snapshot(entry.after)).length === 0)
    return;
  await scope.db.insert(auditLog).values({
    tenantId: scope.tenant.id,
    // The command line acts as the system, with no user account behind it.
    userId: scope.actor.userId || null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    entityVersion: entry.entityVersion ?? null,
  });
  await bumpDataVersion(scope);
}

/** Invalidates every cached read and page of this tenant, in the change's transaction. */
async function bumpDataVersion(scope: TenantScope): Promise<void> {
  await scope.db
    .update(tenants)
    .set({ dataVersion: sql`${tenants.dataVersion} + 1` })
    .where(eq(tenants.id, scope.tenant.id));
  await signalChange(scope.db, `tenant:${scope.tenant.id}`);
}

type ChangeEntry = Parameters<typeof recordChange>[1];

/** Many changes of one operation (an import) at once: one insert, one cache invalidation. */
export async function recordChanges(scope: TenantScope, entries: ChangeEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const CHUNK = 500;
  for (let i = 0; i < entries.length; i += CHUNK) {
    await scope.db.insert(auditLog).values(
      entries.slice(i, i + CHUNK).map((entry) => ({
        tenantId: scope.tenant.id,
        userId: scope.actor.userId || null,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        before: snapshot(entry.before),
        after: snapshot(entry.after),
        entityVersion: entry.entityVersion ?? null,
      })),
    );
  }
  await bumpDataVersion(scope);
}

export type HistoryEntry = {
  id: string;
  at: Date;
  userName: string;
  action: string;
  entityType: string;
  entityId: string;
  entityVersion: number | null;
  changes: FieldChange[];
};

/** The history of some entities of the tenant, newest first (or changes after a version). */
export async function listHistory(opts: {
  scope: TenantScope;
  entityType?: EntityType;
  entityIds: string[];
  afterVersion?: number;
  limit?: number;
}): Promise<HistoryEntry[]> {
  const { scope } = opts;
  if (opts.entityIds.length === 0) return [];
  const rows = await scope.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      entityVersion: auditLog.entityVersion,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      inTenant(
        scope,
        auditLog,
        inArray(auditLog.entityId, opts.entityIds),
        opts.entityType ? eq(auditLog.entityType, opts.entityType) : undefined,
        opts.afterVersion !== undefined ? gt(auditLog.entityVersion, opts.afterVersion) : undefined,
      ),
    )
    .orderBy(opts.afterVersion !== undefined ? asc(auditLog.at) : desc(auditLog.at))
    .limit(opts.limit ?? 200);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userName: r.userName ?? "system (wiersz poleceń)",
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityVersion: r.entityVersion,
    changes: forReader(scope, diff(r.before, r.after)),
  }));
}

/**
 * What a reader may see of a change. A partner sees only its own institution's contribution:
 * other institutions' entries are cut out of every contributions map, here in the domain, so
 * no page can show them by forgetting a check.
 */
function forReader(scope: TenantScope, changes: FieldChange[]): FieldChange[] {
  const own = ownInstitution(scope.actor);
  if (!own) return changes;
  const keepOwn = (v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => k === own))
      : v;
  return changes
    .map((c) =>
      c.field === "contributions"
        ? { ...c, before: keepOwn(c.before), after: keepOwn(c.after) }
        : c,
    )
    .filter((c) => JSON.stringify(c.before ?? null) !== JSON.stringify(c.after ?? null));
}
