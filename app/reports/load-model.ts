// Database → report data. Reads one document's tree for one year through the tenant scope,
// applies the same policies as the pages (a card or value the reader may not open is not in
// the report), and collects the validation findings nobody has acknowledged yet.
import { asc, eq, inArray, isNull, or } from "drizzle-orm";
import {
  budgetParts,
  budgets,
  indicators,
  institutions,
  operationalGoals,
  projectCards,
  projectInstitutions,
  projects,
  strategicGoals,
  tenants,
} from "../db/schema.ts";
import {
  authorize,
  canReportUnpublished,
  canViewProjectCard,
  canViewStrategy,
} from "../policies/index.ts";
import { getDocument, listLinkedDocuments, listReportingYears } from "../domain/documents.ts";
import { listAcknowledgements, withAcknowledgements } from "../domain/findings.ts";
import { loadValueBundles, type ValueBundle } from "../domain/indicator-values.ts";
import { inTenant, type TenantScope } from "../domain/scope.ts";
import {
  checkBudget,
  checkProjectCard,
  type Finding,
  type ProjectCardInput,
} from "../domain/validation/index.ts";
import type {
  NextYearEntry,
  ReportBudget,
  ReportCard,
  ReportData,
  ReportFinding,
  ReportIndicator,
  ReportValue,
} from "./model.ts";

/** How many earlier years a chart goes back. */
const HISTORY_YEARS = 10;

