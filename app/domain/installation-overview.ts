// Every municipality of the installation with its documents and reporting years, for the
// administrator's `busola list`. Three queries whatever the number of municipalities (the
// per-municipality loop it replaces took 15 s with 2,000 of them, issue 12): the tenants, all
// documents, and the distinct (document, year) pairs of cards and values.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  indicators,
  indicatorValues,
  operationalGoals,
  planDocuments,
  projectCards,
  projects,
  strategicGoals,
  tenants,
} from "../db/schema.ts";

export type InstallationDocument = {
  id: string;
  slug: string;
  kind: string;
  title: string;
  period: [number, number];
  /** Years with a card or a value, newest first. */
  years: number[];
};

export type InstallationMunicipality = {
  slug: string;
  teryt: string;
  name: string;
  documents: InstallationDocument[];
};

async function documentYears(db: DbOrTx): Promise<Map<string, number[]>> {
  const cardYears = db
    .selectDistinct({ documentId: strategicGoals.documentId, year: projectCards.year })
    .from(projectCards)
    .innerJoin(projects, eq(projects.id, projectCards.projectId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, projects.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId));
  const valueYears = db
    .selectDistinct({ documentId: strategicGoals.documentId, year: indicatorValues.year })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId));
  const rows = await cardYears.union(valueYears);
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const list = out.get(r.documentId) ?? [];
    list.push(r.year);
    out.set(r.documentId, list);
  }
  for (const list of out.values()) list.sort((a, b) => b - a);
  return out;
}

/** For the installation's administrator (the CLI): no tenant scope, every municipality. */
export async function listInstallation(opts: { db: DbOrTx }): Promise<InstallationMunicipality[]> {
  const { db } = opts;
  const all = await db.select().from(tenants).orderBy(asc(tenants.name));
  const docs = await db
    .select()
    .from(planDocuments)
    .orderBy(asc(planDocuments.kind), asc(planDocuments.title));
  const years = await documentYears(db);
  const byTenant = new Map<string, InstallationDocument[]>();
  for (const d of docs) {
    const list = byTenant.get(d.tenantId) ?? [];
    list.push({
      id: d.id,
      slug: d.slug,
      kind: d.kind,
      title: d.title,
      period: [d.periodStart, d.periodEnd],
      years: years.get(d.id) ?? [],
    });
    byTenant.set(d.tenantId, list);
  }
  return all.map((t) => ({
    slug: t.slug,
    teryt: t.teryt,
    name: t.name,
    documents: byTenant.get(t.id) ?? [],
  }));
}
