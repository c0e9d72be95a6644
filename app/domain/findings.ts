// Acknowledging a validation finding: the coordinator confirms a mismatch is understood
// (e.g. people counted in several institutions) and says why. The key includes a fingerprint
// of the numbers, so changing a number brings the finding back.
import { and, eq, inArray } from "drizzle-orm";
import { findingAcknowledgements, users } from "../db/schema.ts";
import { authorize, canAcknowledgeFinding } from "../policies/index.ts";
import { recordChange } from "./audit.ts";
import { inTenant, inTransaction, type TenantScope } from "./scope.ts";
import type { Finding } from "./validation/index.ts";

export type Acknowledgement = { findingKey: string; comment: string; by: string; at: Date };
export type AcknowledgedFinding = Finding & { acknowledged: Acknowledgement | null };

export async function listAcknowledgements(opts: {
  scope: TenantScope;
  entityIds: string[];
}): Promise<Map<string, Acknowledgement[]>> {
  const { scope, entityIds } = opts;
  const out = new Map<string, Acknowledgement[]>();
  if (entityIds.length === 0) return out;
  const rows = await scope.db
    .select({ a: findingAcknowledgements, by: users.name })
    .from(findingAcknowledgements)
    .innerJoin(users, eq(users.id, findingAcknowledgements.userId))
    .where(
      inTenant(
        scope,
        findingAcknowledgements,
        inArray(findingAcknowledgements.entityId, entityIds),
      ),
    );
  for (const { a, by } of rows) {
    const list = out.get(a.entityId) ?? [];
    list.push({ findingKey: a.findingKey, comment: a.comment, by, at: a.at });
    out.set(a.entityId, list);
  }
  return out;
}

export function withAcknowledgements(
  findings: Finding[],
  acks: Acknowledgement[] | undefined,
): AcknowledgedFinding[] {
  return findings.map((f) => ({
    ...f,
    acknowledged: acks?.find((a) => a.findingKey === f.key) ?? null,
  }));
}

export async function acknowledgeFinding(opts: {
  scope: TenantScope;
  entityType: "indicator_value" | "project_card" | "budget";
  entityId: string;
  goalId: string;
  finding: Finding;
  comment: string;
}): Promise<void> {
  authorize(canAcknowledgeFinding(opts.scope.actor, opts.goalId));
  await inTransaction(opts.scope, async (scope) => {
    await scope.db
      .delete(findingAcknowledgements)
      .where(
        and(
          inTenant(
            scope,
            findingAcknowledgements,
            eq(findingAcknowledgements.entityId, opts.entityId),
          ),
          eq(findingAcknowledgements.findingKey, opts.finding.key),
        ),
      );
    await scope.db.insert(findingAcknowledgements).values({
      tenantId: scope.tenant.id,
      entityType: opts.entityType,
      entityId: opts.entityId,
      findingKey: opts.finding.key,
      comment: opts.comment,
      userId: scope.actor.userId,
    });
    await recordChange(scope, {
      entityType: opts.entityType,
      entityId: opts.entityId,
      action: "acknowledge",
      before: null,
      after: { finding: opts.finding.message, comment: opts.comment },
    });
  });
}
