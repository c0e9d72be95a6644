// The strategy tree of one document for one year: goals → directions → projects and
// indicators, with per-node counts of card statuses and of open validation findings.
import { asc, eq, inArray } from "drizzle-orm";
import {
  indicators,
  operationalGoals,
  planDocuments,
  projectCards,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../db/schema.ts";
import { canViewProjectCard } from "../policies/index.ts";
import { checkProjectCard, type ProjectCardInput } from "./validation/index.ts";
import { loadValueBundles } from "./indicator-values/index.ts";
import { findInTenant, inTenant, type TenantScope } from "./scope.ts";
import {
  documentThresholds,
  hasTarget,
  targetStatus,
  type TargetStatus,
} from "./analytics/target-status.ts";

export type CardStatus = "carried_out" | "not_carried_out" | "reported_elsewhere" | "finished";

export type TreeProject = {
  id: string;
  symbol: string;
  title: string;
  cardStatus: CardStatus | "missing" | "hidden";
  findings: number;
};
export type TreeIndicator = {
  id: string;
  name: string;
  unit: string;
  total: number | null;
  findings: number;
  hasValue: boolean;
  /** The year's status against the target; null when the indicator has no target (053). */
  status: TargetStatus | null;
};
export type TreeDirection = {
  id: string;
  code: string;
  title: string;
  actionLines: string[];
  projects: TreeProject[];
  indicators: TreeIndicator[];
};
export type TreeGoal = {
  id: string;
  code: string;
  title: string;
  coordinatorName: string | null;
  coordinatorPosition: string | null;
  directions: TreeDirection[];
  counts: {
    projects: number;
    /** Carried out or finished. */
    carriedOut: number;
    notCarriedOut: number;
    reportedElsewhere: number;
    missing: number;
    /** Cards the actor may not see: their status is not counted either. */
    hidden: number;
    indicators: number;
    findings: number;
  };
};

/**
 * A document's goals, directions, projects and indicators in their order (position, then code):
 * the rows the tree, the report and the import plan are built from. No authorization: callers
 * decide what of it a reader sees.
 */
export async function readDocumentStructure(opts: { scope: TenantScope; documentId: string }) {
  const { scope, documentId } = opts;
  const goals = await scope.db
    .select()
    .from(strategicGoals)
    .where(inTenant(scope, strategicGoals, eq(strategicGoals.documentId, documentId)))
    .orderBy(asc(strategicGoals.position), asc(strategicGoals.code));
  const directions = goals.length
    ? await scope.db
        .select()
        .from(operationalGoals)
        .where(
          inTenant(
            scope,
            operationalGoals,
            inArray(
              operationalGoals.strategicGoalId,
              goals.map((g) => g.id),
            ),
          ),
        )
        .orderBy(asc(operationalGoals.position), asc(operationalGoals.code))
    : [];
  const dirIds = directions.map((d) => d.id);
  const [projectRows, indicatorRows] = dirIds.length
    ? await Promise.all([
        scope.db
          .select()
          .from(projects)
          .where(inTenant(scope, projects, inArray(projects.operationalGoalId, dirIds)))
          .orderBy(asc(projects.position)),
        scope.db
          .select()
          .from(indicators)
          .where(inTenant(scope, indicators, inArray(indicators.operationalGoalId, dirIds)))
          .orderBy(asc(indicators.position)),
      ])
    : [[], []];
  return { goals, directions, projects: projectRows, indicators: indicatorRows };
}

/** The projects' cards for one year (a project without a card has no row). */
export async function readCardsOfYear(opts: {
  scope: TenantScope;
  projectIds: string[];
  year: number;
}) {
  const { scope, projectIds, year } = opts;
  if (projectIds.length === 0) return [];
  return scope.db
    .select()
    .from(projectCards)
    .where(
      inTenant(
        scope,
        projectCards,
        inArray(projectCards.projectId, projectIds),
        eq(projectCards.year, year),
      ),
    );
}

export async function getStrategyTree(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
}): Promise<TreeGoal[]> {
  const { scope, documentId, year } = opts;
  // The working tree leaves out what is archived (decision 070); reports read it all.
  const structure = await readDocumentStructure({ scope, documentId });
  const goals = structure.goals.filter((g) => !g.archivedAt);
  const directions = structure.directions.filter((d) => !d.archivedAt);
  const projectRows = structure.projects.filter((p) => !p.archivedAt);
  const indicatorRows = structure.indicators.filter((i) => !i.archivedAt);
  if (goals.length === 0) return [];
  const projectIds = projectRows.map((p) => p.id);
  const [doc, cards, links, valueBundles] = await Promise.all([
    findInTenant(scope, planDocuments, documentId),
    readCardsOfYear({ scope, projectIds, year }),
    projectIds.length
      ? scope.db
          .select()
          .from(projectInstitutions)
          .where(
            inTenant(
              scope,
              projectInstitutions,
              inArray(projectInstitutions.projectId, projectIds),
            ),
          )
      : [],
    loadValueBundles({ scope, indicatorIds: indicatorRows.map((i) => i.id), year }),
  ]);
  const cardByProject = new Map(cards.map((c) => [c.projectId, c]));
  const thresholds = documentThresholds(doc);
  const dirGoal = new Map(directions.map((d) => [d.id, d.strategicGoalId]));

  return goals.map((goal) => {
    const counts = {
      projects: 0,
      carriedOut: 0,
      notCarriedOut: 0,
      reportedElsewhere: 0,
      missing: 0,
      hidden: 0,
      indicators: 0,
      findings: 0,
    };
    const dirs: TreeDirection[] = directions
      .filter((d) => d.strategicGoalId === goal.id)
      .map((d) => {
        const ps: TreeProject[] = projectRows
          .filter((p) => p.operationalGoalId === d.id)
          .map((p) => {
            const card = cardByProject.get(p.id);
            const visible = canViewProjectCard(scope.actor, {
              goalId: dirGoal.get(p.operationalGoalId)!,
              institutionIds: links.filter((l) => l.projectId === p.id).map((l) => l.institutionId),
              published: card?.published ?? false,
            });
            const findings =
              card && visible ? checkProjectCard(card as ProjectCardInput).length : 0;
            counts.projects += 1;
            counts.findings += findings;
            if (!card) counts.missing += 1;
            else if (!visible) counts.hidden += 1;
            else if (card.status === "not_carried_out") counts.notCarriedOut += 1;
            else if (card.status === "reported_elsewhere") counts.reportedElsewhere += 1;
            else counts.carriedOut += 1;
            return {
              id: p.id,
              symbol: p.symbol,
              title: p.title,
              cardStatus: !card ? "missing" : visible ? (card.status as CardStatus) : "hidden",
              findings,
            };
          });
        const inds: TreeIndicator[] = indicatorRows
          .filter((i) => i.operationalGoalId === d.id)
          .map((i) => {
            const bundle = valueBundles.get(i.id);
            const findings = bundle?.visible ? bundle.findings.length : 0;
            counts.indicators += 1;
            counts.findings += findings;
            const total = bundle?.visible ? (bundle.value.total ?? null) : null;
            // Judged as the indicator page judges it: the document's threshold and period end.
            const status = hasTarget(i)
              ? targetStatus({ ...i, targetYear: doc.periodEnd, value: total, year }, thresholds)
              : null;
            return {
              id: i.id,
              name: i.name,
              unit: i.unit,
              total,
              findings,
              hasValue: !!bundle,
              status,
            };
          });
        return {
          id: d.id,
          code: d.code,
          title: d.title,
          actionLines: d.actionLines,
          projects: ps,
          indicators: inds,
        };
      });
    return {
      id: goal.id,
      code: goal.code,
      title: goal.title,
      coordinatorName: goal.coordinatorName,
      coordinatorPosition: goal.coordinatorPosition,
      directions: dirs,
      counts,
    };
  });
}
