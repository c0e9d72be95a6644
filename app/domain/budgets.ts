// A project's budget by funding source: for one year, or (year null) for the whole project.
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import {
  budgetParts,
  budgets,
  operationalGoals,
  projectInstitutions,
  projects,
} from "../db/schema.ts";
import { authorize, canEditProjectCard } from "../policies/index.ts";
import { diff, recordChange } from "./audit.ts";
import { formatMoney, formatPercent } from "../format/polish-numbers.ts";
import { ConflictError } from "./errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import {
  bumpVersion,
  conflictSince,
  conflictOnDuplicate,
  unlessUnchanged,
} from "./versioned-update.ts";

export type BudgetPartInput = {
  sourceKind: string;
  sourceLabel: string;
  amount: number | null;
  percent: number | null;
};

/**
 * The budgets of the projects that apply to a year — that year's and the whole-period ones (year
 * null) — with their parts in order. No authorization: callers show only what the reader may see.
 */
export async function readBudgetsWithParts(opts: {
  scope: TenantScope;
  projectIds: string[];
  year: number;
}) {
  const { scope, projectIds, year } = opts;
  const rows = projectIds.length
    ? await scope.db
        .select()
        .from(budgets)
        .where(
          inTenant(
            scope,
            budgets,
            inArray(budgets.projectId, projectIds),
            or(isNull(budgets.year), eq(budgets.year, year)),
          ),
        )
    : [];
  const parts = rows.length
    ? await scope.db
        .select()
        .from(budgetParts)
        .where(
          inTenant(
            scope,
            budgetParts,
            inArray(
              budgetParts.budgetId,
              rows.map((b) => b.id),
            ),
          ),
        )
        .orderBy(asc(budgetParts.position))
    : [];
  return { budgets: rows, parts };
}

async function snapshot(scope: TenantScope, budget: typeof budgets.$inferSelect) {
  const parts = await scope.db
    .select()
    .from(budgetParts)
    .where(inTenant(scope, budgetParts, eq(budgetParts.budgetId, budget.id)))
    .orderBy(asc(budgetParts.position));
  return {
    year: budget.year,
    total: budget.total,
    parts: parts.map(
      (p) =>
        `${p.sourceLabel}: ${p.amount !== null ? formatMoney(p.amount) : "—"}${p.percent !== null ? ` (${formatPercent(p.percent)})` : ""}`,
    ),
  };
}

export async function saveBudget(opts: {
  scope: TenantScope;
  projectId: string;
  year: number | null;
  expectedVersion: number | null;
  total: number | null;
  parts: BudgetPartInput[];
}) {
  return unlessUnchanged<typeof budgets.$inferSelect | null>((nothingChanged) =>
    inTransaction(opts.scope, async (scope) => {
      const project = await findInTenant(scope, projects, opts.projectId);
      const direction = await findInTenant(scope, operationalGoals, project.operationalGoalId);
      const links = await scope.db
        .select()
        .from(projectInstitutions)
        .where(inTenant(scope, projectInstitutions, eq(projectInstitutions.projectId, project.id)));
      authorize(
        canEditProjectCard(scope.actor, {
          goalId: direction.strategicGoalId,
          institutionIds: links.map((l) => l.institutionId),
        }),
      );
      const [existing] = await scope.db
        .select()
        .from(budgets)
        .where(
          and(
            inTenant(scope, budgets, eq(budgets.projectId, project.id)),
            opts.year === null ? isNull(budgets.year) : eq(budgets.year, opts.year),
          ),
        )
        .for("update");
      let budget: typeof budgets.$inferSelect;
      let before = null;
      if (existing) {
        before = await snapshot(scope, existing);
        if (existing.version !== opts.expectedVersion) {
          throw await conflictSince(scope, "budget", existing.id, opts.expectedVersion ?? 0, {
            ...before,
            version: existing.version,
          });
        }
        const [row] = await bumpVersion({
          scope,
          table: budgets,
          where: eq(budgets.id, existing.id),
          expectedVersion: existing.version,
          values: { total: opts.total },
        });
        budget = row!;
        await scope.db
          .delete(budgetParts)
          .where(inTenant(scope, budgetParts, eq(budgetParts.budgetId, budget.id)));
      } else {
        if (opts.expectedVersion !== null)
          throw new ConflictError({ changes: [], by: "inny użytkownik", at: null, current: {} });
        // An empty form sent for a project without a budget creates nothing.
        if (opts.total === null && opts.parts.length === 0) return null;
        const [row] = await scope.db
          .insert(budgets)
          .values({
            tenantId: scope.tenant.id,
            projectId: project.id,
            year: opts.year,
            total: opts.total,
          })
          .returning()
          .catch(conflictOnDuplicate);
        budget = row!;
      }
      for (const [i, p] of opts.parts.entries()) {
        await scope.db
          .insert(budgetParts)
          .values({ ...p, tenantId: scope.tenant.id, budgetId: budget.id, position: i });
      }
      const after = await snapshot(scope, budget);
      if (existing && diff(before, after).length === 0) nothingChanged(existing);
      await recordChange(scope, {
        entityType: "budget",
        entityId: budget.id,
        action: existing ? "update" : "create",
        before,
        after,
        entityVersion: budget.version,
      });
      return budget;
    }),
  );
}
