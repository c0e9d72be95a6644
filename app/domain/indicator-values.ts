// Indicator values for a year: the total, each institution's contribution, breakdowns and
// the validation findings computed from them. Partners see only their own contribution of a
// value that is not yet published (policy canViewContribution).
import { asc, eq, inArray, sql } from "drizzle-orm";
import {
  indicatorBreakdowns,
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  projectInstitutions,
  strategicGoals,
} from "../db/schema.ts";
import {
  authorize,
  canEditContribution,
  canEditIndicatorValue,
  canViewContribution,
  canViewIndicatorValue,
  type ValueFacts,
} from "../policies/index.ts";
import { listHistory, recordChange } from "./audit.ts";
import { ConflictError, UserInputError } from "./errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import { checkIndicatorValue, type BreakdownInput, type Finding } from "./validation/index.ts";
import { conflictSince, conflictOnDuplicate } from "./versioned-update.ts";
import { isInRound, assertNotLockedForPartner, isAssigned } from "./rounds/item-rights.ts";

export type Breakdown = {
  dimension: BreakdownInput["dimension"];
  label: string;
  value: number | null;
};
export type Contribution = {
  id: string;
  institutionId: string;
  institutionName: string;
  institutionShort: string | null;
  value: number | null;
  approximate: boolean;
  note: string | null;
  /** What a partner's form carries: its save is checked against this, not the value's version. */
  version: number;
  breakdowns: Breakdown[];
};
export type IndicatorValueRow = typeof indicatorValues.$inferSelect;
export type ValueBundle = {
  value: IndicatorValueRow;
  facts: ValueFacts;
  visible: boolean;
  /** When false, the total and other institutions' contributions are withheld from this actor. */
  complete: boolean;
  contributions: Contribution[];
  breakdowns: Breakdown[];
  findings: Finding[];
};

async function goalOfDirections(
  scope: TenantScope,
  directionIds: string[],
): Promise<Map<string, string>> {
  if (directionIds.length === 0) return new Map();
  const rows = await scope.db
    .select({ id: operationalGoals.id, goalId: operationalGoals.strategicGoalId })
    .from(operationalGoals)
    .where(inTenant(scope, operationalGoals, inArray(operationalGoals.id, directionIds)));
  return new Map(rows.map((r) => [r.id, r.goalId]));
}