export async function loadReportData(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
  /** Leave out unpublished cards and values even if the reader may see them. */
  publishedOnly?: boolean;
}): Promise<ReportData> {
  const { scope, year } = opts;
  authorize(canViewStrategy(scope.actor), { hide: true });
  const publishedOnly = opts.publishedOnly === true || !canReportUnpublished(scope.actor);
  const document = await getDocument({ scope, idOrSlug: opts.documentId });
  const [tenantRow] = await scope.db
    .select({ welfareCentreName: tenants.welfareCentreName })
    .from(tenants)
    .where(eq(tenants.id, scope.tenant.id));

  const goals = await scope.db
    .select()
    .from(strategicGoals)
    .where(inTenant(scope, strategicGoals, eq(strategicGoals.documentId, document.id)))
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
  const projectIds = projectRows.map((p) => p.id);
  const indicatorIds = indicatorRows.map((i) => i.id);
  const historyYears = (await listReportingYears({ scope, documentId: document.id }))
    .filter((y) => y < year)
    .slice(0, HISTORY_YEARS - 1);

  const [cards, links, budgetRows, bundlesByYear, linked] = await Promise.all([
    projectIds.length
      ? scope.db
          .select()
          .from(projectCards)
          .where(
            inTenant(
              scope,
              projectCards,
              inArray(projectCards.projectId, projectIds),
              eq(projectCards.year, year),
            ),
          )
      : [],
    projectIds.length
      ? scope.db
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
            inTenant(
              scope,
              projectInstitutions,
              inArray(projectInstitutions.projectId, projectIds),
            ),
          )
      : [],
    projectIds.length
      ? scope.db
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
      : [],
    Promise.all(
      [year, ...historyYears].map(
        async (y) => [y, await loadValueBundles({ scope, indicatorIds, year: y })] as const,
      ),
    ),
    listLinkedDocuments({ scope, documentId: document.id }),
  ]);
  const parts = budgetRows.length
    ? await scope.db
        .select()
        .from(budgetParts)
        .where(
          inTenant(
            scope,
            budgetParts,
            inArray(
              budgetParts.budgetId,
              budgetRows.map((b) => b.id),
            ),
          ),
        )
        .orderBy(asc(budgetParts.position))
    : [];

  const bundles = new Map(bundlesByYear.find(([y]) => y === year)?.[1] ?? []);
  const shownBundle = (b: ValueBundle | undefined): ValueBundle | null =>
    b && b.visible && (!publishedOnly || b.value.published) ? b : null;

  const dirGoal = new Map(directions.map((d) => [d.id, d.strategicGoalId]));
  const cardByProject = new Map(cards.map((c) => [c.projectId, c]));
  const visibleCard = new Map<string, (typeof cards)[number]>();
  for (const p of projectRows) {
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
  const shownBudgets = budgetRows.filter((b) => visibleCard.has(b.projectId));
  const shownValues = indicatorRows
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
  const open = (entityId: string, findings: Finding[]) =>
    withAcknowledgements(findings, acks.get(entityId)).filter((f) => !f.acknowledged);
  const findings: ReportFinding[] = [];
  let unpublished = 0;

  const partsOf = (budgetId: string) => parts.filter((p) => p.budgetId === budgetId);
  const budgetsOf = (projectId: string, subject: string): ReportBudget[] =>
    shownBudgets
      .filter((b) => b.projectId === projectId)
      .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
      .map((b) => {
        const ps = partsOf(b.id).map((p) => ({
          label: p.sourceLabel,
          amount: p.amount,
          percent: p.percent,
        }));
        for (const f of open(b.id, checkBudget({ total: b.total, parts: ps }))) {
          findings.push({
            subject: `${subject} — budżet`,
            severity: f.severity,
            message: f.message,
          });
        }
        return { year: b.year, total: b.total, parts: ps };
      });

  const indicatorOf = (i: (typeof indicatorRows)[number], subject: string): ReportIndicator => {
    const bundle = shownBundle(bundles.get(i.id));
    let value: ReportValue | null = null;
    if (bundle) {
      if (!bundle.value.published) unpublished += 1;
      for (const f of open(bundle.value.id, bundle.findings)) {
        findings.push({
          subject: `${subject} — wskaźnik „${i.name}”`,
          severity: f.severity,
          message: f.message,
        });
      }
      value = {
        total: bundle.complete ? bundle.value.total : null,
        approximate: bundle.value.approximate,
        remarks: bundle.value.remarks,
        published: bundle.value.published,
        contributions: bundle.contributions.map((c) => ({
          institution: c.institutionShort ?? c.institutionName,
          value: c.value,
          approximate: c.approximate,
          note: c.note,
          parts: c.breakdowns,
        })),
        parts: bundle.breakdowns,
      };
    }
    const history = bundlesByYear
      .map(([y, map]) => {
        const b = shownBundle(map.get(i.id));
        return b && b.complete && b.value.total !== null
          ? { year: y, total: b.value.total, approximate: b.value.approximate }
          : null;
      })
      .filter((h) => h !== null)
      .sort((a, b) => a.year - b.year);
    return {
      id: i.id,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      target: i.target,
      value,
      history,
    };
  };

  const nextYear: NextYearEntry[] = [];
  const reportGoals = goals.map((goal) => ({
    code: goal.code,
    title: goal.title,
    coordinatorName: goal.coordinatorName,
    coordinatorPosition: goal.coordinatorPosition,
    directions: directions
      .filter((d) => d.strategicGoalId === goal.id)
      .map((d) => {
        const dirIndicators = indicatorRows.filter((i) => i.operationalGoalId === d.id);
        const built = new Map(dirIndicators.map((i) => [i.id, indicatorOf(i, d.code)]));
        const dirProjects = projectRows
          .filter((p) => p.operationalGoalId === d.id)
          .filter((p) => {
            if (p.sinceYear !== null && p.sinceYear > year) {
              if (p.sinceYear === year + 1) {
                nextYear.push({
                  symbol: p.symbol,
                  title: p.title,
                  kind: "new",
                  previousTitle: null,
                });
              }
              return false;
            }
            return true;
          })
          .map((p) => {
            const row = visibleCard.get(p.id);
            const subject = `${p.symbol} ${p.title}`;
            let card: ReportCard | null = null;
            if (row) {
              if (!row.published) unpublished += 1;
              for (const f of open(row.id, checkProjectCard(row as ProjectCardInput))) {
                findings.push({
                  subject: `${subject} — karta projektu`,
                  severity: f.severity,
                  message: f.message,
                });
              }
              card = {
                status: row.status as ReportCard["status"],
                statusReason: row.statusReason,
                reportedIn: row.reportedIn,
                goalText: row.goalText,
                goalVerdict: row.goalVerdict,
                goalVerdictReason: row.goalVerdictReason,
                addressees: row.addressees,
                implementers: row.implementers,
                stages: row.stages,
                effects: row.effects,
                indicatorsText: row.indicatorsText,
                evaluation: row.evaluation,
                funding: row.funding,
                timeframe: row.timeframe,
                continuation: row.continuation,
                nextYearTitle: row.nextYearTitle,
                published: row.published,
              };
              if (row.continuation === "yes" || row.continuation === "renamed") {
                const renamed = row.continuation === "renamed" && !!row.nextYearTitle?.trim();
                nextYear.push({
                  symbol: p.symbol,
                  title: renamed ? row.nextYearTitle!.trim() : p.title,
                  kind: renamed ? "renamed" : "continued",
                  previousTitle: renamed ? p.title : null,
                });
              }
            } else if (!cardByProject.has(p.id)) {
              findings.push({
                subject,
                severity: "warning",
                message: `Brak karty projektu za ${year} r.`,
              });
            }
            const projectLinks = links
              .filter((l) => l.projectId === p.id)
              .sort((a, b) => (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1));
            return {
              id: p.id,
              symbol: p.symbol,
              title: p.title,
              sinceYear: p.sinceYear,
              institutions: projectLinks.map((l) => l.shortName ?? l.name),
              card,
              budgets: card ? budgetsOf(p.id, subject) : [],
              indicators: dirIndicators
                .filter((i) => i.projectId === p.id)
                .map((i) => built.get(i.id)!),
            };
          });
        return {
          code: d.code,
          title: d.title,
          actionLines: d.actionLines,
          projects: dirProjects,
          indicators: dirIndicators.map((i) => built.get(i.id)!),
        };
      }),
  }));

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
    goals: reportGoals,
    nextYear,
    findings,
    unpublished,
  };
}
