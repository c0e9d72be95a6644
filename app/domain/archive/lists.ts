// The view "Zarchiwizowane": what of a municipality is in the archive, per kind, to restore.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { memberships, users } from "../../db/schema.ts";
import { authorize, canArchive, canOpenArchive } from "../../policies/index.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { VERSIONED_KINDS, type ArchiveKind } from "./kinds.ts";

export type ArchivedItem = {
  kind: ArchiveKind;
  id: string;
  name: string;
  version: number;
  archivedAt: Date;
};

function nameOf(kind: ArchiveKind, row: Record<string, unknown>): string {
  if (kind === "document") return String(row.title);
  if (kind === "institution") return String(row.name);
  if (kind === "indicator") return String(row.name);
  if (kind === "project") return `${String(row.symbol)} ${String(row.title)}`;
  return `${String(row.code)} ${String(row.title)}`;
}

export async function listArchived(opts: { scope: TenantScope }): Promise<ArchivedItem[]> {
  const { scope } = opts;
  authorize(canOpenArchive(scope.actor));
  const items: ArchivedItem[] = [];
  for (const [kind, { table }] of Object.entries(VERSIONED_KINDS)) {
    if (!canArchive(scope.actor, kind as ArchiveKind)) continue;
    const rows = (await scope.db
      .select()
      .from(table)
      .where(inTenant(scope, table, isNotNull(table.archivedAt)))
      .orderBy(asc(table.archivedAt))) as Record<string, unknown>[];
    for (const row of rows) {
      items.push({
        kind: kind as ArchiveKind,
        id: row.id as string,
        name: nameOf(kind as ArchiveKind, row),
        version: row.version as number,
        archivedAt: row.archivedAt as Date,
      });
    }
  }
  if (canArchive(scope.actor, "member")) {
    const rows = await scope.db
      .select({ m: memberships, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inTenant(scope, memberships, and(isNotNull(memberships.archivedAt))));
    for (const r of rows) {
      items.push({
        kind: "member",
        id: r.m.id,
        name: r.name,
        version: 0,
        archivedAt: r.m.archivedAt!,
      });
    }
  }
  return items;
}
