// npm run bench:public — the public side under load: 50 concurrent anonymous clients over the
// municipality page, a project page, an indicator page, an API list and a CSV dataset, on the
// production build with the demo data. Prints p50/p95 per kind and the server's CPU per request
// beside a bare node:http server sending the same bytes, measured in the same run.
// Goals: p95 < 50 ms; CPU per request ≤ 3× the bare server. Asserts nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server-process.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 3941);
const BARE_PORT = PORT + 1;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(url: string, pid: number) {
  const times: number[] = [];
  let next = 0;
  const cpu0 = cpuMs(pid);
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const t = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const cpu = (cpuMs(pid) - cpu0) / times.length;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), cpu };
}

async function findPaths(base: string): Promise<[string, string][]> {
  const gminy = (await (await fetch(`${base}/api/v1/gminy`)).json()) as {
    data: { slug: string }[];
  };
  const slug = gminy.data[0]?.slug;
  if (!slug) throw new Error("no municipality publishes: nothing public to measure");
  const home = `/gminy/${slug}`;
  const html = await (await fetch(`${base}${home}`)).text();
  // Projects and indicators are linked from a published year's page, not from the home.
  const year = new RegExp(`href="(${home}/dokumenty/[^"/]+/\\d{4})"`).exec(html)?.[1];
  const yearHtml = year ? await (await fetch(`${base}${year}`)).text() : "";
  const project = new RegExp(`href="(${year}/projekty/[^"]+)"`).exec(yearHtml)?.[1];
  const indicator = new RegExp(`href="(${year}/wskazniki/[^"]+)"`).exec(yearHtml)?.[1];
  const paths: [string, string | undefined][] = [
    ["municipality page", home],
    ["project page", project],
    ["indicator page", indicator],
    ["API list", `/api/v1/projekty?gmina=${slug}&limit=50`],
    ["CSV dataset", `/gminy/${slug}/dane/wskazniki.csv`],
  ];
  for (const [kind, p] of paths) if (!p) console.log(`${kind}: no link found on ${home}, skipped`);
  return paths.filter((x): x is [string, string] => !!x[1]);
}

function startBare(file: string): Promise<ChildProcess> {
  const script = fileURLToPath(new URL("./bare-server.ts", import.meta.url));
  const child = spawn(process.execPath, [script, file, String(BARE_PORT)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve) => child.stdout!.once("data", () => resolve(child)));
}

const dataDir = mkdtempSync(path.join(tmpdir(), "busola-bench-public-"));
try {
  // The limit per address protects a real installation; one benchmark client is one address.
  const server = await startServer({ dataDir, port: PORT, env: { BUSOLA_API_RATE_LIMIT: "0" } });
  const paths = await findPaths(server.url);
  const recorded: Record<string, { type: string; body: string }> = {};
  for (const [, p] of paths) {
    const res = await fetch(`${server.url}${p}`);
    recorded[p] = {
      type: res.headers.get("Content-Type") ?? "text/plain",
      body: Buffer.from(await res.arrayBuffer()).toString("base64"),
    };
  }
  const file = path.join(dataDir, "recorded.json");
  writeFileSync(file, JSON.stringify(recorded));
  const bare = await startBare(file);
  console.log(`${CONNECTIONS} concurrent clients × ${REQUESTS} requests per kind`);
  for (const [kind, p] of paths) {
    await load(`${server.url}${p}`, server.child.pid!); // warm-up
    const r = await load(`${server.url}${p}`, server.child.pid!);
    await load(`http://127.0.0.1:${BARE_PORT}${p}`, bare.pid!);
    const b = await load(`http://127.0.0.1:${BARE_PORT}${p}`, bare.pid!);
    const ratio = b.cpu > 0 ? r.cpu / b.cpu : Infinity;
    console.log(
      `${kind.padEnd(18)} p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (goal < 50 ms); CPU ${r.cpu.toFixed(3)} ms/request vs bare ${b.cpu.toFixed(3)} ms = ${ratio.toFixed(1)}× (goal ≤ 3×)`,
    );
  }
  bare.kill("SIGTERM");
  await server.stop();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
