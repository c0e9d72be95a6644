// Every municipality of the installation with its documents and reporting years, for the
// administrator's `busola list`. Three queries whatever the number of municipalities (the
// per-municipality loop it replaces took 15 s with 2,000 of them, issue 12): the tenants, all
// documents, and the (document, year) pairs that have a card or a value.
import { asc, sql } from "drizzle-orm";
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

/**
 * The (document, year) pairs with a card or a value, without reading every value: each
 * municipality's distinct years come from a skip scan of the (tenant, year) indexes (one
 * index probe per municipality and year, not one row per value), then each document is
 * probed for each of its municipality's years (an EXISTS that stops at the first row). With
 * 20 million values the join-and-DISTINCT it replaces read them all (decision 058).
 */
async function documentYears(db: DbOrTx): Promise<Map<string, number[]>> {
  // Constant names only (no input reaches this text).
  const skipScan = (name: string, table: string) =>
    sql.raw(`${name}(tenant_id, year) AS (
      (SELECT s.tenant_id, s.year FROM (SELECT tenant_id, year FROM ${table}
        ORDER BY tenant_id, year LIMIT 1) s)
      UNION ALL
      (SELECT n.tenant_id, n.year FROM ${name}, LATERAL (SELECT t.tenant_id, t.year
        FROM ${table} t WHERE (t.tenant_id, t.year) > (${name}.tenant_id, ${name}.year)
        ORDER BY t.tenant_id, t.year LIMIT 1) n))`);
  const result = await db.execute<{ document_id: string; year: number }>(sql`
    WITH RECURSIVE ${skipScan("value_years", "indicator_values")},
    ${skipScan("card_years", "project_cards")},
    tenant_years AS (SELECT tenant_id, year FROM value_years UNION SELECT tenant_id, year FROM card_years)
    SELECT d.id AS document_id, ty.year
      FROM ${planDocuments} d JOIN tenant_years ty ON ty.tenant_id = d.tenant_id
     WHERE EXISTS (
             SELECT 1 FROM ${indicatorValues} v
               JOIN ${indicators} i ON i.id = v.indicator_id
               JOIN ${operationalGoals} o ON o.id = i.operational_goal_id
               JOIN ${strategicGoals} g ON g.id = o.strategic_goal_id
              WHERE v.tenant_id = d.tenant_id AND v.year = ty.year AND g.document_id = d.id)
        OR EXISTS (
             SELECT 1 FROM ${projectCards} c
               JOIN ${projects} p ON p.id = c.project_id
               JOIN ${operationalGoals} o ON o.id = p.operational_goal_id
               JOIN ${strategicGoals} g ON g.id = o.strategic_goal_id
              WHERE c.tenant_id = d.tenant_id AND c.year = ty.year AND g.document_id = d.id)`);
  // node-postgres answers { rows }, PGlite too; both drivers' results have `rows`.
  const rows = (result as unknown as { rows: { document_id: string; year: number }[] }).rows;
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const list = out.get(r.document_id) ?? [];
    list.push(Number(r.year));
    out.set(r.document_id, list);
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
