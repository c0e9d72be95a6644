// Timing and sizes for `npm run bench:scale`: runs of a page at a number of concurrent
// connections (p50/p95/req/s), and the tables' and indexes' sizes.
import pg from "pg";
import type { Db } from "../../app/db/client.ts";
import type { Page } from "./pages.ts";

export type Load = { p50: number; p95: number; max: number; rps: number };
export type Figures = { page: string; first: number; one: Load; many: Load | null };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `runs` runs of the page over `connections` workers; no new run starts after `budgetMs` once
 * `minRuns` have started (a slow page at national scale would otherwise take an hour).
 */
export async function runLoad(
  page: Page,
  db: Db,
  connections: number,
  runs: number,
  budgetMs = Infinity,
  minRuns = 20,
): Promise<Load & { runs: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const more = () => next < runs && (next < minRuns || performance.now() - started < budgetMs);
  const worker = async () => {
    while (more()) {
      const n = 1000 + next++;
      const t = performance.now();
      await page.run(db, n);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    rps: times.length / elapsed,
    runs: times.length,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function printSizes(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: tables } = await client.query<{
    name: string;
    rows: string;
    heap: string;
    indexes: string;
  }>(
    `SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_table_size(c.oid) AS heap,
            pg_indexes_size(c.oid) AS indexes
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      ORDER BY pg_total_relation_size(c.oid) DESC`,
  );
  const { rows: indexes } = await client.query<{ name: string; table: string; bytes: string }>(
    `SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table,
            pg_relation_size(i.indexrelid) AS bytes
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relnamespace = 'public'::regnamespace ORDER BY bytes DESC`,
  );
  const { rows: db } = await client.query<{ bytes: string }>(
    "SELECT pg_database_size(current_database()) AS bytes",
  );
  await client.end();
  console.log(`\ntable sizes (database ${mb(Number(db[0]!.bytes))}):`);
  console.log("table                          rows (est.)        heap     indexes");
  for (const t of tables.filter((x) => Number(x.heap) + Number(x.indexes) > 64 * 1024))
    console.log(
      `${t.name.padEnd(28)}${Number(t.rows).toLocaleString("en").padStart(14)}${mb(Number(t.heap)).padStart(12)}${mb(Number(t.indexes)).padStart(12)}`,
    );
  console.log("\nindex sizes:");
  for (const i of indexes.filter((x) => Number(x.bytes) > 64 * 1024))
    console.log(`  ${i.name.padEnd(58)} ${i.table.padEnd(26)} ${mb(Number(i.bytes)).padStart(10)}`);
}
