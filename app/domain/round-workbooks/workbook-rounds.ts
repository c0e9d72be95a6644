// Which round and institution a partner workbook is for, and the workbook file itself.
import { and, asc, eq } from "drizzle-orm";
import { planDocuments, reportingRounds, roundAssignments } from "../../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { findInTenant, inTenant, isUuid, type TenantScope } from "../scope.ts";
import { authorize, ownInstitution } from "../../policies/index.ts";
import { buildPartnerWorkbook } from "../../round-xlsx/build.ts";
import { loadPartnerWorkItems } from "./load.ts";
import { type PartnerWorkItems } from "../../round-xlsx/types.ts";

export type Round = typeof reportingRounds.$inferSelect;

export const ownInstitutionOf = (scope: TenantScope): string | null => ownInstitution(scope.actor);

/** The rounds in which the partner's institution has items: one workbook per round. */
export async function listWorkbookRounds(opts: { scope: TenantScope }) {
  const { scope } = opts;
  const own = ownInstitutionOf(scope);
  if (!own) return [];
  const rows = await scope.db
    .selectDistinct({
      id: reportingRounds.id,
      year: reportingRounds.year,
      status: reportingRounds.status,
      documentTitle: planDocuments.title,
    })
    .from(roundAssignments)
    .innerJoin(
      reportingRounds,
      and(
        eq(reportingRounds.tenantId, roundAssignments.tenantId),
        eq(reportingRounds.id, roundAssignments.roundId),
      ),
    )
    .innerJoin(planDocuments, eq(planDocuments.id, reportingRounds.documentId))
    .where(inTenant(scope, roundAssignments, eq(roundAssignments.institutionId, own)))
    .orderBy(asc(reportingRounds.year), asc(planDocuments.title));
  return rows.map((r) => ({ ...r, open: r.status === "open" }));
}

/**
 * The round and the institution a workbook is for. A partner gets its own institution, and only
 * in a round where it has items; anyone else must name one (coordinators, to help a partner).
 * A foreign or guessed round is "not found", like one that does not exist.
 */
export async function workbookTarget(scope: TenantScope, roundId: string, institutionId?: string) {
  const round = await findInTenant(scope, reportingRounds, roundId);
  const own = ownInstitutionOf(scope);
  const target = own ?? institutionId;
  if (!target || !isUuid(target)) throw new NotFoundError();
  if (own) {
    const [assigned] = await scope.db
      .select({ id: roundAssignments.id })
      .from(roundAssignments)
      .where(
        inTenant(
          scope,
          roundAssignments,
          eq(roundAssignments.roundId, round.id),
          eq(roundAssignments.institutionId, own),
        ),
      )
      .limit(1);
    if (!assigned) throw new NotFoundError();
  }
  return { round, institutionId: target };
}

/** The round a partner's upload page is about, with its document's title. */
export async function getWorkbookRound(opts: { scope: TenantScope; roundId: string }) {
  const { scope } = opts;
  authorize(!!ownInstitutionOf(scope), { hide: true });
  const { round } = await workbookTarget(scope, opts.roundId);
  const document = await findInTenant(scope, planDocuments, round.documentId);
  return { round, documentTitle: document.title, open: round.status === "open" };
}

export function loadItems(scope: TenantScope, round: Round, institutionId: string) {
  return loadPartnerWorkItems({
    scope,
    institutionId,
    documentId: round.documentId,
    year: round.year,
    deadline: round.deadline,
  });
}

/** "Arkusz 2021 — Centrum Integracji Społecznej.xlsx": what the partner sees in Downloads. */
export function workbookFileName(items: PartnerWorkItems): string {
  const name = items.institution.name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ").trim();
  return `Arkusz ${items.year} — ${name}`.slice(0, 150) + ".xlsx";
}

export async function partnerWorkbookFile(opts: {
  scope: TenantScope;
  roundId: string;
  /** Required for coordinators; a partner always gets its own institution's. */
  institutionId?: string;
}): Promise<{ fileName: string; bytes: Buffer }> {
  const { round, institutionId } = await workbookTarget(
    opts.scope,
    opts.roundId,
    opts.institutionId,
  );
  const items = await loadItems(opts.scope, round, institutionId);
  return { fileName: workbookFileName(items), bytes: await buildPartnerWorkbook(items) };
}
