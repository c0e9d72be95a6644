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
  "Index Cond"?: string;
  "Total Cost"?: number;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
};

/**
 * Scans that read a whole table: a Seq Scan, or (`fullIndex`) an index scan without an index
 * condition — a full index scan, as costly as a Seq Scan on a large table.
 */
function seqScans(node: PlanNode, fullIndex: boolean, out: PlanNode[] = []): PlanNode[] {
  const type = node["Node Type"];
  if (type === "Seq Scan") out.push(node);
  else if (
    fullIndex &&
    (type === "Index Scan" || type === "Index Only Scan") &&
    !node["Index Cond"]
  )
    out.push(node);
  for (const child of node.Plans ?? []) seqScans(child, fullIndex, out);
  return out;
}

export type Timed = { page: string; ms: number; text: string };

export type Finding = {
  page: string;
  table: string;
  /** "Seq Scan" or "full Index Scan (name)". */
  how: string;
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
  // On a table of a few pages the planner rightly prefers a Seq Scan: only the "no index"
  // check speaks for those (and the dataset leaves some tables empty, e.g. acknowledgements).
  const { rows: small } = await client.query<{ table: string }>(
    `SELECT relname AS table FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relpages < 100`,
  );
  const tiny = new Set(small.map((r) => r.table));
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
      // Full index scans count with the planner's settings only: with sequential scans off
      // the planner reads a small joined table through its primary key instead (an artefact).
      for (const scan of seqScans(plan, mode === "planner")) {
        const table = scan["Relation Name"] ?? "";
        const how =
          scan["Node Type"] === "Seq Scan"
            ? "Seq Scan"
            : `full ${scan["Node Type"]} (${scan["Index Name"]})`;
        if (!tenantTables.has(table)) continue;
        if (mode === "planner" && tiny.has(table)) continue;
        if (findings.some((f) => f.text === q.text && f.table === table)) continue;
        const textPlan = await client.query(`EXPLAIN ${q.text}`, q.values);
        findings.push({
          page: q.page,
          table,
          how,
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