/** Values of many indicators for one year, keyed by indicator id, filtered for the actor. */
export async function loadValueBundles(opts: {
  scope: TenantScope;
  indicatorIds: string[];
  year: number;
}): Promise<Map<string, ValueBundle>> {
  const { scope, indicatorIds, year } = opts;
  const out = new Map<string, ValueBundle>();
  if (indicatorIds.length === 0) return out;
  const inds = await scope.db
    .select({ id: indicators.id, unit: indicators.unit, directionId: indicators.operationalGoalId })
    .from(indicators)
    .where(inTenant(scope, indicators, inArray(indicators.id, indicatorIds)));
  const goalByDirection = await goalOfDirections(scope, [
    ...new Set(inds.map((i) => i.directionId)),
  ]);
  const values = await scope.db
    .select()
    .from(indicatorValues)
    .where(
      inTenant(
        scope,
        indicatorValues,
        inArray(indicatorValues.indicatorId, indicatorIds),
        eq(indicatorValues.year, year),
      ),
    );
  if (values.length === 0) return out;
  const valueIds = values.map((v) => v.id);
  const [contribs, breakdowns] = await Promise.all([
    scope.db
      .select({ c: indicatorContributions, name: institutions.name, short: institutions.shortName })
      .from(indicatorContributions)
      .innerJoin(institutions, eq(institutions.id, indicatorContributions.institutionId))
      .where(
        inTenant(scope, indicatorContributions, inArray(indicatorContributions.valueId, valueIds)),
      )
      .orderBy(asc(indicatorContributions.position)),
    scope.db
      .select()
      .from(indicatorBreakdowns)
      .where(inTenant(scope, indicatorBreakdowns, inArray(indicatorBreakdowns.valueId, valueIds)))
      .orderBy(asc(indicatorBreakdowns.position)),
  ]);
  const indById = new Map(inds.map((i) => [i.id, i]));
  for (const value of values) {
    const ind = indById.get(value.indicatorId)!;
    const own = contribs.filter((c) => c.c.valueId === value.id);
    const facts: ValueFacts = {
      goalId: goalByDirection.get(ind.directionId)!,
      contributorIds: own.map((c) => c.c.institutionId),
      published: value.published,
    };
    const visible = canViewIndicatorValue(scope.actor, facts);
    const shown = own.filter((c) => canViewContribution(scope.actor, facts, c.c.institutionId));
    const complete = shown.length === own.length;
    const toBreakdown = (b: typeof indicatorBreakdowns.$inferSelect): Breakdown => ({
      dimension: b.dimension as Breakdown["dimension"],
      label: b.label,
      value: b.value,
    });
    const contributions: Contribution[] = shown.map(({ c, name, short }) => ({
      id: c.id,
      institutionId: c.institutionId,
      institutionName: name,
      institutionShort: short,
      value: c.value,
      approximate: c.approximate,
      note: c.note,
      version: c.version,
      breakdowns: breakdowns.filter((b) => b.contributionId === c.id).map(toBreakdown),
    }));
    const totalBreakdowns = complete
      ? breakdowns.filter((b) => b.valueId === value.id && !b.contributionId).map(toBreakdown)
      : [];
    const shownValue = complete ? value : { ...value, total: null, remarks: null };
    const findings = visible
      ? checkIndicatorValue({
          unit: ind.unit,
          total: shownValue.total,
          totalReason: complete ? value.totalReason : null,
          approximate: value.approximate,
          contributions: contributions.map((c) => ({
            institution: c.institutionShort ?? c.institutionName,
            value: c.value,
            approximate: c.approximate,
            breakdowns: c.breakdowns,
          })),
          breakdowns: totalBreakdowns,
        })
      : [];
    out.set(value.indicatorId, {
      value: shownValue,
      facts,
      visible,
      complete,
      contributions,
      breakdowns: totalBreakdowns,
      findings,
    });
  }
  return out;
}

export type IndicatorRow = typeof indicators.$inferSelect;

export async function getIndicatorValue(opts: {
  scope: TenantScope;
  indicatorId: string;
  year: number;
}) {
  const { scope, indicatorId, year } = opts;
  const indicator = await findInTenant(scope, indicators, indicatorId);
  const direction = await findInTenant(scope, operationalGoals, indicator.operationalGoalId);
  const goal = await findInTenant(scope, strategicGoals, direction.strategicGoalId);
  const bundles = await loadValueBundles({ scope, indicatorIds: [indicatorId], year });
  const previous = await loadValueBundles({ scope, indicatorIds: [indicatorId], year: year - 1 });
  const bundle = bundles.get(indicatorId) ?? null;
  if (bundle) authorize(bundle.visible, { hide: true });
  const prev = previous.get(indicatorId);
  return {
    indicator,
    direction,
    goal,
    bundle,
    previousTotal: prev?.visible && prev.complete ? prev.value.total : null,
    canEditValue: canEditIndicatorValue(scope.actor, { goalId: goal.id }),
  };
}

export type ContributionInput = {
  institutionId: string;
  value: number | null;
  approximate: boolean;
  note: string | null;
};

export type SaveValueInput = {
  scope: TenantScope;
  indicatorId: string;
  year: number;
  /** The version the form was based on; null when the value did not exist yet. */
  expectedVersion: number | null;
  total?: number | null;
  /** Why an explicit total differs from the sum of contributions (coordinators only). */
  totalReason?: string | null;
  approximate?: boolean;
  remarks?: string | null;
  contributions: ContributionInput[];
  /**
   * When given, replaces the breakdowns the actor may edit: of the total (institutionId null,
   * managers only) and of contributions (their institution's own, for a partner).
   */
  breakdowns?: BreakdownRowInput[];
  /**
   * A partner's save of its own institution's contribution, based on the version of that
   * contribution the form showed (null: the institution had not reported yet). When given, the
   * value's version is not checked: another institution's save in between is no conflict,
   * another save of the same contribution is. See docs/decisions/018.
   */
  expectedContributionVersion?: number | null;
};

export type BreakdownRowInput = Breakdown & { institutionId: string | null };

