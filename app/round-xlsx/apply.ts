// Saving a confirmed workbook: every change through the domain functions, in one transaction,
// each checked against the version the workbook was downloaded with. One conflict and nothing
// is saved: the partner sees who changed what and when, and re-downloads or confirms.
import { ConflictError, ForbiddenError } from "../domain/errors.ts";
import { formatDateTime } from "../format/polish-numbers.ts";
import { saveIndicatorValue } from "../domain/indicator-values/index.ts";
import { saveProjectCard } from "../domain/project-cards.ts";
import { inTransaction, type TenantScope } from "../domain/scope.ts";
import { authorize, canSaveAsInstitution } from "../policies/index.ts";
import type { PartnerWorkItems, WorkbookChanges } from "./types.ts";

export type WorkbookConflict = {
  kind: "card" | "contribution";
  /** projectId or indicatorId */
  id: string;
  label: string;
  by: string;
  at: Date | null;
  message: string;
  /**
   * The item was submitted for review or accepted in the meantime: no confirmation can save
   * it, only the coordinator's reopening.
   */
  locked: boolean;
};

export type ApplyResult = { saved: number; conflicts: WorkbookConflict[] };

class RollBack extends Error {}

export async function applyPartnerWorkbook(opts: {
  scope: TenantScope;
  items: PartnerWorkItems;
  changes: WorkbookChanges;
  /**
   * The partner has seen the conflicts and wants its values saved over the current ones: the
   * versions of `items` (loaded when the file was uploaded) are used instead of the workbook's.
   */
  overrideStale?: boolean;
}): Promise<ApplyResult> {
  const { items, changes } = opts;
  // Contributions are saved as the institution's own (decision 018): only its partners may.
  authorize(canSaveAsInstitution(opts.scope.actor, items.institution.id), { hide: true });
  const cardOf = new Map(items.cards.map((c) => [c.projectId, c]));
  const contributionOf = new Map(items.contributions.map((c) => [c.indicatorId, c]));
  const conflicts: WorkbookConflict[] = [];
  let saved = 0;
  try {
    await inTransaction(opts.scope, async (scope) => {
      for (const card of changes.cards) {
        const item = cardOf.get(card.projectId);
        authorize(!!item, { hide: true });
        const label = `${card.symbol} ${card.title}`;
        try {
          // Each save runs in a savepoint: a conflict undoes it, and the loop goes on so the
          // partner learns about every conflict at once.
          await saveProjectCard({
            scope,
            projectId: card.projectId,
            year: items.year,
            expectedVersion: opts.overrideStale ? item!.version : card.version,
            fields: card.fields,
          });
          saved++;
        } catch (error) {
          if (error instanceof ForbiddenError) {
            conflicts.push(lockedItem("card", card.projectId, label, error));
            continue;
          }
          if (!(error instanceof ConflictError)) throw error;
          conflicts.push(conflict("card", card.projectId, label, error));
        }
      }
      for (const c of changes.contributions) {
        const item = contributionOf.get(c.indicatorId);
        authorize(!!item, { hide: true });
        try {
          await saveIndicatorValue({
            scope,
            indicatorId: c.indicatorId,
            year: items.year,
            expectedVersion: null,
            expectedContributionVersion: opts.overrideStale ? item!.version : c.version,
            contributions: [
              {
                institutionId: items.institution.id,
                value: c.value,
                approximate: c.approximate,
                note: c.note,
              },
            ],
          });
          saved++;
        } catch (error) {
          if (error instanceof ForbiddenError) {
            conflicts.push(lockedItem("contribution", c.indicatorId, c.indicatorName, error));
            continue;
          }
          if (!(error instanceof ConflictError)) throw error;
          conflicts.push(conflict("contribution", c.indicatorId, c.indicatorName, error));
        }
      }
      if (conflicts.length > 0) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return { saved: 0, conflicts };
  }
  return { saved, conflicts };
}

function conflict(
  kind: WorkbookConflict["kind"],
  id: string,
  label: string,
  error: ConflictError,
): WorkbookConflict {
  const what = kind === "card" ? `Karta projektu „${label}”` : `Wartość wskaźnika „${label}”`;
  const when = error.at ? ` (${formatDateTime(error.at)})` : "";
  return {
    kind,
    id,
    label,
    by: error.by,
    at: error.at,
    locked: false,
    message: `${what} została zmieniona w Busoli po pobraniu arkusza — zmienił(a) ją ${error.by}${when}. Nic nie zapisano. Pobierz arkusz ponownie albo potwierdź, że chcesz zastąpić te dane swoimi.`,
  };
}

/** A locked item (decision 017) is a per-item refusal like a conflict, never a failed request. */
function lockedItem(
  kind: WorkbookConflict["kind"],
  id: string,
  label: string,
  error: ForbiddenError,
): WorkbookConflict {
  const what = kind === "card" ? `Karta projektu „${label}”` : `Wartość wskaźnika „${label}”`;
  return { kind, id, label, by: "", at: null, locked: true, message: `${what}: ${error.message}` };
}
