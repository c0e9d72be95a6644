// The snapshot of a document's year (decision 030): the report's data read with published
// cards and values only, stripped of what is for staff, plus the facts the public pages need.
// Built by the publisher's scope, so the same policies as the report apply.
import { and, eq, inArray, max } from "drizzle-orm";
import {
  indicatorValues,
  indicators,
  operationalGoals,
  projectCards,
  projects,
  strategicGoals,
} from "../../db/schema.ts";
import { readReportData } from "../report-data/load.ts";
import { listLinkedDocuments } from "../documents.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import { SNAPSHOT_SCHEMA, type IndicatorFacts, type PublicSnapshot } from "./types.ts";

export async function buildSnapshot(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
}): Promise<{ snapshot: PublicSnapshot; producedBy: string; producedAt: Date | null }> {
  const { scope, documentId, year } = opts;
  const data = await readReportData({ scope, documentId, year, publishedOnly: true });
  const {
    findings: _findings,
    unpublished: _unpublished,
    smallCountsBelow: _below,
    ...rest
  } = data;

  const facts: Record<string, IndicatorFacts> = {};
  const ids: string[] = [];
  for (const goal of data.goals) {
    for (const direction of goal.directions) {
      for (const ind of direction.indicators) {
        ids.push(ind.id);
        facts[ind.id] = {
          goalCode: goal.code,
          directionCode: direction.code,
          projectId:
            direction.projects.find((p) => p.indicators.some((i) => i.id === ind.id))?.id ?? null,
          direction: "increase",
          baseline: null,
          baselineYear: null,
        };
      }
      // The public indicator page draws its series from published snapshots only.
      for (const ind of direction.indicators) ind.history = [];
      for (const p of direction.projects) for (const ind of p.indicators) ind.history = [];
    }
  }
  if (ids.length) {
    const rows = await scope.db
      .select({
        id: indicators.id,
        direction: indicators.direction,
        baseline: indicators.baseline,
        baselineYear: indicators.baselineYear,
      })
      .from(indicators)
      .where(inTenant(scope, indicators, inArray(indicators.id, ids)));
    for (const r of rows)
      Object.assign(facts[r.id]!, {
        direction: r.direction,
        baseline: r.baseline,
        baselineYear: r.baselineYear,
      });
  }
  const linked = await listLinkedDocuments({ scope, documentId: data.document.id });
  const snapshot: PublicSnapshot = {
    ...rest,
    schema: SNAPSHOT_SCHEMA,
    indicatorFacts: facts,
    implements: linked.implements
      .filter((d) => d !== undefined)
      .map((d) => ({ slug: d.slug, title: d.title })),
  };
  return {
    snapshot,
    producedBy: data.municipality.welfareCentreName ?? data.municipality.name,
    producedAt: await lastChangeOf(scope, data.document.id, year),
  };
}

/** When the published data of the year last changed: the BIP register's "wytworzono". */
async function lastChangeOf(
  scope: TenantScope,
  documentId: string,
  year: number,
): Promise<Date | null> {
  const place = { documentId, year };
  const cards = await lastPublishedChange(scope, place, {
    rows: projectCards,
    ownerId: projectCards.projectId,
    owner: projects,
  });
  const values = await lastPublishedChange(scope, place, {
    rows: indicatorValues,
    ownerId: indicatorValues.indicatorId,
    owner: indicators,
  });
  const dates = [cards, values].filter((d): d is Date => d instanceof Date);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}

/** Published rows of a year (cards or values) and what they belong to (a project or indicator). */
type PublishedRows =
  | { rows: typeof projectCards; ownerId: typeof projectCards.projectId; owner: typeof projects }
  | {
      rows: typeof indicatorValues;
      ownerId: typeof indicatorValues.indicatorId;
      owner: typeof indicators;
    };

/** The latest update of one kind of published rows of the document's year. */
async function lastPublishedChange(
  scope: TenantScope,
  place: { documentId: string; year: number },
  { rows, ownerId, owner }: PublishedRows,
): Promise<Date | null | undefined> {
  const [row] = await scope.db
    .select({ at: max(rows.updatedAt) })
    .from(rows)
    .innerJoin(owner, eq(owner.id, ownerId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, owner.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(
      inTenant(
        scope,
        rows,
        and(
          eq(strategicGoals.documentId, place.documentId),
          eq(rows.year, place.year),
          eq(rows.published, true),
        ),
      ),
    );
  return row?.at;
}

/** How many cards and values the snapshot holds: nothing published means nothing to publish. */
export function countPublishedItems(snapshot: PublicSnapshot): number {
  let n = 0;
  for (const goal of snapshot.goals) {
    for (const direction of goal.directions) {
      n += direction.indicators.filter((i) => i.value).length;
      n += direction.projects.filter((p) => p.card).length;
    }
  }
  return n;
}