/** The value with its contributions and breakdowns, as stored in the audit trail. */
async function valueSnapshot(scope: TenantScope, v: IndicatorValueRow) {
  const contribs = await scope.db
    .select()
    .from(indicatorContributions)
    .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, v.id)));
  const parts = await scope.db
    .select()
    .from(indicatorBreakdowns)
    .where(inTenant(scope, indicatorBreakdowns, eq(indicatorBreakdowns.valueId, v.id)))
    .orderBy(asc(indicatorBreakdowns.position));
  const institutionOf = new Map(contribs.map((c) => [c.id, c.institutionId]));
  return {
    total: v.total,
    totalReason: v.totalReason,
    approximate: v.approximate,
    remarks: v.remarks,
    published: v.published,
    contributions: Object.fromEntries(
      contribs.map((c) => [
        c.institutionId,
        // The version lets a contribution-level conflict find the saves since the user's read.
        { value: c.value, approximate: c.approximate, note: c.note, version: c.version },
      ]),
    ),
    breakdowns: parts.map((b) => ({
      institutionId: b.contributionId ? (institutionOf.get(b.contributionId) ?? null) : null,
      dimension: b.dimension,
      label: b.label,
      value: b.value,
    })),
  };
}

/**
 * Save a value and contributions. Managers save everything; a partner saves only the
 * contribution of their own institution (other rows in the input are refused).
 */
export async function saveIndicatorValue(input: SaveValueInput): Promise<IndicatorValueRow> {
  return inTransaction(input.scope, async (scope) => {
    const indicator = await findInTenant(scope, indicators, input.indicatorId);
    const direction = await findInTenant(scope, operationalGoals, indicator.operationalGoalId);
    const goalId = direction.strategicGoalId;
    const canEditAll = canEditIndicatorValue(scope.actor, { goalId });
    for (const c of input.contributions) {
      // Checks the institution belongs to this tenant, and the actor may write its row.
      await findInTenant(scope, institutions, c.institutionId);
      authorize(canEditContribution(scope.actor, { goalId }, c.institutionId));
    }
    const [existing] = await scope.db
      .select()
      .from(indicatorValues)
      .where(
        inTenant(
          scope,
          indicatorValues,
          eq(indicatorValues.indicatorId, indicator.id),
          eq(indicatorValues.year, input.year),
        ),
      )
      .for("update");
    let value: IndicatorValueRow;
    let before: Awaited<ReturnType<typeof valueSnapshot>> | null = null;
    if (!canEditAll) {
      // A partner adds nothing new: only the value its institution already reports (or reported
      // last year), a first value of an indicator of a project its institution carries out, or
      // what a round assigns.
      authorize(await partnerMayReport(scope, indicator, existing ?? null, input.year), {
        hide: true,
      });
      const own = scope.actor.membership?.institutionId;
      if (own) {
        await assertNotLockedForPartner({
          scope,
          kind: "contribution",
          targetId: indicator.id,
          year: input.year,
          institutionId: own,
        });
      }
      if (input.expectedContributionVersion !== undefined) {
        return saveOwnContribution(scope, { ...input, goalId, existing: existing ?? null });
      }
    }
    if (!existing) {
      authorize(canEditAll || input.contributions.length > 0);
      if (input.expectedVersion !== null) {
        throw new ConflictError({ changes: [], by: "inny użytkownik", at: null, current: {} });
      }
      const [row] = await scope.db
        .insert(indicatorValues)
        .values({
          tenantId: scope.tenant.id,
          indicatorId: indicator.id,
          year: input.year,
          total: canEditAll ? (input.total ?? null) : null,
          totalReason: canEditAll ? (input.totalReason ?? null) : null,
          approximate: canEditAll ? (input.approximate ?? false) : false,
          remarks: canEditAll ? (input.remarks ?? null) : null,
          updatedBy: scope.actor.userId,
        })
        .returning()
        .catch(conflictOnDuplicate);
      value = row!;
    } else {
      before = await valueSnapshot(scope, existing);
      if (existing.version !== input.expectedVersion) {
        const conflict = await conflictSince(
          scope,
          "indicator_value",
          existing.id,
          input.expectedVersion ?? 0,
          {
            ...before,
            version: existing.version,
          },
        );
        throw canEditAll
          ? conflict
          : redactConflict(conflict, scope.actor.membership?.institutionId ?? null);
      }
      const [row] = await scope.db
        .update(indicatorValues)
        .set({
          ...(canEditAll
            ? {
                total: input.total ?? null,
                totalReason: input.totalReason ?? null,
                approximate: input.approximate ?? false,
                remarks: input.remarks ?? null,
              }
            : {}),
          version: sql`${indicatorValues.version} + 1`,
          updatedAt: new Date(),
          updatedBy: scope.actor.userId,
        })
        .where(
          inTenant(
            scope,
            indicatorValues,
            eq(indicatorValues.id, existing.id),
            eq(indicatorValues.version, existing.version),
          ),
        )
        .returning();
      value = row!;
    }
    // Contributions are updated in place so their own breakdowns ("w tym") survive.
    const stored = await scope.db
      .select()
      .from(indicatorContributions)
      .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, value.id)));
    for (const [i, c] of input.contributions.entries()) {
      const hit = stored.find((s) => s.institutionId === c.institutionId);
      if (hit) {
        if (hit.value === c.value && hit.approximate === c.approximate && hit.note === c.note) {
          // Unchanged rows keep their version: a partner editing it meanwhile is not refused.
          continue;
        }
        await scope.db
          .update(indicatorContributions)
          .set({
            value: c.value,
            approximate: c.approximate,
            note: c.note,
            version: sql`${indicatorContributions.version} + 1`,
          })
          .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.id, hit.id)));
      } else {
        await scope.db.insert(indicatorContributions).values({
          tenantId: scope.tenant.id,
          valueId: value.id,
          institutionId: c.institutionId,
          value: c.value,
          approximate: c.approximate,
          note: c.note,
          position: stored.length + i,
        });
      }
    }
    if (input.breakdowns) await replaceBreakdowns(scope, value.id, goalId, input.breakdowns);
    await recordChange(scope, {
      entityType: "indicator_value",
      entityId: value.id,
      action: existing ? "update" : "create",
      before,
      after: await valueSnapshot(scope, value),
      entityVersion: value.version,
    });
    return value;
  });
}

