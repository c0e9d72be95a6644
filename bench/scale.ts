// npm run bench:scale — the national scale on PostgreSQL (issue 12, items 1–3; decision 058).
// Starts a throwaway PostgreSQL 15 (bench/scale/postgres.ts; or uses BENCH_DATABASE_URL, an
// empty database of its own), migrates it, bulk-loads a national dataset with COPY
// (bench/scale/dataset.ts), then prints p50/p95 at 1 and 20 connections of the pages in
// bench/scale/pages.ts, the wall time of `busola list --json`, table and index sizes, and the
// EXPLAIN check (bench/scale/explain.ts): exit code 1 on a sequential scan of a tenant table.
// Goals are printed as met or not; they do not change the exit code.
//
//   nice -n 10 npm run bench:scale [-- --smoke]
//   BENCH_SCALE_MUNICIPALITIES (2500), BENCH_SCALE_VALUES (20000000), BENCH_SCALE_YEARS (10),
//   BENCH_SCALE_PAGES (a regular expression: only the pages it matches)
//   --smoke: 12 municipalities, 3 years, about 2,900 values — seconds, for bench:smoke.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { migrate, openDatabase } from "../app/db/client.ts";
import { dropIndexes, rebuildIndexes } from "./scale/copy.ts";
import { LOADED_TABLES, writeDataset } from "./scale/dataset.ts";
import { shapeFor } from "./scale/shape.ts";
import { capture, explainAll, startCapture, stopCapture } from "./scale/explain.ts";
import { pages } from "./scale/pages.ts";
import { startPostgres } from "./scale/postgres.ts";
import { writePublications } from "./scale/publications.ts";
import { printSizes, runLoad, type Figures } from "./scale/report.ts";

const SMOKE = process.argv.includes("--smoke");
const env = (name: string, full: number, smoke: number) =>
  Number(process.env[name] ?? (SMOKE ? smoke : full));
const MUNICIPALITIES = env("BENCH_SCALE_MUNICIPALITIES", 2500, 12);
const VALUES = env("BENCH_SCALE_VALUES", 20_000_000, 2_900);
const YEARS = env("BENCH_SCALE_YEARS", 10, 3);
const RUNS_1 = env("BENCH_SCALE_RUNS", 60, 4);
const RUNS_20 = env("BENCH_SCALE_RUNS_20", 400, 20);
const CONNECTIONS = 20;
/** Seconds per page and connection count after which no new run starts (BENCH_SCALE_BUDGET). */
const BUDGET_MS = env("BENCH_SCALE_BUDGET", 30, 5) * 1000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`[scale] ${msg}`);

async function load(url: string) {
  const shape = shapeFor(MUNICIPALITIES, VALUES, YEARS);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const started = performance.now();
  const defs = await dropIndexes(admin, LOADED_TABLES);
  const counts = await writeDataset(url, shape, (m) =>
    log(`${m} (${seconds(performance.now() - started)})`),
  );
  const copied = performance.now() - started;
  log(`COPY done in ${seconds(copied)}; building ${defs.length} indexes and constraints`);
  await rebuildIndexes(url, defs, 2);
  const indexed = performance.now() - started;
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const pubs = await writePublications(database.db, url, shape);
  await database.close();
  await admin.query("ANALYZE");
  await admin.end();
  const total = performance.now() - started;
  return {
    shape,
    counts: {
      ...counts,
      publications: pubs.publications,
      comparison_values: pubs.comparisonValues,
    } as Record<string, number>,
    copied,
    indexed,
    total,
    snapshotBytes: pubs.snapshotBytes,
  };
}

