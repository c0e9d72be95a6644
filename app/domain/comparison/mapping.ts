// Mapping a municipality's indicators to the dictionary of common indicators (decision 055): a
// coordinator says which of their indicators reports which common figure. Saved on the
// indicator (`dictionary_code`) through updateVersioned — versioned and audited — and the
// comparison rollup is rebuilt in the same transaction.
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { indicators, operationalGoals, planDocuments, strategicGoals } from "../../db/schema.ts";
import { authorize, canMapToDictionary } from "../../policies/index.ts";
import { UserInputError } from "../errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "../scope.ts";
import { createIndicator, updateIndicator, type IndicatorFields } from "../strategy-structure.ts";
import { updateVersioned } from "../versioned-update.ts";
import { dictionaryEntry } from "./dictionary.ts";
import { refreshComparisonRollup } from "./rollup.ts";

export type IndicatorMapping = {
  id: string;
  name: string;
  unit: string;
  version: number;
  code: string | null;
  documentId: string;
  documentTitle: string;
  goalCode: string;
  directionCode: string;
};

/** Every indicator of the municipality with its dictionary code, by document and goal. */
export async function listIndicatorMappings(opts: {
  scope: TenantScope;
}): Promise<IndicatorMapping[]> {
  const { scope } = opts;
  authorize(canMapToDictionary(scope.actor), { hide: true });
  return scope.db
    .select({
      id: indicators.id,
      name: indicators.name,
      unit: indicators.unit,
      version: indicators.version,
      code: indicators.dictionaryCode,
      documentId: planDocuments.id,
      documentTitle: planDocuments.title,
      goalCode: strategicGoals.code,
      directionCode: operationalGoals.code,
    })
    .from(indicators)
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .innerJoin(planDocuments, eq(planDocuments.id, strategicGoals.documentId))
    .where(inTenant(scope, indicators))
    .orderBy(
      asc(planDocuments.periodStart),
      asc(planDocuments.title),
      asc(strategicGoals.position),
      asc(operationalGoals.position),
      asc(indicators.position),
      asc(indicators.name),
    );
}

async function documentOf(scope: TenantScope, indicatorId: string): Promise<string> {
  const [row] = await scope.db
    .select({ documentId: strategicGoals.documentId })
    .from(indicators)
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(inTenant(scope, indicators, eq(indicators.id, indicatorId)));
  return row!.documentId;
}

/** One indicator of the same document may report a code: two would count the figure twice. */
async function assertCodeFree(scope: TenantScope, indicatorId: string, code: string) {
  const documentId = await documentOf(scope, indicatorId);
  const [taken] = await scope.db
    .select({ name: indicators.name })
    .from(indicators)
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(
      inTenant(
        scope,
        indicators,
        and(
          isNotNull(indicators.dictionaryCode),
          eq(indicators.dictionaryCode, code),
          ne(indicators.id, indicatorId),
          eq(strategicGoals.documentId, documentId),
        ),
      ),
    )
    .limit(1);
  if (taken) {
    throw new UserInputError(
      `Wskaźnik „${taken.name}” tego dokumentu jest już przypisany do pozycji ${code} słownika. Jedną pozycję słownika może w dokumencie sprawozdawać jeden wskaźnik.`,
      "code",
    );
  }
}

/** Sets (or clears, with null) the dictionary code of one indicator. */
export async function mapIndicator(opts: {
  scope: TenantScope;
  indicatorId: string;
  expectedVersion: number;
  code: string | null;
}): Promise<void> {
  const { scope, indicatorId, code } = opts;
  authorize(canMapToDictionary(scope.actor), { hide: true });
  await findInTenant(scope, indicators, indicatorId);
  if (code !== null && !dictionaryEntry(code)) {
    throw new UserInputError("Wybierz pozycję ze słownika wskaźników wspólnych.", "code");
  }
  await inTransaction(scope, async (tx) => {
    if (code !== null) await assertCodeFree(tx, indicatorId, code);
    await updateVersioned({
      scope: tx,
      table: indicators,
      entityType: "indicator",
      id: indicatorId,
      expectedVersion: opts.expectedVersion,
      values: { dictionaryCode: code },
    });
    await refreshComparisonRollup(tx);
  });
}

/**
 * The indicator form's save: the dictionary code (when the reader may map and it changed)
 * and the definition, in one transaction. The code goes first, so a code another indicator
 * of the document already reports is refused before anything is written; an untouched form
 * writes nothing (updateVersioned skips an unchanged save).
 */
export async function updateIndicatorWithMapping(opts: {
  scope: TenantScope;
  indicatorId: string;
  expectedVersion: number;
  fields: IndicatorFields;
  code: string | null | undefined;
}): Promise<void> {
  await inTransaction(opts.scope, async (tx) => {
    let version = opts.expectedVersion;
    if (opts.code !== undefined) {
      const row = await findInTenant(tx, indicators, opts.indicatorId);
      if ((row.dictionaryCode ?? null) !== opts.code) {
        await mapIndicator({
          scope: tx,
          indicatorId: opts.indicatorId,
          expectedVersion: version,
          code: opts.code,
        });
        version += 1;
      }
    }
    await updateIndicator({
      scope: tx,
      id: opts.indicatorId,
      expectedVersion: version,
      fields: opts.fields,
    });
  });
}

/** A new indicator from the form, with its dictionary code when one was chosen. */
export async function createIndicatorWithMapping(opts: {
  scope: TenantScope;
  directionId: string;
  fields: IndicatorFields;
  code: string | null | undefined;
}): Promise<void> {
  await inTransaction(opts.scope, async (tx) => {
    const row = await createIndicator({
      scope: tx,
      directionId: opts.directionId,
      fields: opts.fields,
    });
    if (opts.code)
      await mapIndicator({
        scope: tx,
        indicatorId: row.id,
        expectedVersion: row.version,
        code: opts.code,
      });
  });
}
