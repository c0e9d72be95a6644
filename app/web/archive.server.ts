// What an item's page tells its archive section (decision 070): who may delete it for good and
// whether it is archived already, so an archived item's page offers restoring instead.
import type { ArchiveKind } from "../domain/archive/index.ts";
import type { TenantScope } from "../domain/scope.ts";
import { formatDate } from "../format/polish-dates.ts";
import { canArchive, canDeletePermanently } from "../policies/index.ts";

export type ArchiveState = {
  tenantSlug: string;
  kind: ArchiveKind;
  id: string;
  canDelete: boolean;
  archivedAt: string | null;
  /** The item's own page, where restoring returns to. */
  returnTo: string;
};

/** Null when there is no item yet (a form that creates) or the actor may not archive it. */
export function archiveState(
  scope: TenantScope,
  kind: ArchiveKind,
  row: { id: string; archivedAt: Date | null } | null,
  returnTo: string,
): ArchiveState | null {
  if (!row || !canArchive(scope.actor, kind)) return null;
  return {
    tenantSlug: scope.tenant.slug,
    kind,
    id: row.id,
    canDelete: canDeletePermanently(scope.actor, kind),
    archivedAt: row.archivedAt ? formatDate(row.archivedAt) : null,
    returnTo,
  };
}
