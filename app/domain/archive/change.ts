// The archive page's one action: archive, restore or delete an item of any kind.
import type { TenantScope } from "../scope.ts";
import * as ops from "./archive.ts";
import * as deletes from "./delete.ts";
import type { ArchiveKind, VersionedKind } from "./kinds.ts";

export type ArchiveIntent = "archive" | "restore" | "delete";

type Op = (o: {
  scope: TenantScope;
  id: string;
  expectedVersion: number;
  reason: string;
}) => Promise<unknown>;

const VERSIONED: Record<VersionedKind, [Op, Op, Op]> = {
  document: [ops.archiveDocument, ops.restoreDocument, deletes.deleteDocument],
  goal: [ops.archiveGoal, ops.restoreGoal, deletes.deleteGoal],
  direction: [ops.archiveDirection, ops.restoreDirection, deletes.deleteDirection],
  project: [ops.archiveProject, ops.restoreProject, deletes.deleteProject],
  indicator: [ops.archiveIndicator, ops.restoreIndicator, deletes.deleteIndicator],
  institution: [ops.archiveInstitution, ops.restoreInstitution, deletes.deleteInstitution],
};

export async function changeArchive(opts: {
  scope: TenantScope;
  intent: ArchiveIntent;
  kind: ArchiveKind;
  id: string;
  expectedVersion: number;
  reason: string;
}): Promise<void> {
  const { scope, intent, kind, id, reason } = opts;
  if (kind === "member") {
    if (intent === "delete") await deletes.deleteMember({ scope, membershipId: id });
    else if (intent === "archive") await ops.archiveMember({ scope, membershipId: id, reason });
    else await ops.restoreMember({ scope, membershipId: id, reason });
    return;
  }
  const [archive, restore, remove] = VERSIONED[kind];
  const op = intent === "archive" ? archive : intent === "restore" ? restore : remove;
  await op({ scope, id, expectedVersion: opts.expectedVersion, reason });
}
