// The spreadsheet path inside a reporting round (issue 5): the partner's workbook for the
// round's document and year, an upload read and kept until the partner confirms it, and the
// confirmed save — which also moves the round's items from "not started" to "in progress".
import type ExcelJS from "exceljs";
import { and, eq, inArray } from "drizzle-orm";
import { reportingRounds, roundAssignments, workbookUploads } from "../../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { LOCKED_STATUSES } from "../rounds/assignment-statuses.ts";
import { findInTenant, inTenant, inTransaction, isUuid, type TenantScope } from "../scope.ts";
import { updateVersioned } from "../versioned-update.ts";
import { authorize } from "../../policies/index.ts";
import { applyPartnerWorkbook, type WorkbookConflict } from "../../round-xlsx/apply.ts";
import { CARD_COLUMNS, INDICATOR_COLUMNS, columnLetter } from "../../round-xlsx/labels.ts";
import { openWorkbook, readLoadedWorkbook, WorkbookFileError } from "../../round-xlsx/read.ts";
import {
  SHEET_CARDS,
  SHEET_INDICATORS,
  type PartnerWorkItems,
  type WorkbookChanges,
  type WorkbookError,
} from "../../round-xlsx/types.ts";

import { loadItems, ownInstitutionOf, workbookTarget } from "./workbook-rounds.ts";

export {
  getWorkbookRound,
  listWorkbookRounds,
  partnerWorkbookFile,
  workbookFileName,
} from "./workbook-rounds.ts";

/** A conflict as kept in the upload row (JSON has no dates). */
export type StoredConflict = Omit<WorkbookConflict, "at"> & { at: string | null };

export type ReceiveResult =
  { errors: WorkbookError[]; uploadId: null } | { errors: []; uploadId: string };

const refused = (message: string): ReceiveResult => ({
  errors: [{ sheet: null, cell: null, message }],
  uploadId: null,
});

/** The row of an item in the workbook, to point a refusal at the partner's own cell. */
function cellOf(wb: ExcelJS.Workbook, kind: "card" | "contribution", id: string): string | null {
  const sheet = wb.getWorksheet(kind === "card" ? SHEET_CARDS : SHEET_INDICATORS);
  if (!sheet) return null;
  const idColumn = kind === "card" ? CARD_COLUMNS.projectId : INDICATOR_COLUMNS.indicatorId;
  const input = kind === "card" ? CARD_COLUMNS.input : INDICATOR_COLUMNS.value;
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (String(sheet.getRow(r).getCell(idColumn).value ?? "").trim() === id) {
      return `${columnLetter(input)}${r}`;
    }
  }
  return null;
}

/**
 * Reads an upload and keeps what it would change, nothing else written. Per-cell errors (and
 * items the coordinator has under review or accepted) come back instead of an upload id.
 */