/**
 * A partner's save of its own contribution: serialised with every other save of the value by
 * the lock its version bump takes, but checked only against the contribution's own version.
 */
async function saveOwnContribution(
  scope: TenantScope,
  input: SaveValueInput & { goalId: string; existing: IndicatorValueRow | null },
): Promise<IndicatorValueRow> {
  const own = scope.actor.membership?.institutionId ?? null;
  const mine = input.contributions.filter((c) => c.institutionId === own);
  // canEditContribution has already refused other institutions' rows.
  authorize(!!own && mine.length === 1 && input.contributions.length === 1);
  const contribution = mine[0]!;
  const expected = input.expectedContributionVersion ?? null;
  let value: IndicatorValueRow;
  let created = false;
  if (!input.existing) {
    // Two institutions' first reports of a new value: both join the same row.
    const [row] = await scope.db
      .insert(indicatorValues)
      .values({
        tenantId: scope.tenant.id,
        indicatorId: input.indicatorId,
        year: input.year,
        updatedBy: scope.actor.userId,
      })
      .onConflictDoNothing({ target: [indicatorValues.indicatorId, indicatorValues.year] })
      .returning();
    if (row) {
      value = row;
      created = true;
    }
  }
  if (!created) {
    // Bumping the value's version (without checking it) tells a coordinator's form that a
    // contribution changed, and locks the value until commit, so the snapshots are consistent.
    const [row] = await scope.db
      .update(indicatorValues)
      .set({
        version: sql`${indicatorValues.version} + 1`,
        updatedAt: new Date(),
        updatedBy: scope.actor.userId,
      })
      .where(
        inTenant(
          scope,
          indicatorValues,
          eq(indicatorValues.indicatorId, input.indicatorId),
          eq(indicatorValues.year, input.year),
        ),
      )
      .returning();
    value = row!;
  }
  const before = created ? null : await valueSnapshot(scope, value!);
  const [stored] = await scope.db
    .select()
    .from(indicatorContributions)
    .where(
      inTenant(
        scope,
        indicatorContributions,
        eq(indicatorContributions.valueId, value!.id),
        eq(indicatorContributions.institutionId, own!),
      ),
    );
  if ((stored?.version ?? null) !== expected) {
    throw await contributionConflict(scope, value!, own!, expected, stored ?? null);
  }
  if (stored) {
    await scope.db
      .update(indicatorContributions)
      .set({
        value: contribution.value,
        approximate: contribution.approximate,
        note: contribution.note,
        version: sql`${indicatorContributions.version} + 1`,
      })
      .where(
        inTenant(
          scope,
          indicatorContributions,
          eq(indicatorContributions.id, stored.id),
          eq(indicatorContributions.version, stored.version),
        ),
      );
  } else {
    const [{ n } = { n: 0 }] = await scope.db
      .select({ n: sql<number>`count(*)::int` })
      .from(indicatorContributions)
      .where(
        inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, value!.id)),
      );
    await scope.db
      .insert(indicatorContributions)
      .values({
        tenantId: scope.tenant.id,
        valueId: value!.id,
        institutionId: own!,
        value: contribution.value,
        approximate: contribution.approximate,
        note: contribution.note,
        position: n,
      })
      .catch(conflictOnDuplicate);
  }
  if (input.breakdowns) await replaceBreakdowns(scope, value!.id, input.goalId, input.breakdowns);
  await recordChange(scope, {
    entityType: "indicator_value",
    entityId: value!.id,
    action: created ? "create" : "update",
    before,
    after: await valueSnapshot(scope, value!),
    entityVersion: value!.version,
  });
  return value!;
}

