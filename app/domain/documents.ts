import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import {
  documentLinks,
  indicatorValues,
  indicators,
  operationalGoals,
  planDocuments,
  projectCards,
  projects,
  strategicGoals,
} from "../db/schema.ts";
import { findInTenant, inTenant, isUuid, type TenantScope } from "./scope.ts";
import { NotFoundError } from "./errors.ts";

export { DOCUMENT_KIND_LABELS as DOCUMENT_KINDS } from "./value-labels.ts";

export type PlanDocument = typeof planDocuments.$inferSelect;

/** The working list leaves archived documents out (decision 070); `archived: "all"` keeps them. */
export async function listDocuments(opts: {
  scope: TenantScope;
  archived?: "all";
}): Promise<PlanDocument[]> {
  const { scope } = opts;
  return scope.db
    .select()
    .from(planDocuments)
    .where(
      inTenant(
        scope,
        planDocuments,
        opts.archived === "all" ? undefined : isNull(planDocuments.archivedAt),
      ),
    )
    .orderBy(asc(planDocuments.kind), asc(planDocuments.title));
}

/** By id or slug, within the tenant only. */
export async function getDocument(opts: {
  scope: TenantScope;
  idOrSlug: string;
}): Promise<PlanDocument> {
  const { scope, idOrSlug } = opts;
  if (isUuid(idOrSlug)) return findInTenant(scope, planDocuments, idOrSlug);
  const [row] = await scope.db
    .select()
    .from(planDocuments)
    .where(inTenant(scope, planDocuments, eq(planDocuments.slug, idOrSlug)))
    .limit(1);
  if (!row) throw new NotFoundError();
  return row;
}

export async function listLinkedDocuments(opts: {
  scope: TenantScope;
  documentId: string;
}): Promise<{ implementedBy: PlanDocument[]; implements: PlanDocument[] }> {
  const { scope, documentId } = opts;
  // Only "implements": a new period's "continues" link is not a program (document-links.ts).
  const links = await scope.db
    .select()
    .from(documentLinks)
    .where(inTenant(scope, documentLinks, eq(documentLinks.relation, "implements")));
  const ids = links.flatMap((l) => [l.fromDocumentId, l.toDocumentId]);
  const docs = ids.length
    ? await scope.db
        .select()
        .from(planDocuments)
        .where(inTenant(scope, planDocuments, inArray(planDocuments.id, ids)))
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    implementedBy: links
      .filter((l) => l.toDocumentId === documentId)
      .map((l) => byId.get(l.fromDocumentId)!),
    implements: links
      .filter((l) => l.fromDocumentId === documentId)
      .map((l) => byId.get(l.toDocumentId)!),
  };
}

/** Years with any card or value, newest first — the years a report can be made for. */
export async function listReportingYears(opts: {
  scope: TenantScope;
  documentId: string;
}): Promise<number[]> {
  const { scope, documentId } = opts;
  const cardYears = await scope.db
    .selectDistinct({ year: projectCards.year })
    .from(projectCards)
    .innerJoin(projects, eq(projects.id, projectCards.projectId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, projects.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(inTenant(scope, projectCards, eq(strategicGoals.documentId, documentId)));
  const valueYears = await scope.db
    .selectDistinct({ year: indicatorValues.year })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(and(inTenant(scope, indicatorValues), eq(strategicGoals.documentId, documentId)));
  const years = new Set([...cardYears, ...valueYears].map((r) => r.year));
  return [...years].sort((a, b) => b - a);
}
