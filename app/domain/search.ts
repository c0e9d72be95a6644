// Search in one municipality (decision 052): projects by symbol and title, indicators, goals,
// directions and institutions, insensitive to case and Polish diacritics, each word of the
// query matching the beginning of a word ("asyst rodz" finds "Asystent rodziny", "c1k7" the
// project C1K7). The same SQL on PGlite and PostgreSQL: no extension (unaccent, pg_trgm) needed.
import { and, asc, eq, inArray, isNull, max, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import {
  indicatorValues,
  indicators,
  institutions,
  operationalGoals,
  planDocuments,
  projectCards,
  projectInstitutions,
  projects,
  strategicGoals,
} from "../db/schema.ts";
import { authorize, canViewProjectCard, canViewStrategy } from "../policies/index.ts";
import { inTenant, type TenantScope } from "./scope.ts";

const FROM = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ";
const TO = "acelnoszzacelnoszz";
const MAX_WORDS = 6;
export const MIN_QUERY_LENGTH = 2;

/** The query as the words it matches: lower case, no diacritics, letters and digits only. */
export function searchWords(query: string): string[] {
  const plain = query.toLowerCase().replace(/ł/gu, "l").normalize("NFD").replace(/\p{M}/gu, "");
  return [...new Set(plain.split(/[^a-z0-9]+/u).filter((w) => w.length > 0))].slice(0, MAX_WORDS);
}

/** Every word starts a word of one of the columns (case and diacritics aside). */
function matches(words: string[], ...columns: (PgColumn | SQL)[]): SQL {
  const haystack = sql.join(
    columns.map((c) => sql`coalesce(${c}, '')`),
    sql` || ' ' || `,
  );
  const folded = sql`translate(lower(${haystack}), ${FROM}, ${TO})`;
  // Words hold only [a-z0-9], so they are safe inside the pattern.
  return and(...words.map((w) => sql`${folded} ~ ${`(^|[^a-z0-9])${w}`}`))!;
}

/** The found projects whose card of the given year the reader may open. */
async function cardVisibility(
  scope: TenantScope,
  found: { id: string; goalId: string; year: number }[],
): Promise<Set<string>> {
  if (found.length === 0) return new Set();
  const ids = found.map((p) => p.id);
  const [links, cards] = await Promise.all([
    scope.db
      .select({
        projectId: projectInstitutions.projectId,
        institutionId: projectInstitutions.institutionId,
      })
      .from(projectInstitutions)
      .where(inTenant(scope, projectInstitutions, inArray(projectInstitutions.projectId, ids))),
    scope.db
      .select({
        projectId: projectCards.projectId,
        year: projectCards.year,
        published: projectCards.published,
      })
      .from(projectCards)
      .where(inTenant(scope, projectCards, inArray(projectCards.projectId, ids))),
  ]);
  return new Set(
    found
      .filter((p) =>
        canViewProjectCard(scope.actor, {
          goalId: p.goalId,
          institutionIds: links.filter((l) => l.projectId === p.id).map((l) => l.institutionId),
          published: cards.some((c) => c.projectId === p.id && c.year === p.year && c.published),
        }),
      )
      .map((p) => p.id),
  );
}

export type SearchResults = {
  words: string[];
  projects: {
    id: string;
    symbol: string;
    title: string;
    document: string;
    year: number;
    /** Whether the reader may open its card of that year (the tree's rule). */
    canOpen: boolean;
  }[];
  indicators: { id: string; name: string; unit: string; document: string; year: number }[];
  goals: { id: string; code: string; title: string; document: string; documentSlug: string }[];
  directions: { id: string; code: string; title: string; document: string; documentSlug: string }[];
  institutions: { id: string; name: string; shortName: string | null }[];
};

export async function searchTenant(opts: {
  scope: TenantScope;
  query: string;
  limit?: number;
}): Promise<SearchResults> {
  const { scope } = opts;
  authorize(canViewStrategy(scope.actor), { hide: true });
  const words = searchWords(opts.query);
  const empty: SearchResults = {
    words,
    projects: [],
    indicators: [],
    goals: [],
    directions: [],
    institutions: [],
  };
  if (words.join("").length < MIN_QUERY_LENGTH) return empty;
  const limit = opts.limit ?? 50;
  const [projectRows, indicatorRows, goalRows, directionRows, institutionRows] = await Promise.all([
    scope.db
      .select({
        id: projects.id,
        symbol: projects.symbol,
        title: projects.title,
        goalId: strategicGoals.id,
        document: planDocuments.title,
        periodStart: planDocuments.periodStart,
        year: max(projectCards.year),
      })
      .from(projects)
      .innerJoin(operationalGoals, eq(operationalGoals.id, projects.operationalGoalId))
      .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
      .innerJoin(planDocuments, eq(planDocuments.id, strategicGoals.documentId))
      .leftJoin(projectCards, eq(projectCards.projectId, projects.id))
      .where(
        inTenant(
          scope,
          projects,
          isNull(projects.archivedAt),
          matches(words, projects.symbol, projects.title),
        ),
      )
      .groupBy(projects.id, strategicGoals.id, planDocuments.id)
      .orderBy(asc(projects.symbol))
      .limit(limit),
    scope.db
      .select({
        id: indicators.id,
        name: indicators.name,
        unit: indicators.unit,
        document: planDocuments.title,
        periodStart: planDocuments.periodStart,
        year: max(indicatorValues.year),
      })
      .from(indicators)
      .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
      .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
      .innerJoin(planDocuments, eq(planDocuments.id, strategicGoals.documentId))
      .leftJoin(indicatorValues, eq(indicatorValues.indicatorId, indicators.id))
      .where(
        inTenant(scope, indicators, isNull(indicators.archivedAt), matches(words, indicators.name)),
      )
      .groupBy(indicators.id, planDocuments.id)
      .orderBy(asc(indicators.name))
      .limit(limit),
    scope.db
      .select({
        id: strategicGoals.id,
        code: strategicGoals.code,
        title: strategicGoals.title,
        document: planDocuments.title,
        documentSlug: planDocuments.slug,
      })
      .from(strategicGoals)
      .innerJoin(planDocuments, eq(planDocuments.id, strategicGoals.documentId))
      .where(
        inTenant(
          scope,
          strategicGoals,
          isNull(strategicGoals.archivedAt),
          matches(words, strategicGoals.code, strategicGoals.title),
        ),
      )
      .orderBy(asc(strategicGoals.code))
      .limit(limit),
    scope.db
      .select({
        id: operationalGoals.id,
        code: operationalGoals.code,
        title: operationalGoals.title,
        document: planDocuments.title,
        documentSlug: planDocuments.slug,
      })
      .from(operationalGoals)
      .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
      .innerJoin(planDocuments, eq(planDocuments.id, strategicGoals.documentId))
      .where(
        inTenant(
          scope,
          operationalGoals,
          isNull(operationalGoals.archivedAt),
          matches(words, operationalGoals.code, operationalGoals.title),
        ),
      )
      .orderBy(asc(operationalGoals.code))
      .limit(limit),
    scope.db
      .select({ id: institutions.id, name: institutions.name, shortName: institutions.shortName })
      .from(institutions)
      .where(
        inTenant(
          scope,
          institutions,
          isNull(institutions.archivedAt),
          matches(words, institutions.name, institutions.shortName),
        ),
      )
      .orderBy(asc(institutions.name))
      .limit(limit),
  ]);
  const visible = await cardVisibility(
    scope,
    projectRows.map((p) => ({ id: p.id, goalId: p.goalId, year: p.year ?? p.periodStart })),
  );
  return {
    words,
    // A project or indicator opens on its newest year, or the document's first one.
    projects: projectRows.map(({ periodStart, year, goalId: _goal, ...p }) => ({
      ...p,
      year: year ?? periodStart,
      canOpen: visible.has(p.id),
    })),
    indicators: indicatorRows.map(({ periodStart, year, ...i }) => ({
      ...i,
      year: year ?? periodStart,
    })),
    goals: goalRows,
    directions: directionRows,
    institutions: institutionRows,
  };
}
