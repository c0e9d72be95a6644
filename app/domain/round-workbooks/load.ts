// Gathers what one institution reports in a year of one document: the cards of the projects it
// carries out (lead or partner) and its contributions to indicator values — those it reported
// last year or this year, and the indicators of its projects, which it may report first.
import { and, eq, inArray, or } from "drizzle-orm";
import {
  indicatorContributions,
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  projectCards,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../../db/schema.ts";
import { CARD_FIELDS, type CardFields } from "../value-labels.ts";
import { findInTenant, inTenant, type TenantScope } from "../scope.ts";
import { authorize, canActForInstitution } from "../../policies/index.ts";
import type { CardItem, ContributionItem, PartnerWorkItems } from "../../round-xlsx/types.ts";

/** A partner only for its own institution; coordinators and admins for any (to help one). */
export function mayActForInstitution(scope: TenantScope, institutionId: string): boolean {
  return canActForInstitution(scope.actor, institutionId);
}

function cardFields(row: typeof projectCards.$inferSelect | undefined): CardFields {
  const out = {} as CardFields;
  for (const f of CARD_FIELDS) out[f] = row ? row[f] : null;
  return out;
}

export async function loadPartnerWorkItems(opts: {
  scope: TenantScope;
  institutionId: string;
  documentId: string;
  year: number;
  deadline?: string | null;
}): Promise<PartnerWorkItems> {
  const { scope, year } = opts;
  // The same answer for another institution as for one that does not exist.
  authorize(mayActForInstitution(scope, opts.institutionId), { hide: true });
  const institution = await findInTenant(scope, institutions, opts.institutionId);
  const document = await findInTenant(scope, planDocuments, opts.documentId);

  const directions = await scope.db
    .select({ id: operationalGoals.id, code: operationalGoals.code, goalCode: strategicGoals.code })
    .from(operationalGoals)
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(inTenant(scope, operationalGoals, eq(strategicGoals.documentId, document.id)));
  const directionById = new Map(directions.map((d) => [d.id, d]));
  const directionIds = directions.map((d) => d.id);
  if (directionIds.length === 0) return empty();

  const ownProjects = await scope.db
    .select({ p: projects })
    .from(projects)
    .innerJoin(
      projectInstitutions,
      and(
        eq(projectInstitutions.projectId, projects.id),
        eq(projectInstitutions.institutionId, institution.id),
      ),
    )
    .where(inTenant(scope, projects, inArray(projects.operationalGoalId, directionIds)))
    .orderBy(projects.position, projects.symbol);
  const projectIds = ownProjects.map((r) => r.p.id);
  const cardRows = projectIds.length
    ? await scope.db
        .select()
        .from(projectCards)
        .where(
          inTenant(
            scope,
            projectCards,
            inArray(projectCards.projectId, projectIds),
            inArray(projectCards.year, [year - 1, year]),
          ),
        )
    : [];
  const cards: CardItem[] = ownProjects.map(({ p }) => {
    const current = cardRows.find((c) => c.projectId === p.id && c.year === year);
    const last = cardRows.find((c) => c.projectId === p.id && c.year === year - 1);
    return {
      projectId: p.id,
      symbol: p.symbol,
      title: p.title,
      version: current?.version ?? null,
      fields: cardFields(current),
      lastYear: last ? cardFields(last) : null,
    };
  });

  // Only this institution's rows are read: a partner never sees another's contribution here.
  const contributed = await scope.db
    .select({
      indicatorId: indicatorValues.indicatorId,
      valueId: indicatorValues.id,
      year: indicatorValues.year,
      c: indicatorContributions,
    })
    .from(indicatorContributions)
    .innerJoin(indicatorValues, eq(indicatorValues.id, indicatorContributions.valueId))
    .where(
      inTenant(
        scope,
        indicatorContributions,
        eq(indicatorContributions.institutionId, institution.id),
        inArray(indicatorValues.year, [year - 1, year]),
      ),
    );
  const indicatorRows = await scope.db
    .select()
    .from(indicators)
    .where(
      inTenant(
        scope,
        indicators,
        inArray(indicators.operationalGoalId, directionIds),
        or(
          contributed.length
            ? inArray(indicators.id, [...new Set(contributed.map((r) => r.indicatorId))])
            : undefined,
          projectIds.length ? inArray(indicators.projectId, projectIds) : undefined,
        ) ?? eq(indicators.id, indicators.id),
      ),
    )
    .orderBy(indicators.position);
  const relevant = indicatorRows.filter(
    (i) =>
      contributed.some((r) => r.indicatorId === i.id) ||
      (i.projectId !== null && projectIds.includes(i.projectId)),
  );
  const values = relevant.length
    ? await scope.db
        .select({ id: indicatorValues.id, indicatorId: indicatorValues.indicatorId })
        .from(indicatorValues)
        .where(
          inTenant(
            scope,
            indicatorValues,
            inArray(
              indicatorValues.indicatorId,
              relevant.map((i) => i.id),
            ),
            eq(indicatorValues.year, year),
          ),
        )
    : [];
  const contributions: ContributionItem[] = relevant
    .map((i) => {
      const now = contributed.find((r) => r.indicatorId === i.id && r.year === year);
      const last = contributed.find((r) => r.indicatorId === i.id && r.year === year - 1);
      const direction = directionById.get(i.operationalGoalId)!;
      return {
        indicatorId: i.id,
        valueId: values.find((v) => v.indicatorId === i.id)?.id ?? null,
        version: now?.c.version ?? null,
        indicatorName: i.name,
        unit: i.unit,
        baseline: i.baseline,
        baselineYear: i.baselineYear,
        target: i.target,
        goalCode: direction.goalCode,
        directionCode: direction.code,
        value: now?.c.value ?? null,
        approximate: now?.c.approximate ?? false,
        note: now?.c.note ?? null,
        lastYearValue: last?.c.value ?? null,
        lastYearApproximate: last?.c.approximate ?? false,
      };
    })
    .sort(
      (a, b) =>
        a.goalCode.localeCompare(b.goalCode, "pl", { numeric: true }) ||
        a.directionCode.localeCompare(b.directionCode, "pl", { numeric: true }),
    );
  return { ...empty(), cards, contributions };

  function empty(): PartnerWorkItems {
    return {
      tenantName: scope.tenant.name,
      institution: { id: institution.id, name: institution.name },
      documentTitle: document.title,
      year,
      deadline: opts.deadline ?? null,
      cards: [],
      contributions: [],
    };
  }
}
