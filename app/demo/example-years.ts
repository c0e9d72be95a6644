// The demo's earlier years (decision 054): the seeds hold one reported year per municipality, so
// no trend could show on first start. For each indicator of a document the years before its
// first reported one are made up from that indicator's earliest value — the same institutions,
// the same breakdown labels, numbers walked back year by year with a seeded random change —
// and listed in `plan_documents.example_years`, so every page marks them and nothing publishes
// them. Deterministic (the same demo every start) and bulk-inserted (every browser test file
// seeds a new demo, so seeding time counts).
import { randomUUID } from "node:crypto";
import { and, eq, inArray, min, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import {
  indicatorBreakdowns,
  indicatorContributions,
  indicatorValues,
  indicators,
  operationalGoals,
  planDocuments,
  projectCards,
  projects,
  strategicGoals,
  tenants,
} from "../db/schema.ts";

const VALUE_COLUMNS = {
  id: "uuid",
  tenant_id: "uuid",
  indicator_id: "uuid",
  year: "integer",
  total: "numeric",
};
const CONTRIBUTION_COLUMNS = {
  id: "uuid",
  tenant_id: "uuid",
  value_id: "uuid",
  institution_id: "uuid",
  value: "numeric",
  position: "integer",
};
const BREAKDOWN_COLUMNS = {
  tenant_id: "uuid",
  value_id: "uuid",
  contribution_id: "uuid",
  dimension: "text",
  label: "text",
  value: "numeric",
  position: "integer",
};

async function insertJson(
  db: DbOrTx,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const data = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v])),
  );
  const list = sql.raw(names.join(", "));
  const defs = sql.raw(names.map((n) => `${n} ${columns[n]}`).join(", "));
  await db.execute(
    sql`insert into ${sql.raw(table)} (${list}) select ${list} from json_to_recordset(${JSON.stringify(data)}::json) as r(${defs})`,
  );
}

/** How many years before the first reported one the demo makes up. */
export const EXAMPLE_YEAR_COUNT = 4;

/** FNV-1a: a stable seed from a text, so each indicator gets its own, order-independent walk. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for made-up numbers. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yearly change towards the reported year: where the strategy wants growth, it grew. */
const GROWTH: Record<string, [number, number]> = {
  increase: [0.01, 0.12],
  decrease: [-0.1, -0.01],
};
const NEUTRAL: [number, number] = [-0.06, 0.08];

type Round = (n: number) => number;
const roundLike =
  (sample: number): Round =>
  (n) =>
    Number.isInteger(sample) ? Math.max(0, Math.round(n)) : Math.max(0, Math.round(n * 100) / 100);

type Part = { dimension: string; label: string; value: number | null };

/** A partition (sex, district, age, other) keeps its shares and adds up to the new parent. */
function splitLike(parts: Part[], parent: number, templateParent: number | null, round: Round) {
  const known = parts.map((p) => p.value ?? 0);
  const sum = known.reduce((a, b) => a + b, 0);
  const byDimension = new Map<string, Part[]>();
  for (const p of parts) byDimension.set(p.dimension, [...(byDimension.get(p.dimension) ?? []), p]);
  const out: Part[] = [];
  for (const [dimension, group] of byDimension) {
    const groupSum = group.reduce((a, p) => a + (p.value ?? 0), 0);
    if (dimension === "of_which" || groupSum === 0) {
      // "w tym" is a part, not a partition: scaled with the parent, never above it.
      const scale = templateParent ? parent / templateParent : sum ? parent / sum : 0;
      for (const p of group)
        out.push({
          ...p,
          value: p.value === null ? null : Math.min(parent, round(p.value * scale)),
        });
      continue;
    }
    let left = parent;
    group.forEach((p, i) => {
      const share = i === group.length - 1 ? left : round((parent * (p.value ?? 0)) / groupSum);
      const value = Math.max(0, Math.min(left, share));
      left -= value;
      out.push({ ...p, value });
    });
  }
  return out;
}

type Template = {
  indicatorId: string;
  name: string;
  direction: string;
  year: number;
  total: number | null;
  breakdowns: Part[];
  contributions: { id: string; institutionId: string; value: number | null; breakdowns: Part[] }[];
};