/** `busola list --json` as the administrator runs it: a new process, migrations checked. */
function cliList(url: string, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ["bin/busola.js", "list", "--json"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
      maxBuffer: 1 << 30,
    });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<number> {
  const server = startPostgres();
  let code = 0;
  try {
    log(
      `PostgreSQL at ${server.url.replace(/\/\/.*@/, "//…@")}${server.own ? " (throwaway, /tmp/scale-pg)" : ""}`,
    );
    const migrating = await openDatabase({ databaseUrl: server.url, poolSize: 1 });
    await migrate(migrating);
    await migrating.close();
    const loaded = await load(server.url);
    const { shape, counts } = loaded;
    log(
      `dataset: ${MUNICIPALITIES} municipalities, years ${shape.years[0]}–${shape.years.at(-1)}, ${counts.indicator_values!.toLocaleString("en")} indicator values, ${counts.indicator_contributions!.toLocaleString("en")} contributions, ${counts.indicator_breakdowns!.toLocaleString("en")} breakdowns`,
    );
    log(
      `load: COPY ${seconds(loaded.copied)}, + indexes ${seconds(loaded.indexed - loaded.copied)}, + publications and ANALYZE ${seconds(loaded.total - loaded.indexed)} = ${seconds(loaded.total)}; snapshot ${Math.round(loaded.snapshotBytes / 1024)} KiB`,
    );

    const database = await openDatabase({ databaseUrl: server.url, poolSize: CONNECTIONS });
    // BENCH_SCALE_PAGES (a regular expression) measures only the pages whose names match.
    const only = process.env.BENCH_SCALE_PAGES ? new RegExp(process.env.BENCH_SCALE_PAGES) : null;
    const list = pages(shape).filter((p) => !only || only.test(p.name));
    // Warm-up, which also records every query each page issues for the EXPLAIN check.
    startCapture();
    const cold = new Map<string, number>();
    for (const page of list)
      for (let n = 0; n < 3; n++) {
        const t = performance.now();
        await capture(page.name, () => page.run(database.db, n));
        if (n === 0) cold.set(page.name, performance.now() - t);
      }
    stopCapture();
    const figures: Figures[] = [];
    for (const page of list) {
      const one = await runLoad(
        page,
        database.db,
        1,
        page.single ? Math.min(RUNS_1, 5) : RUNS_1,
        BUDGET_MS,
        page.single ? 3 : 10,
      );
      const many = page.single
        ? null
        : await runLoad(page, database.db, CONNECTIONS, RUNS_20, BUDGET_MS, 40);
      figures.push({ page: page.name, first: cold.get(page.name)!, one, many });
      log(
        `${page.name}: p50 ${one.p50.toFixed(1)} / p95 ${one.p95.toFixed(1)} ms at 1 (${one.runs} runs)${many ? `, p50 ${many.p50.toFixed(1)} / p95 ${many.p95.toFixed(1)} ms at ${CONNECTIONS} (${many.runs} runs)` : ""}`,
      );
    }
    const cli = cliList(server.url, SMOKE ? 1 : 3);
    await database.close();

    console.log(
      `\nbench:scale — ${MUNICIPALITIES} municipalities, ${counts.indicator_values!.toLocaleString("en")} values, load ${seconds(loaded.total)}`,
    );
    console.log(
      "page                              first ms   p50@1   p95@1  p50@20  p95@20   req/s@20",
    );
    for (const f of figures) {
      const m = f.many;
      const col = (v: number | undefined) => (v === undefined ? "—" : v.toFixed(1)).padStart(7);
      console.log(
        `${f.page.padEnd(34)}${f.first.toFixed(0).padStart(8)} ${col(f.one.p50)} ${col(f.one.p95)} ${col(m?.p50)} ${col(m?.p95)} ${(m ? m.rps.toFixed(0) : "—").padStart(10)}`,
      );
    }
    console.log(`busola list --json (new process): ${cli.map((t) => t.toFixed(0)).join(", ")} ms`);
    console.log(
      "\nrows loaded:",
      Object.entries(counts)
        .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
        .join(", "),
    );
    await printSizes(server.url);

    for (const base of list.filter((p) => p.baselineOf)) {
      const b = figures.find((f) => f.page === base.name)!;
      const now = figures.find((f) => f.page === base.baselineOf);
      if (!now) continue;
      const ratio = (x: number, y: number) => `${(x / y).toFixed(1)}×`;
      console.log(
        `${now.page} against ${base.name}: p50@1 ${ratio(b.one.p50, now.one.p50)} faster, p95@20 ${ratio(b.many!.p95, now.many!.p95)} faster`,
      );
    }
    const measured = figures.filter((f) => !list.find((p) => p.name === f.page)?.baselineOf);
    const goals = [
      ...measured
        .filter((f) => /dashboard|tree|indicator|explorer/.test(f.page))
        .map((f) => [`${f.page} p95@20 < 100 ms`, f.many!.p95 < 100] as const),
      ...measured
        .filter((f) => /comparison/.test(f.page))
        .map((f) => [`${f.page} p95@20 < 300 ms`, f.many!.p95 < 300] as const),
      [
        `busola list --json < 1 s (new process, slowest ${cli.at(-1)!.toFixed(0)} ms)`,
        cli.at(-1)! < 1000,
      ] as const,
    ];
    console.log("\ngoals (issue 12; not asserted):");
    for (const [what, met] of goals) console.log(`  ${met ? "met    " : "NOT MET"} ${what}`);

    const check = await explainAll({
      url: server.url,
      planner: !SMOKE,
      wholeInstallation: new Set(list.filter((p) => p.wholeInstallation).map((p) => p.name)),
    });
    if (check.slowest.length > 0) {
      console.log("\nslowest queries (EXPLAIN ANALYZE, one run each):");
      for (const q of check.slowest)
        console.log(`  ${q.ms.toFixed(1).padStart(8)} ms  ${q.page}: ${q.text.slice(0, 220)}`);
    }
    const failing = check.findings.filter((f) => !f.expected);
    console.log(
      `\nEXPLAIN check: ${check.queries} distinct queries explained; ${failing.length} sequential scans of tenant tables${check.findings.length > failing.length ? ` (+${check.findings.length - failing.length} in whole-installation reads, expected)` : ""}`,
    );
    for (const f of check.findings) {
      console.log(
        `\n${f.expected ? "expected" : "FAIL"}: ${f.how} on ${f.table} (${f.mode === "no index" ? "no index can serve it" : "chosen by the planner"}) — ${f.page}\n${f.text}\n${f.plan}`,
      );
    }
    if (failing.length > 0) code = 1;
  } finally {
    server.stop();
  }
  return code;
}

process.exitCode = await main();