export async function receivePartnerWorkbook(opts: {
  scope: TenantScope;
  roundId: string;
  bytes: Uint8Array;
  fileName: string;
}): Promise<ReceiveResult> {
  const { scope } = opts;
  const own = ownInstitutionOf(scope);
  authorize(!!own, { hide: true });
  const { round, institutionId } = await workbookTarget(scope, opts.roundId);
  if (round.status !== "open") {
    return refused(
      `Runda ${round.year} jest zamknięta — arkusza nie można już wczytać. Jeśli trzeba coś poprawić, skontaktuj się z koordynatorem.`,
    );
  }
  let wb: ExcelJS.Workbook;
  try {
    wb = await openWorkbook(opts.bytes);
  } catch (error) {
    if (error instanceof WorkbookFileError) return refused(error.message);
    throw error;
  }
  const items = await loadItems(scope, round, institutionId);
  const { changes, errors } = readLoadedWorkbook(wb, items);
  if (errors.length > 0) return { errors, uploadId: null };

  // Under review or accepted: refused here, per item, so nothing is kept that cannot be saved.
  const locked = await scope.db
    .select({
      kind: roundAssignments.kind,
      projectId: roundAssignments.projectId,
      indicatorId: roundAssignments.indicatorId,
    })
    .from(roundAssignments)
    .where(
      inTenant(
        scope,
        roundAssignments,
        eq(roundAssignments.roundId, round.id),
        eq(roundAssignments.institutionId, institutionId),
        inArray(roundAssignments.status, [...LOCKED_STATUSES]),
      ),
    );
  const lockedCards = new Set(locked.filter((l) => l.kind === "card").map((l) => l.projectId));
  const lockedValues = new Set(
    locked.filter((l) => l.kind === "contribution").map((l) => l.indicatorId),
  );
  const lockedErrors: WorkbookError[] = [
    ...changes.cards
      .filter((c) => lockedCards.has(c.projectId))
      .map((c) => ({
        sheet: SHEET_CARDS,
        cell: cellOf(wb, "card", c.projectId),
        message: `Karta projektu ${c.symbol} została przekazana do sprawdzenia lub zatwierdzona — arkusz nie może jej zmienić. Przywróć poprzednią treść albo poproś koordynatora o zwrócenie karty do poprawy.`,
      })),
    ...changes.contributions
      .filter((c) => lockedValues.has(c.indicatorId))
      .map((c) => ({
        sheet: SHEET_INDICATORS,
        cell: cellOf(wb, "contribution", c.indicatorId),
        message: `Wartość wskaźnika „${c.indicatorName}” została przekazana do sprawdzenia lub zatwierdzona — arkusz nie może jej zmienić. Przywróć poprzednią wartość albo poproś koordynatora o zwrócenie jej do poprawy.`,
      })),
  ];
  if (lockedErrors.length > 0) return { errors: lockedErrors, uploadId: null };
  if (changes.cards.length === 0 && changes.contributions.length === 0) {
    return refused(
      "Arkusz nie zawiera żadnych zmian w stosunku do danych zapisanych w Busoli — nie ma czego zapisać.",
    );
  }

  const conflicts = await whoChangedSinceDownload(scope, items, changes);
  const [row] = await scope.db
    .insert(workbookUploads)
    .values({
      tenantId: scope.tenant.id,
      roundId: round.id,
      institutionId,
      userId: scope.actor.userId,
      fileName: opts.fileName.slice(0, 200),
      changes: changes as unknown as Record<string, unknown>,
      items: items as unknown as Record<string, unknown>,
      conflicts: conflicts.map(storeConflict),
    })
    .returning({ id: workbookUploads.id });
  return { errors: [], uploadId: row!.id };
}

class DryRun extends Error {
  readonly conflicts: WorkbookConflict[];
  constructor(conflicts: WorkbookConflict[]) {
    super("dry run");
    this.conflicts = conflicts;
  }
}

/**
 * Who changed the stale items, and when, for the confirmation page: the save itself is tried
 * and always rolled back, so the answer is exactly the one a confirmation would get.
 */
async function whoChangedSinceDownload(
  scope: TenantScope,
  items: PartnerWorkItems,
  changes: WorkbookChanges,
): Promise<WorkbookConflict[]> {
  const stale: WorkbookChanges = {
    cards: changes.cards.filter((c) => c.stale),
    contributions: changes.contributions.filter((c) => c.stale),
  };
  if (stale.cards.length + stale.contributions.length === 0) return [];
  try {
    await inTransaction(scope, async (tx) => {
      const result = await applyPartnerWorkbook({ scope: tx, items, changes: stale });
      throw new DryRun(result.conflicts);
    });
  } catch (error) {
    if (error instanceof DryRun) return error.conflicts;
    throw error;
  }
  return [];
}

const storeConflict = (c: WorkbookConflict): StoredConflict => ({
  ...c,
  at: c.at ? c.at.toISOString() : null,
});

async function findUpload(scope: TenantScope, roundId: string, uploadId: string) {
  if (!isUuid(uploadId) || !isUuid(roundId)) throw new NotFoundError();
  // Only its author sees an upload: it holds what the partner typed, not yet anyone's data.
  const [row] = await scope.db
    .select()
    .from(workbookUploads)
    .where(
      inTenant(
        scope,
        workbookUploads,
        eq(workbookUploads.id, uploadId),
        eq(workbookUploads.roundId, roundId),
        eq(workbookUploads.userId, scope.actor.userId),
      ),
    );
  if (!row) throw new NotFoundError();
  return row;
}

