// Saving an import: indicators and their values for the year, with the contributions of
// institutions and the "w tym" parts.
import { eq } from "drizzle-orm";
import {
  indicatorBreakdowns,
  indicatorContributions,
  indicatorValues,
  indicators,
} from "../../db/schema.ts";
import type { ProposedIndicator } from "../../report-reader/types.ts";
import { inTenant } from "../scope.ts";
import { institutionKey } from "./matching.ts";
import type { ImportPlan, IndicatorPlan } from "./plan.ts";
import { bumpReadRow, created, insertAll, updated, type SaveContext } from "./save-context.ts";

type ContributionRow = typeof indicatorContributions.$inferInsert & {
  id: string;
  value: number | null;
  note: string | null;
};

type Batch = {
  indicators: (typeof indicators.$inferInsert)[];
  values: (typeof indicatorValues.$inferInsert)[];
  contributions: ContributionRow[];
  breakdowns: (typeof indicatorBreakdowns.$inferInsert)[];
};

/** The value's row for the year: a stored one replaced (its parts removed), or a new one. */
async function saveValue(
  ctx: SaveContext,
  i: IndicatorPlan,
  indicatorId: string,
  batch: Batch,
): Promise<string> {
  const proposal = i.proposal;
  const valueFields = {
    total: proposal.value,
    approximate: proposal.approximate,
    remarks: proposal.remarks,
    source: ctx.sourceLabel,
  };
  if (!i.existingValueId) {
    const row = {
      id: crypto.randomUUID(),
      tenantId: ctx.tenantId,
      indicatorId,
      year: ctx.year,
      published: true,
      updatedBy: ctx.userId,
      ...valueFields,
    };
    batch.values.push(row);
    created(ctx, "indicator_value", { ...row, contributions: proposal.contributions });
    return row.id;
  }
  const valueId = i.existingValueId;
  const { scope } = ctx;
  const [before] = await scope.db
    .select()
    .from(indicatorValues)
    .where(inTenant(scope, indicatorValues, eq(indicatorValues.id, valueId)));
  await scope.db
    .delete(indicatorContributions)
    .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, valueId)));
  await scope.db
    .delete(indicatorBreakdowns)
    .where(inTenant(scope, indicatorBreakdowns, eq(indicatorBreakdowns.valueId, valueId)));
  const after = await bumpReadRow(
    scope,
    indicatorValues,
    before,
    { ...valueFields, updatedBy: ctx.userId },
    valueId,
  );
  updated(ctx, "indicator_value", valueId, before, {
    ...after,
    contributions: proposal.contributions,
  });
  return valueId;
}

/** Contributions and their "w tym" parts; one row per institution, a repeated one summed. */
function addContributions(
  ctx: SaveContext,
  proposal: ProposedIndicator,
  valueId: string,
  institutionIds: Map<string, string>,
  batch: Batch,
): void {
  // A report naming one institution twice ("UM WEiSS", "UM WEISS") is summed.
  const byInstitution = new Map<string, ContributionRow>();
  for (const c of proposal.contributions) {
    const institutionId = institutionIds.get(institutionKey(c.institution));
    if (!institutionId) continue;
    const known = byInstitution.get(institutionId);
    if (known) {
      known.value = known.value === null || c.value === null ? known.value : known.value + c.value;
      known.note = "suma kilku pozycji sprawozdania";
    } else {
      const row: ContributionRow = {
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        valueId,
        institutionId,
        value: c.value,
        approximate: c.approximate,
        note: null as string | null,
        position: byInstitution.size,
      };
      byInstitution.set(institutionId, row);
      batch.contributions.push(row);
    }
    const contributionId = byInstitution.get(institutionId)!.id;
    c.ofWhich.forEach((o, position) =>
      batch.breakdowns.push({
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        valueId,
        contributionId,
        dimension: "of_which",
        label: o.label,
        value: o.value,
        position,
      }),
    );
  }
}

/**
 * A table with a column per year gives the earlier years too: they are added where the
 * municipality has no value for that year, never over a stored one (the year's own report is
 * the better source), so the history has data from the first import on.
 */
async function saveOtherYears(
  ctx: SaveContext,
  plan: ImportPlan,
  indicatorIds: Map<string, string>,
): Promise<void> {
  const rows = plan.indicators.flatMap((i) =>
    (i.proposal.values ?? [])
      .filter((v) => v.year !== ctx.year && v.value !== null)
      .map((v) => ({
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        indicatorId: indicatorIds.get(i.key)!,
        year: v.year,
        total: v.value,
        approximate: v.approximate,
        remarks: null,
        source: ctx.sourceLabel,
        published: true,
        updatedBy: ctx.userId,
      })),
  );
  for (let k = 0; k < rows.length; k += 400) {
    const inserted = await ctx.scope.db
      .insert(indicatorValues)
      .values(rows.slice(k, k + 400))
      .onConflictDoNothing()
      .returning();
    for (const row of inserted) created(ctx, "indicator_value", row);
  }
}

export async function saveIndicators(
  ctx: SaveContext,
  plan: ImportPlan,
  ids: {
    directions: Map<string, string>;
    projects: Map<string, string>;
    institutions: Map<string, string>;
  },
): Promise<void> {
  const batch: Batch = { indicators: [], values: [], contributions: [], breakdowns: [] };
  const indicatorIds = new Map<string, string>();
  for (const [ii, i] of plan.indicators.entries()) {
    const proposal = i.proposal;
    let indicatorId = i.existingId;
    if (!indicatorId) {
      const row = {
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        operationalGoalId: ids.directions.get(i.directionKey)!,
        projectId: i.projectKey ? (ids.projects.get(i.projectKey) ?? null) : null,
        name: proposal.name,
        unit: proposal.unit ?? "",
        target: proposal.target,
        position: ii,
      };
      indicatorId = row.id;
      batch.indicators.push(row);
      created(ctx, "indicator", row);
    }
    indicatorIds.set(i.key, indicatorId);
    const valueId = await saveValue(ctx, i, indicatorId, batch);
    (proposal.breakdowns ?? []).forEach((b, position) =>
      batch.breakdowns.push({
        id: crypto.randomUUID(),
        tenantId: ctx.tenantId,
        valueId,
        contributionId: null,
        dimension: b.dimension,
        label: b.label,
        value: b.value,
        position,
      }),
    );
    addContributions(ctx, proposal, valueId, ids.institutions, batch);
  }
  await insertAll(ctx.scope, indicators, batch.indicators);
  await insertAll(ctx.scope, indicatorValues, batch.values);
  await saveOtherYears(ctx, plan, indicatorIds);
  await insertAll(ctx.scope, indicatorContributions, batch.contributions);
  await insertAll(ctx.scope, indicatorBreakdowns, batch.breakdowns);
}