type ContributionState = { value: number | null; version?: number } & Record<string, unknown>;

/** Who saved this institution's contribution after the version the user's form showed. */
async function contributionConflict(
  scope: TenantScope,
  value: IndicatorValueRow,
  institutionId: string,
  expected: number | null,
  stored: typeof indicatorContributions.$inferSelect | null,
): Promise<ConflictError> {
  const entries = await listHistory({
    scope,
    entityType: "indicator_value",
    entityIds: [value.id],
    limit: 50,
  });
  const ownOf = (v: unknown) =>
    ((v as Record<string, ContributionState> | null) ?? {})[institutionId] ?? null;
  // Newest first: keep the entries that changed this contribution past the user's version.
  const since = entries.filter((e) =>
    e.changes.some((c) => {
      if (c.field !== "contributions") return false;
      const after = ownOf(c.after);
      return (
        JSON.stringify(ownOf(c.before)) !== JSON.stringify(after) &&
        (after?.version ?? Number.MAX_SAFE_INTEGER) > (expected ?? 0)
      );
    }),
  );
  const current = stored
    ? { value: stored.value, approximate: stored.approximate, note: stored.note }
    : null;
  const oldest = since.at(-1)?.changes.find((c) => c.field === "contributions");
  return new ConflictError({
    by: since[0]?.userName ?? "inny użytkownik",
    at: since[0]?.at ?? null,
    changes: [
      {
        field: "contributions",
        before: { [institutionId]: oldest ? ownOf(oldest.before) : null },
        after: { [institutionId]: current },
      },
    ],
    current: {
      contributions: { [institutionId]: current },
      version: value.version,
      contributionVersion: stored?.version ?? null,
    },
  });
}

async function replaceBreakdowns(
  scope: TenantScope,
  valueId: string,
  goalId: string,
  rows: BreakdownRowInput[],
) {
  const canEditAll = canEditIndicatorValue(scope.actor, { goalId });
  const contribs = await scope.db
    .select()
    .from(indicatorContributions)
    .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.valueId, valueId)));
  const contributionOf = new Map(contribs.map((c) => [c.institutionId, c.id]));
  for (const row of rows) {
    if (row.institutionId === null) authorize(canEditAll);
    else {
      authorize(canEditContribution(scope.actor, { goalId }, row.institutionId));
      if (!contributionOf.has(row.institutionId)) {
        throw new UserInputError(
          "Podział dotyczy instytucji, która nie przekazała wartości. Najpierw wpisz jej wartość.",
        );
      }
    }
  }
  // Replace only what this actor may edit: everything for a manager, their own rows for a partner.
  const own = scope.actor.membership?.institutionId;
  const editable = canEditAll ? null : own ? contributionOf.get(own) : undefined;
  if (editable === undefined) return;
  await scope.db
    .delete(indicatorBreakdowns)
    .where(
      inTenant(
        scope,
        indicatorBreakdowns,
        eq(indicatorBreakdowns.valueId, valueId),
        editable === null ? undefined : eq(indicatorBreakdowns.contributionId, editable),
      ),
    );
  for (const [i, row] of rows.entries()) {
    await scope.db.insert(indicatorBreakdowns).values({
      tenantId: scope.tenant.id,
      valueId,
      contributionId: row.institutionId ? contributionOf.get(row.institutionId)! : null,
      dimension: row.dimension,
      label: row.label,
      value: row.value,
      position: i,
    });
  }
}