export async function getWorkbookUpload(opts: {
  scope: TenantScope;
  roundId: string;
  uploadId: string;
}) {
  const { scope } = opts;
  authorize(!!ownInstitutionOf(scope), { hide: true });
  const row = await findUpload(scope, opts.roundId, opts.uploadId);
  const round = await findInTenant(scope, reportingRounds, row.roundId);
  return {
    id: row.id,
    round,
    fileName: row.fileName,
    status: row.status as "pending" | "saved" | "cancelled",
    changes: row.changes as unknown as WorkbookChanges,
    conflicts: row.conflicts as StoredConflict[],
    createdAt: row.createdAt,
  };
}

export type ConfirmResult =
  | { outcome: "saved"; saved: number }
  | { outcome: "conflicts"; conflicts: StoredConflict[] }
  | { outcome: "refused"; message: string }
  | { outcome: "done"; status: string };

/**
 * Saves a confirmed upload in one transaction. Without `override`, an item changed since the
 * download is a conflict and nothing is saved; with it, the partner's values replace the state
 * last shown to them — and anything changed even after that is a conflict again.
 */
export async function confirmWorkbookUpload(opts: {
  scope: TenantScope;
  roundId: string;
  uploadId: string;
  override: boolean;
}): Promise<ConfirmResult> {
  authorize(!!ownInstitutionOf(opts.scope), { hide: true });
  return inTransaction(opts.scope, async (scope) => {
    const found = await findUpload(scope, opts.roundId, opts.uploadId);
    // The row lock makes a double click (or two tabs) save once.
    const [row] = await scope.db
      .select()
      .from(workbookUploads)
      .where(eq(workbookUploads.id, found.id))
      .for("update");
    if (!row || row.status !== "pending") return { outcome: "done", status: row?.status ?? "" };
    const round = await findInTenant(scope, reportingRounds, row.roundId);
    if (round.status !== "open") {
      return {
        outcome: "refused",
        message: `Runda ${round.year} została zamknięta — nic nie zapisano.`,
      };
    }
    const items = row.items as unknown as PartnerWorkItems;
    const changes = row.changes as unknown as WorkbookChanges;
    const result = await applyPartnerWorkbook({
      scope,
      items,
      changes,
      overrideStale: opts.override,
    });
    if (result.conflicts.length > 0) {
      // What the partner sees now becomes what an explicit override saves over.
      const fresh = await loadItems(scope, round, row.institutionId);
      const conflicts = result.conflicts.map(storeConflict);
      await scope.db
        .update(workbookUploads)
        .set({ items: fresh as unknown as Record<string, unknown>, conflicts })
        .where(eq(workbookUploads.id, row.id));
      return { outcome: "conflicts", conflicts };
    }
    await markInProgress(scope, round.id, row.institutionId, changes);
    await scope.db
      .update(workbookUploads)
      .set({ status: "saved", usedAt: new Date() })
      .where(eq(workbookUploads.id, row.id));
    return { outcome: "saved", saved: result.saved };
  });
}

/** As a form's draft save does: an item the partner has started on is "in progress". */
async function markInProgress(
  scope: TenantScope,
  roundId: string,
  institutionId: string,
  changes: WorkbookChanges,
) {
  const projects = new Set(changes.cards.map((c) => c.projectId));
  const indicators = new Set(changes.contributions.map((c) => c.indicatorId));
  const rows = await scope.db
    .select()
    .from(roundAssignments)
    .where(
      inTenant(
        scope,
        roundAssignments,
        eq(roundAssignments.roundId, roundId),
        eq(roundAssignments.institutionId, institutionId),
        eq(roundAssignments.status, "not_started"),
      ),
    );
  for (const a of rows) {
    const touched =
      a.kind === "card" ? projects.has(a.projectId ?? "") : indicators.has(a.indicatorId ?? "");
    if (!touched) continue;
    await updateVersioned({
      scope,
      table: roundAssignments,
      entityType: "round_assignment",
      id: a.id,
      expectedVersion: a.version,
      values: { status: "in_progress" },
    });
  }
}

export async function cancelWorkbookUpload(opts: {
  scope: TenantScope;
  roundId: string;
  uploadId: string;
}): Promise<void> {
  const { scope } = opts;
  authorize(!!ownInstitutionOf(scope), { hide: true });
  const row = await findUpload(scope, opts.roundId, opts.uploadId);
  await scope.db
    .update(workbookUploads)
    .set({ status: "cancelled", usedAt: new Date() })
    .where(and(eq(workbookUploads.id, row.id), eq(workbookUploads.status, "pending")));
}