/** The first year with a card or a value of the document, or null when it has none. */
async function firstReportedYear(db: DbOrTx, documentId: string): Promise<number | null> {
  const [cards] = await db
    .select({ year: min(projectCards.year) })
    .from(projectCards)
    .innerJoin(projects, eq(projects.id, projectCards.projectId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, projects.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(eq(strategicGoals.documentId, documentId));
  const [values] = await db
    .select({ year: min(indicatorValues.year) })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(eq(strategicGoals.documentId, documentId));
  const years = [cards?.year, values?.year].filter((y): y is number => y != null);
  return years.length ? Math.min(...years) : null;
}

/** Each indicator's earliest value with its contributions and breakdowns. */
async function templates(db: DbOrTx, tenantId: string, documentId: string): Promise<Template[]> {
  const rows = await db
    .select({
      indicatorId: indicators.id,
      name: indicators.name,
      direction: indicators.direction,
      valueId: indicatorValues.id,
      year: indicatorValues.year,
      total: indicatorValues.total,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(operationalGoals, eq(operationalGoals.id, indicators.operationalGoalId))
    .innerJoin(strategicGoals, eq(strategicGoals.id, operationalGoals.strategicGoalId))
    .where(and(eq(indicatorValues.tenantId, tenantId), eq(strategicGoals.documentId, documentId)))
    .orderBy(indicatorValues.year);
  const first = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!first.has(r.indicatorId)) first.set(r.indicatorId, r);
  const valueIds = [...first.values()].map((r) => r.valueId);
  if (valueIds.length === 0) return [];
  const [contributions, breakdowns] = await Promise.all([
    db
      .select()
      .from(indicatorContributions)
      .where(inArray(indicatorContributions.valueId, valueIds))
      .orderBy(indicatorContributions.position),
    db
      .select()
      .from(indicatorBreakdowns)
      .where(inArray(indicatorBreakdowns.valueId, valueIds))
      .orderBy(indicatorBreakdowns.position),
  ]);
  return [...first.values()].map((r) => {
    const own = (contributionId: string | null) =>
      breakdowns
        .filter((b) => b.valueId === r.valueId && b.contributionId === contributionId)
        .map((b) => ({ dimension: b.dimension, label: b.label, value: b.value }));
    return {
      indicatorId: r.indicatorId,
      name: r.name,
      direction: r.direction,
      year: r.year,
      total: r.total,
      breakdowns: own(null),
      contributions: contributions
        .filter((c) => c.valueId === r.valueId)
        .map((c) => ({
          id: c.id,
          institutionId: c.institutionId,
          value: c.value,
          breakdowns: own(c.id),
        })),
    };
  });
}

/**
 * Makes up the `count` years before a document's first reported year (not before its period)
 * and lists them as the document's example years. Returns the years made; none when the
 * document has no indicator values or already lists example years.
 */
export async function addExampleYears(
  db: DbOrTx,
  opts: { tenantId: string; documentId: string; count?: number },
): Promise<number[]> {
  const [doc] = await db
    .select({
      slug: planDocuments.slug,
      periodStart: planDocuments.periodStart,
      exampleYears: planDocuments.exampleYears,
    })
    .from(planDocuments)
    .where(eq(planDocuments.id, opts.documentId));
  if (!doc || doc.exampleYears.length > 0) return [];
  const first = await firstReportedYear(db, opts.documentId);
  if (first === null) return [];
  const from = Math.max(doc.periodStart, first - (opts.count ?? EXAMPLE_YEAR_COUNT));
  const years = Array.from({ length: first - from }, (_, i) => from + i);
  const made = await templates(db, opts.tenantId, opts.documentId);
  if (years.length === 0 || made.length === 0) return [];

  const values: (typeof indicatorValues.$inferInsert)[] = [];
  const contributions: (typeof indicatorContributions.$inferInsert)[] = [];
  const breakdowns: (typeof indicatorBreakdowns.$inferInsert)[] = [];
  const tenantId = opts.tenantId;
  for (const t of made) {
    const random = rng(hash(`${doc.slug}|${t.name}`));
    const [low, high] = GROWTH[t.direction] ?? NEUTRAL;
    let factor = 1;
    // Walk back from the template's year; the years after the first reported one are not made.
    for (let year = t.year - 1; year >= from; year--) {
      factor /= 1 + low + random() * (high - low);
      if (year >= first) continue;
      const valueId = randomUUID();
      const parts = t.contributions.map((c) => {
        const jitter = 0.96 + random() * 0.08;
        const value = c.value === null ? null : roundLike(c.value)(c.value * factor * jitter);
        return { ...c, value };
      });
      const allKnown = parts.length > 0 && parts.every((p) => p.value !== null);
      const total = allKnown
        ? parts.reduce((a, p) => a + p.value!, 0)
        : t.total === null
          ? null
          : roundLike(t.total)(t.total * factor);
      values.push({ id: valueId, tenantId, indicatorId: t.indicatorId, year, total });
      parts.forEach((p, position) => {
        const contributionId = randomUUID();
        contributions.push({
          id: contributionId,
          tenantId,
          valueId,
          institutionId: p.institutionId,
          value: p.value,
          position,
        });
        const template = t.contributions[position]!;
        if (p.value === null || p.breakdowns.length === 0) return;
        splitLike(p.breakdowns, p.value, template.value, roundLike(template.value ?? 1)).forEach(
          (b, i) => breakdowns.push({ tenantId, valueId, contributionId, ...b, position: i }),
        );
      });
      if (total !== null && t.breakdowns.length > 0) {
        splitLike(t.breakdowns, total, t.total, roundLike(t.total ?? 1)).forEach((b, i) =>
          breakdowns.push({ tenantId, valueId, ...b, position: i }),
        );
      }
    }
  }
  // One statement per table whatever the size: the rows travel as one JSON parameter, which
  // PGlite takes far faster than thousands of bound values (every browser test seeds a demo).
  await insertJson(db, "indicator_values", VALUE_COLUMNS, values);
  await insertJson(db, "indicator_contributions", CONTRIBUTION_COLUMNS, contributions);
  await insertJson(db, "indicator_breakdowns", BREAKDOWN_COLUMNS, breakdowns);
  await db
    .update(planDocuments)
    .set({ exampleYears: years })
    .where(eq(planDocuments.id, opts.documentId));
  return years;
}

/** Every document of the demo's municipalities, in one go (the seeding's transaction). */
export async function addDemoExampleYears(db: DbOrTx, tenantIds: string[]): Promise<void> {
  if (tenantIds.length === 0) return;
  const docs = await db
    .select({ id: planDocuments.id, tenantId: planDocuments.tenantId })
    .from(planDocuments)
    .where(inArray(planDocuments.tenantId, tenantIds));
  for (const d of docs) await addExampleYears(db, { tenantId: d.tenantId, documentId: d.id });
}

/** The municipalities the demo's accounts belong to. */
export async function demoTenantIds(db: DbOrTx, accounts: { tenant: string }[]): Promise<string[]> {
  const slugs = [...new Set(accounts.map((a) => a.tenant))];
  if (slugs.length === 0) return [];
  const rows = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(inArray(tenants.slug, slugs));
  return rows.map((r) => r.id);
}
