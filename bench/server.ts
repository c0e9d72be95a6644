// npm run bench:server — the signed-in pages the issue measures (the strategy tree, a
// project card and the dashboard home, as the demo coordinator) against the production
// build, beside a bare node:http server sending the same bytes, measured in the same run so
// the ratio holds on a noisy machine. Per page: the server's CPU per request over sequential
// requests (the server process and its children; a PostgreSQL server is not counted) and its
// ratio to the bare server's; p50/p95 and req/s at 20 connections. Also the cold start of a
// new and an existing data directory. On PostgreSQL with BENCH_DATABASE_URL (a database of
// its own: the demo is seeded into it when empty). Goals (issue 13): ratio <= 8, p95 < 50 ms.
// Asserts nothing about timing; exits non-zero when a page does not answer 200.
//
//   npm run bench:server [-- --smoke]     --smoke: a few requests, for CI (seconds, not minutes)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { cpuMsOfTree, signIn, startBare, startServer } from "./server-process.ts";

const SMOKE = process.argv.includes("--smoke");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (SMOKE ? 2 : 20));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? (SMOKE ? 20 : 1000));
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? (SMOKE ? 10 : 300));
/** The bare server needs many requests: CPU time is counted in 10 ms ticks. */
const BARE_SEQUENTIAL = SMOKE ? 10 : 3000;
const PORT = Number(process.env.BENCH_PORT ?? 3931);
const DATABASE_URL = process.env.BENCH_DATABASE_URL;

type Load = { p50: number; p95: number; max: number; rps: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// node:http with keep-alive rather than fetch: the client shares the machine's cores with the
// server, and undici's fetch spent about twice the CPU per page.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** `fresh`: a new connection per request, as ../shared/checks/performance's client does. */
function fetchOk(url: string, cookie: string, fresh = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const options = { agent: fresh ? false : agent, headers: { Cookie: cookie } };
    const req = http.get(url, options, (res) => {
      res.on("data", () => {});
      res.on("end", () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** CPU milliseconds per request of the process tree under `pid`, one request after another. */
async function cpuPerRequest(url: string, cookie: string, pid: number, n: number) {
  for (let i = 0; i < 20; i++) await fetchOk(url, cookie, true);
  const cpu0 = cpuMsOfTree(pid);
  for (let i = 0; i < n; i++) await fetchOk(url, cookie, true);
  return (cpuMsOfTree(pid) - cpu0) / n;
}

async function load(url: string, cookie: string): Promise<Load> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const t = performance.now();
      await fetchOk(url, cookie);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    rps: times.length / elapsed,
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "busola-bench-"));
// The smoke run uses the compact factory demo (same municipality, document and coordinator).
const env = {
  ...(DATABASE_URL ? { DATABASE_URL } : {}),
  ...(SMOKE ? { BUSOLA_DEMO_DATA: "factories" } : {}),
};
try {
  console.log(
    `bench:server on ${DATABASE_URL ? "PostgreSQL (BENCH_DATABASE_URL)" : "PGlite"}${SMOKE ? " — smoke run, figures not meaningful" : ""}`,
  );
  const cold = await startServer({ dataDir, port: PORT, env });
  console.log(`cold start, new data directory:      ${(cold.readyMs / 1000).toFixed(2)} s`);
  let server = cold;
  if (!SMOKE) {
    await cold.stop();
    server = await startServer({ dataDir, port: PORT, env });
    console.log(`cold start, existing data directory: ${(server.readyMs / 1000).toFixed(2)} s`);
  }
  try {
    const cookie = await signIn(server.url, "koordynator@ruda-slaska.demo");
    const treePath = "/g/ruda-slaska/dokumenty/srps-2016-2025?rok=2020";
    const treeHtml = await (
      await fetch(server.url + treePath, { headers: { Cookie: cookie } })
    ).text();
    const cardPath = /href="(\/g\/ruda-slaska\/projekty\/[^"]+\/2020)"/.exec(treeHtml)?.[1];
    if (!cardPath) throw new Error(`no project card linked from ${treePath}`);
    const pages = [
      ["strategy tree", treePath],
      ["project card", cardPath],
      // The coordinator's home: dashboard charts, the open round, deadlines (decision 076).
      ["dashboard", "/g/ruda-slaska"],
    ] as const;
    // The bare server answers each path with the bytes Busola sent for it.
    const recorded: Record<string, { type: string; body: string }> = {};
    for (const [, p] of pages) {
      const res = await fetch(server.url + p, { headers: { Cookie: cookie } });
      recorded[p] = {
        type: res.headers.get("Content-Type") ?? "text/html",
        body: Buffer.from(await res.arrayBuffer()).toString("base64"),
      };
    }
    const file = path.join(dataDir, "recorded.json");
    writeFileSync(file, JSON.stringify(recorded));
    const bare = await startBare(file, PORT + 1);
    try {
      for (const [name, p] of pages) {
        const size = Buffer.from(recorded[p]!.body, "base64").length;
        const cpu = await cpuPerRequest(server.url + p, cookie, server.child.pid!, SEQUENTIAL);
        const bareUrl = `http://127.0.0.1:${PORT + 1}${p}`;
        const floor = await cpuPerRequest(bareUrl, "", bare.pid!, BARE_SEQUENTIAL);
        const ratio = floor > 0 ? cpu / floor : Infinity;
        await load(server.url + p, cookie); // warm-up
        const r = await load(server.url + p, cookie);
        console.log(
          `${name.padEnd(14)} ${(size / 1024).toFixed(0)} KB: CPU ${cpu.toFixed(2)} ms/request vs bare ${floor.toFixed(3)} ms = ${ratio.toFixed(1)}× (goal ≤ 8×); ` +
            `${CONNECTIONS} connections × ${REQUESTS}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (goal < 50 ms), max ${r.max.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s`,
        );
      }
    } finally {
      bare.kill("SIGTERM");
    }
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  agent.destroy();
}
