// The EXPLAIN check of `npm run bench:scale`: every query the measured pages issue is captured
// (pg.Client's query, which drizzle's node-postgres driver and the pool go through), then
// explained with its own parameters — once as the planner would run it on this dataset, and
// once with enable_seqscan = off, where a Seq Scan that remains means no index can serve the
// query at all (so the check also means something on the small --smoke dataset). A Seq Scan
// of a tenant table (one with a tenant_id column) fails the bench, unless the page reads the
// whole installation by design (busola list, the public API's publications).
import pg from "pg";

type Captured = { text: string; values: unknown[]; page: string };

const captured = new Map<string, Captured>();
let capturing: string | null = null;
const original = pg.Client.prototype.query;

export function startCapture(): void {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (capturing) {
      const text = typeof first === "string" ? first : (first as { text?: string })?.text;
      const values =
        (Array.isArray(second) ? second : (first as { values?: unknown[] })?.values) ?? [];
      if (text && /^\s*(select|with)\b/i.test(text) && !captured.has(text))
        captured.set(text, { text, values, page: capturing });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
}

export function stopCapture(): void {
  pg.Client.prototype.query = original;
}

/** Queries run inside `fn` are recorded under the page's name. */
export async function capture<T>(page: string, fn: () => Promise<T>): Promise<T> {
  capturing = page;
  try {
    return await fn();
  } finally {
    capturing = null;
  }
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Total Cost"?: number;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
};

function seqScans(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  if (node["Node Type"] === "Seq Scan") out.push(node);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

export type Timed = { page: string; ms: number; text: string };

export type Finding = {
  page: string;
  table: string;
  mode: "planner" | "no index";
  text: string;
  plan: string;
  expected: boolean;
};

/**
 * Explains every captured query; returns the sequential scans of tenant tables. `planner`:
 * also report scans the planner chooses with its normal settings (meaningful on the full
 * dataset only).
 */
export async function explainAll(opts: {
  url: string;
  planner: boolean;
  wholeInstallation: Set<string>;
}): Promise<{ queries: number; findings: Finding[]; slowest: Timed[] }> {
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  const { rows } = await client.query<{ table: string }>(
    `SELECT table_name AS table FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
  );
  const tenantTables = new Set(rows.map((r) => r.table));
  const findings: Finding[] = [];
  const timed: Timed[] = [];
  const modes: Finding["mode"][] = opts.planner ? ["no index", "planner"] : ["no index"];
  for (const q of captured.values()) {
    for (const mode of modes) {
      await client.query(`SET enable_seqscan = ${mode === "planner" ? "on" : "off"}`);
      // With the planner's settings the query also runs (ANALYZE): its time, for the report.
      const analyse = mode === "planner" ? "ANALYZE, " : "";
      const res = await client.query<{
        "QUERY PLAN": [{ Plan: PlanNode; "Execution Time"?: number }];
      }>(`EXPLAIN (${analyse}FORMAT JSON) ${q.text}`, q.values);
      const plan = res.rows[0]!["QUERY PLAN"][0].Plan;
      const ms = res.rows[0]!["QUERY PLAN"][0]["Execution Time"];
      if (ms !== undefined) timed.push({ page: q.page, ms, text: q.text });
      for (const scan of seqScans(plan)) {
        const table = scan["Relation Name"] ?? "";
        if (!tenantTables.has(table)) continue;
        if (findings.some((f) => f.text === q.text && f.table === table)) continue;
        const textPlan = await client.query(`EXPLAIN ${q.text}`, q.values);
        findings.push({
          page: q.page,
          table,
          mode,
          text: q.text,
          plan: textPlan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"),
          expected: opts.wholeInstallation.has(q.page),
        });
      }
    }
  }
  await client.query("RESET enable_seqscan");
  await client.end();
  timed.sort((a, b) => b.ms - a.ms);
  return { queries: captured.size, findings, slowest: timed.slice(0, 12) };
}

export function capturedCount(): number {
  return captured.size;
}