/** Whether a partner's institution may report this value (see saveIndicatorValue). */
async function partnerMayReport(
  scope: TenantScope,
  indicator: typeof indicators.$inferSelect,
  existing: IndicatorValueRow | null,
  year: number,
): Promise<boolean> {
  const own = scope.actor.membership?.institutionId;
  if (!own) return false;
  if (
    await isAssigned({
      scope,
      kind: "contribution",
      targetId: indicator.id,
      year,
      institutionId: own,
    })
  )
    return true;
  if (existing) {
    const [row] = await scope.db
      .select({ id: indicatorContributions.id })
      .from(indicatorContributions)
      .where(
        inTenant(
          scope,
          indicatorContributions,
          eq(indicatorContributions.valueId, existing.id),
          eq(indicatorContributions.institutionId, own),
        ),
      );
    if (row) return true;
  }
  // Where a round covers the indicator this year, its assignments decide who reports.
  if (await isInRound({ scope, kind: "contribution", targetId: indicator.id, year })) return false;
  // Outside a round an institution may report again what it reported the year before.
  const [lastYear] = await scope.db
    .select({ id: indicatorContributions.id })
    .from(indicatorContributions)
    .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorContributions.valueId))
    .where(
      inTenant(
        scope,
        indicatorContributions,
        eq(indicatorValues.indicatorId, indicator.id),
        eq(indicatorValues.year, year - 1),
        eq(indicatorContributions.institutionId, own),
      ),
    );
  if (lastYear) return true;
  if (existing) return false;
  if (!indicator.projectId) return false;
  const [link] = await scope.db
    .select({ id: projectInstitutions.institutionId })
    .from(projectInstitutions)
    .where(
      inTenant(
        scope,
        projectInstitutions,
        eq(projectInstitutions.projectId, indicator.projectId),
        eq(projectInstitutions.institutionId, own),
      ),
    );
  return !!link;
}

/** A partner sees, in a conflict, only what it may see of the value: its own contribution. */
function redactConflict(conflict: ConflictError, own: string | null): ConflictError {
  const keep = (v: unknown) => {
    if (!v || typeof v !== "object") return v;
    const entry = own ? (v as Record<string, unknown>)[own] : undefined;
    return own && entry !== undefined ? { [own]: entry } : {};
  };
  const current = conflict.current as { contributions?: unknown; version?: number };
  return new ConflictError({
    by: conflict.by,
    at: conflict.at,
    changes: conflict.changes
      .filter((c) => c.field === "contributions")
      .map((c) => ({ field: c.field, before: keep(c.before), after: keep(c.after) })),
    current: { contributions: keep(current.contributions), version: current.version },
  });
}

/** Whether the actor may open the entry form of this value (managers, or a reporting partner). */
export async function mayEnterValue(opts: {
  scope: TenantScope;
  indicatorId: string;
  year: number;
}): Promise<boolean> {
  const { scope } = opts;
  const indicator = await findInTenant(scope, indicators, opts.indicatorId);
  const direction = await findInTenant(scope, operationalGoals, indicator.operationalGoalId);
  if (canEditIndicatorValue(scope.actor, { goalId: direction.strategicGoalId })) return true;
  const [existing] = await scope.db
    .select()
    .from(indicatorValues)
    .where(
      inTenant(
        scope,
        indicatorValues,
        eq(indicatorValues.indicatorId, indicator.id),
        eq(indicatorValues.year, opts.year),
      ),
    );
  return partnerMayReport(scope, indicator, existing ?? null, opts.year);
}
