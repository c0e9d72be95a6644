// Database → report data. Reads one document's tree for one year through the tenant scope,
// applies the same policies as the pages (a card or value the reader may not open is not in
// the report), and collects the validation findings nobody has acknowledged yet.
//
// The caller has already checked that the reader may see the strategy and found the document
// (the report page, the CLI, generateReport): this function neither repeats the check nor the
// lookup, it takes the document row.
import { eq, inArray } from "drizzle-orm";
import { institutions, projectInstitutions, tenants } from "../../db/schema.ts";
import {
  authorize,
  canReportUnpublished,
  canViewProjectCard,
  canViewStrategy,
} from "../../policies/index.ts";
import { readBudgetsWithParts } from "../budgets.ts";
import {
  getDocument,
  listLinkedDocuments,
  listReportingYears,
  type PlanDocument,
} from "../documents.ts";
import { listAcknowledgements } from "../findings.ts";
import { loadValueBundles, type ValueBundle } from "../indicator-values/index.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { readCardsOfYear, readDocumentStructure } from "../strategy-tree.ts";
import { assembleGoals, type ReportRows } from "./assemble.ts";
import { documentThresholds } from "../analytics/target-status.ts";
import type { ReportData } from "./types.ts";

/** How many earlier years a chart goes back. */
const HISTORY_YEARS = 10;

/**
 * The document a report is made of, for a reader who may see the strategy (else not found):
 * the one check and lookup before loadReportData, for callers that have not made them.
 */
export async function openReportDocument(opts: {
  scope: TenantScope;
  documentId: string;
}): Promise<PlanDocument> {
  authorize(canViewStrategy(opts.scope.actor), { hide: true });
  return getDocument({ scope: opts.scope, idOrSlug: opts.documentId });
}

/**
 * The tenant's data version as it is now, not as the scope was made with: every audited write
 * bumps it (decision 007), so the report cache (decision 048) keys on it. One indexed row.
 */
export async function readDataVersion(opts: { scope: TenantScope }): Promise<number> {
  const [row] = await opts.scope.db
    .select({ dataVersion: tenants.dataVersion })
    .from(tenants)
    .where(eq(tenants.id, opts.scope.tenant.id));
  return row?.dataVersion ?? 0;
}

/** openReportDocument, then loadReportData: for the CLI, the benchmark and the tests. */
export async function readReportData(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  publishedOnly?: boolean;
}): Promise<ReportData> {
  const document = await openReportDocument(opts);
  return loadReportData({ ...opts, document });
}

export async function loadReportData(opts: {
  scope: TenantScope;
  /** The document, already found and checked by the caller (getDocument after canViewStrategy). */
  document: PlanDocument;
  year: number;
  /** Leave out unpublished cards and values even if the reader may see them. */
  publishedOnly?: boolean;
}): Promise<ReportData> {
  const { scope, year, document } = opts;
  const publishedOnly = opts.publishedOnly === true || !canReportUnpublished(scope.actor);
  const [tenantRow] = await scope.db
    .select({ welfareCentreName: tenants.welfareCentreName })
    .from(tenants)
    .where(eq(tenants.id, scope.tenant.id));
  const structure = await readDocumentStructure({ scope, documentId: document.id });
  const projectIds = structure.projects.map((p) => p.id);
  const indicatorIds = structure.indicators.map((i) => i.id);
  // A report prints reported years only: the demo's generated ones (decision 054) stay out.
  const historyYears = (await listReportingYears({ scope, documentId: document.id }))
    .filter((y) => y < year && !document.exampleYears.includes(y))
    .slice(0, HISTORY_YEARS - 1);

  const [cards, links, budgetRead, bundlesByYear, linked] = await Promise.all([
    readCardsOfYear({ scope, projectIds, year }),
    readProjectInstitutions(scope, projectIds),
    readBudgetsWithParts({ scope, projectIds, year }),
    Promise.all(
      [year, ...historyYears].map(
        async (y) => [y, await loadValueBundles({ scope, indicatorIds, year: y })] as const,
      ),
    ),
    listLinkedDocuments({ scope, documentId: document.id }),
  ]);

  const bundles = new Map(bundlesByYear.find(([y]) => y === year)?.[1] ?? []);
  const shownBundle = (b: ValueBundle | undefined): ValueBundle | null =>
    b && b.visible && (!publishedOnly || b.value.published) ? b : null;

  const dirGoal = new Map(structure.directions.map((d) => [d.id, d.strategicGoalId]));
  const cardByProject = new Map(cards.map((c) => [c.projectId, c]));
  const visibleCard = new Map<string, (typeof cards)[number]>();
  for (const p of structure.projects) {
    const card = cardByProject.get(p.id);
    if (!card) continue;
    if (publishedOnly && !card.published) continue;
    const allowed = canViewProjectCard(scope.actor, {
      goalId: dirGoal.get(p.operationalGoalId)!,
      institutionIds: links.filter((l) => l.projectId === p.id).map((l) => l.institutionId),
      published: card.published,
    });
    if (allowed) visibleCard.set(p.id, card);
  }

  // Findings of what the report shows, minus those a coordinator has confirmed.
  const shownBudgets = budgetRead.budgets.filter((b) => visibleCard.has(b.projectId));
  const shownValues = structure.indicators
    .map((i) => shownBundle(bundles.get(i.id)))
    .filter((b): b is ValueBundle => b !== null);
  const acks = await listAcknowledgements({
    scope,
    entityIds: [
      ...[...visibleCard.values()].map((c) => c.id),
      ...shownValues.map((b) => b.value.id),
      ...shownBudgets.map((b) => b.id),
    ],
  });

  const rows: ReportRows = {
    year,
    structure,
    cardByProject,
    visibleCard,
    links,
    shownBudgets,
    parts: budgetRead.parts,
    bundlesByYear,
    shownBundle,
    acks,
    thresholds: documentThresholds(document),
    targetYear: document.periodEnd,
  };
  const { goals, nextYear, findings, unpublished } = assembleGoals(rows);

  return {
    municipality: {
      name: scope.tenant.name,
      kind: scope.tenant.kind,
      teryt: scope.tenant.teryt,
      welfareCentreName: tenantRow?.welfareCentreName ?? null,
    },
    document: {
      id: document.id,
      slug: document.slug,
      kind: document.kind,
      title: document.title,
      periodStart: document.periodStart,
      periodEnd: document.periodEnd,
      resolutionNumber: document.resolutionNumber,
      resolutionDate: document.resolutionDate,
    },
    year,
    programs: linked.implementedBy
      .filter((d) => d !== undefined)
      .sort((a, b) => a.title.localeCompare(b.title, "pl"))
      .map((d) => ({
        title: d.title,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        resolutionNumber: d.resolutionNumber,
        resolutionDate: d.resolutionDate,
      })),
    goals,
    nextYear,
    findings,
    unpublished,
    ...(document.exampleYears.includes(year) ? { exampleYear: true as const } : {}),
  };
}

/** The institutions of the projects, with their names (the report prints them). */
async function readProjectInstitutions(scope: TenantScope, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return scope.db
    .select({
      projectId: projectInstitutions.projectId,
      institutionId: projectInstitutions.institutionId,
      role: projectInstitutions.role,
      name: institutions.name,
      shortName: institutions.shortName,
    })
    .from(projectInstitutions)
    .innerJoin(institutions, eq(institutions.id, projectInstitutions.institutionId))
    .where(
      inTenant(scope, projectInstitutions, inArray(projectInstitutions.projectId, projectIds)),
    );
}
