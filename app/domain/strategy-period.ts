// A new strategy period as a copy of the previous one (decision 061): the goals, directions,
// projects with their institutions, and indicators (names, units, baselines and targets) of a
// document become a new document that "continues" it. No values, cards or budgets are copied —
// those are the new period's to report. One transaction: all of it or nothing.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import {
  indicators,
  operationalGoals,
  planDocuments,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../db/schema.ts";
import { authorize, canEditStrategy } from "../policies/index.ts";
import { recordChanges } from "./audit.ts";
import { linkDocuments } from "./document-links.ts";
import { UserInputError } from "./errors.ts";
import { findInTenant, inTenant, inTransaction, type TenantScope } from "./scope.ts";
import type { DocumentFields } from "./strategy-structure.ts";
import { createDocument } from "./strategy-structure.ts";

export type PeriodCopy = {
  documentId: string;
  slug: string;
  counts: { goals: number; directions: number; projects: number; indicators: number };
};

type Entry = Parameters<typeof recordChanges>[1][number];

export async function startNextPeriod(opts: {
  scope: TenantScope;
  fromDocumentId: string;
  fields: DocumentFields;
}): Promise<PeriodCopy> {
  authorize(canEditStrategy(opts.scope.actor));
  return inTransaction(opts.scope, async (scope) => {
    const previous = await findInTenant(scope, planDocuments, opts.fromDocumentId);
    if (opts.fields.periodStart <= previous.periodStart)
      throw new UserInputError(
        `Nowy okres musi zaczynać się później niż poprzedni (${previous.periodStart}–${previous.periodEnd}).`,
        "periodStart",
      );
    const document = await createDocument({ scope, fields: opts.fields });
    const entries: Entry[] = [];
    const goalIds = await copyGoals(scope, previous.id, document.id, entries);
    const directionIds = await copyDirections(scope, goalIds, entries);
    const projectIds = await copyProjects(scope, directionIds, entries);
    const indicatorCount = await copyIndicators(scope, directionIds, projectIds, entries);
    // Every copy names the document it came from, in the trail as "Skopiowano z dokumentu".
    const source = `${previous.title} (${previous.periodStart}–${previous.periodEnd})`;
    await recordChanges(
      scope,
      entries.map((e) => ({ ...e, after: { ...e.after, copiedFrom: source } })),
    );
    await linkDocuments({
      scope,
      fromDocumentId: document.id,
      toDocumentId: previous.id,
      relation: "continues",
    });
    return {
      documentId: document.id,
      slug: document.slug,
      counts: {
        goals: goalIds.size,
        directions: directionIds.size,
        projects: projectIds.size,
        indicators: indicatorCount,
      },
    };
  });
}

function createdEntry(entityType: Entry["entityType"], row: { id: string }): Entry {
  return { entityType, entityId: row.id, action: "create", before: null, after: { ...row } };
}

/** Old id → new id of the previous document's goals that are not archived. */
async function copyGoals(
  scope: TenantScope,
  fromDocumentId: string,
  toDocumentId: string,
  entries: Entry[],
): Promise<Map<string, string>> {
  const rows = await scope.db
    .select()
    .from(strategicGoals)
    .where(
      inTenant(
        scope,
        strategicGoals,
        and(eq(strategicGoals.documentId, fromDocumentId), isNull(strategicGoals.archivedAt)),
      ),
    )
    .orderBy(asc(strategicGoals.position));
  const ids = new Map<string, string>();
  for (const g of rows) {
    const [row] = await scope.db
      .insert(strategicGoals)
      .values({
        tenantId: scope.tenant.id,
        documentId: toDocumentId,
        code: g.code,
        title: g.title,
        coordinatorName: g.coordinatorName,
        coordinatorPosition: g.coordinatorPosition,
        position: g.position,
      })
      .returning();
    ids.set(g.id, row!.id);
    entries.push(createdEntry("strategic_goal", row!));
  }
  return ids;
}

async function copyDirections(
  scope: TenantScope,
  goalIds: Map<string, string>,
  entries: Entry[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (goalIds.size === 0) return ids;
  const rows = await scope.db
    .select()
    .from(operationalGoals)
    .where(
      inTenant(
        scope,
        operationalGoals,
        inArray(operationalGoals.strategicGoalId, [...goalIds.keys()]),
        isNull(operationalGoals.archivedAt),
      ),
    )
    .orderBy(asc(operationalGoals.position));
  for (const d of rows) {
    const [row] = await scope.db
      .insert(operationalGoals)
      .values({
        tenantId: scope.tenant.id,
        strategicGoalId: goalIds.get(d.strategicGoalId)!,
        code: d.code,
        title: d.title,
        actionLines: d.actionLines,
        position: d.position,
      })
      .returning();
    ids.set(d.id, row!.id);
    entries.push(createdEntry("operational_goal", row!));
  }
  return ids;
}

async function copyProjects(
  scope: TenantScope,
  directionIds: Map<string, string>,
  entries: Entry[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (directionIds.size === 0) return ids;
  const rows = await scope.db
    .select()
    .from(projects)
    .where(
      inTenant(
        scope,
        projects,
        inArray(projects.operationalGoalId, [...directionIds.keys()]),
        isNull(projects.archivedAt),
      ),
    )
    .orderBy(asc(projects.position));
  for (const p of rows) {
    const [row] = await scope.db
      .insert(projects)
      .values({
        tenantId: scope.tenant.id,
        operationalGoalId: directionIds.get(p.operationalGoalId)!,
        symbol: p.symbol,
        title: p.title,
        sinceYear: p.sinceYear,
        position: p.position,
      })
      .returning();
    ids.set(p.id, row!.id);
  }
  const links = ids.size
    ? await scope.db
        .select()
        .from(projectInstitutions)
        .where(
          inTenant(
            scope,
            projectInstitutions,
            inArray(projectInstitutions.projectId, [...ids.keys()]),
          ),
        )
    : [];
  if (links.length)
    await scope.db.insert(projectInstitutions).values(
      links.map((l) => ({
        tenantId: scope.tenant.id,
        projectId: ids.get(l.projectId)!,
        institutionId: l.institutionId,
        role: l.role,
      })),
    );
  for (const p of rows) {
    const institutionIds = links.filter((l) => l.projectId === p.id).map((l) => l.institutionId);
    entries.push({
      ...createdEntry("project", { id: ids.get(p.id)! }),
      after: { symbol: p.symbol, title: p.title, sinceYear: p.sinceYear, institutionIds },
    });
  }
  return ids;
}

async function copyIndicators(
  scope: TenantScope,
  directionIds: Map<string, string>,
  projectIds: Map<string, string>,
  entries: Entry[],
): Promise<number> {
  if (directionIds.size === 0) return 0;
  const rows = await scope.db
    .select()
    .from(indicators)
    .where(
      inTenant(
        scope,
        indicators,
        inArray(indicators.operationalGoalId, [...directionIds.keys()]),
        isNull(indicators.archivedAt),
      ),
    )
    .orderBy(asc(indicators.position));
  // An indicator of an archived (not copied) project stays with the direction.
  for (const i of rows) {
    const [row] = await scope.db
      .insert(indicators)
      .values({
        tenantId: scope.tenant.id,
        operationalGoalId: directionIds.get(i.operationalGoalId)!,
        projectId: i.projectId ? (projectIds.get(i.projectId) ?? null) : null,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        direction: i.direction,
        baseline: i.baseline,
        baselineYear: i.baselineYear,
        target: i.target,
        position: i.position,
      })
      .returning();
    entries.push(createdEntry("indicator", row!));
  }
  return rows.length;
}
