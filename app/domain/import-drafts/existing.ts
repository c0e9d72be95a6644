// What a document already holds, in the shape planImport compares an import against.
import { and, eq, inArray } from "drizzle-orm";
import {
  planDocuments,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  projectCards,
  projects,
  strategicGoals,
} from "../../db/schema.ts";
import { readDocumentLinks } from "../document-links.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { EMPTY_STRUCTURE, type CardSnapshot, type ExistingStructure } from "./plan.ts";

export async function loadExistingStructure(opts: {
  scope: TenantScope;
  documentId: string | null;
  year: number;
}): Promise<ExistingStructure> {
  const { scope, documentId, year } = opts;
  const institutionRows = await scope.db
    .select({ id: institutions.id, name: institutions.name, shortName: institutions.shortName })
    .from(institutions)
    .where(inTenant(scope, institutions));
  const documents = await loadDocuments(scope, documentId);
  if (!documentId) return { ...EMPTY_STRUCTURE, institutions: institutionRows, ...documents };

  const goalRows = await scope.db
    .select()
    .from(strategicGoals)
    .where(inTenant(scope, strategicGoals, eq(strategicGoals.documentId, documentId)));
  const goalIds = goalRows.map((g) => g.id);
  const directionRows = goalIds.length
    ? await scope.db
        .select()
        .from(operationalGoals)
        .where(
          inTenant(scope, operationalGoals, inArray(operationalGoals.strategicGoalId, goalIds)),
        )
    : [];
  const directionIds = directionRows.map((d) => d.id);
  const projectRows = directionIds.length
    ? await scope.db
        .select()
        .from(projects)
        .where(inTenant(scope, projects, inArray(projects.operationalGoalId, directionIds)))
    : [];
  const projectIds = projectRows.map((p) => p.id);
  const cardRows = projectIds.length
    ? await scope.db
        .select()
        .from(projectCards)
        .where(
          inTenant(
            scope,
            projectCards,
            and(inArray(projectCards.projectId, projectIds), eq(projectCards.year, year)),
          ),
        )
    : [];
  const indicatorRows = directionIds.length
    ? await scope.db
        .select()
        .from(indicators)
        .where(inTenant(scope, indicators, inArray(indicators.operationalGoalId, directionIds)))
    : [];
  const indicatorIds = indicatorRows.map((i) => i.id);
  const valueRows = indicatorIds.length
    ? await scope.db
        .select()
        .from(indicatorValues)
        .where(
          inTenant(
            scope,
            indicatorValues,
            and(inArray(indicatorValues.indicatorId, indicatorIds), eq(indicatorValues.year, year)),
          ),
        )
    : [];

  return {
    goals: goalRows.map((g) => ({
      id: g.id,
      code: g.code,
      title: g.title,
      coordinator: [g.coordinatorName, g.coordinatorPosition].filter(Boolean).join(" – ") || null,
    })),
    directions: directionRows.map((d) => ({
      id: d.id,
      goalId: d.strategicGoalId,
      code: d.code,
      title: d.title,
    })),
    projects: projectRows.map((p) => ({
      id: p.id,
      directionId: p.operationalGoalId,
      symbol: p.symbol,
      title: p.title,
    })),
    cards: new Map(
      cardRows.map((c): [string, CardSnapshot] => [
        c.projectId,
        {
          id: c.id,
          status: c.status,
          statusReason: c.statusReason,
          goalText: c.goalText,
          addressees: c.addressees,
          implementers: c.implementers,
          stages: c.stages,
          effects: c.effects,
          funding: c.funding,
          timeframe: c.timeframe,
        },
      ]),
    ),
    indicators: indicatorRows.map((i) => ({
      id: i.id,
      directionId: i.operationalGoalId,
      projectId: i.projectId,
      name: i.name,
      unit: i.unit,
    })),
    values: new Map(
      valueRows.map((v) => [v.indicatorId, { id: v.id, total: v.total, remarks: v.remarks }]),
    ),
    institutions: institutionRows,
    ...documents,
  };
}

/** The municipality's documents (archived ones too: a named program may be an old one). */
async function loadDocuments(scope: TenantScope, documentId: string | null) {
  const documents = await scope.db
    .select({
      id: planDocuments.id,
      slug: planDocuments.slug,
      title: planDocuments.title,
      kind: planDocuments.kind,
      periodStart: planDocuments.periodStart,
      periodEnd: planDocuments.periodEnd,
      resolutionNumber: planDocuments.resolutionNumber,
    })
    .from(planDocuments)
    .where(inTenant(scope, planDocuments));
  // Linked either way, by any relation: the same read as the document's page.
  const links = documentId ? await readDocumentLinks({ scope, documentId }) : null;
  const linked = links
    ? [...links.implements, ...links.implementedBy, ...links.continues, ...links.continuedBy]
    : [];
  return {
    documents,
    documentId,
    linkedDocumentIds: new Set(linked.map((d) => d.id)),
  };
}
