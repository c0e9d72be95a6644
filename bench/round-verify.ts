// bench:round's check that no acknowledged write was lost: each is in the audit trail, and the
// last one of each contribution is what is stored, its version counting every write once.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../app/db/client.ts";
import { auditLog, indicatorContributions, indicatorValues } from "../app/db/schema.ts";

export type Ack = {
  person: number;
  institutionId: string;
  indicatorId: string;
  value: number;
  note: string;
};

/** Every acknowledged write must be in the audit trail, and the last one of each contribution stored. */
export async function verify(
  database: Database,
  tenantId: string,
  indicatorIds: string[],
  acks: Ack[],
) {
  try {
    const db = database.db;
    const values = await db
      .select()
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.tenantId, tenantId),
          inArray(indicatorValues.indicatorId, indicatorIds),
        ),
      );
    const valueOf = new Map(values.map((v) => [v.indicatorId, v.id]));
    const contributions = await db
      .select()
      .from(indicatorContributions)
      .where(
        inArray(
          indicatorContributions.valueId,
          values.map((v) => v.id),
        ),
      );
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "indicator_value"),
          inArray(
            auditLog.entityId,
            values.map((v) => v.id),
          ),
        ),
      );
    audit.sort((a, b) => (a.entityVersion ?? 0) - (b.entityVersion ?? 0));
    type Own = { value: number | null; note: string | null };
    const ownIn = (snap: Record<string, unknown> | null, inst: string) =>
      ((snap?.contributions as Record<string, Own> | undefined) ?? {})[inst] ?? null;
    let lost = 0;
    for (const ack of acks) {
      const valueId = valueOf.get(ack.indicatorId);
      const hit = audit.some((e) => {
        if (e.entityId !== valueId) return false;
        const own = ownIn(e.after, ack.institutionId);
        const before = ownIn(e.before, ack.institutionId);
        return own?.note === ack.note && own.value === ack.value && before?.note !== ack.note;
      });
      if (!hit) lost++;
    }
    // The stored contribution is the last audited write to it, and its version counts every
    // acknowledged write once: no write was silently replaced by a stale one.
    for (const c of contributions) {
      const writes = acks.filter(
        (a) => valueOf.get(a.indicatorId) === c.valueId && a.institutionId === c.institutionId,
      );
      const last = audit
        .filter(
          (e) =>
            e.entityId === c.valueId &&
            ownIn(e.after, c.institutionId)?.note !== ownIn(e.before, c.institutionId)?.note,
        )
        .at(-1);
      const lastNote = last ? ownIn(last.after, c.institutionId)?.note : null;
      if (writes.length > 0 && c.note !== lastNote) lost++;
      if (c.version !== 1 + writes.length) lost++;
    }
    return { lost, audited: audit.length };
  } finally {
    await database.close();
  }
}
