// npm run bench:server — cold start and page latency of the production build on PGlite with
// the demo data. Prints figures; asserts nothing (timings on shared machines are noisy).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "./server-process.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const PORT = Number(process.env.BENCH_PORT ?? 3931);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function cookieHeader(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [k, ...v] = pair!.split("=");
    jar.set(k!, v.join("="));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const page = await fetch(`${url}/logowanie`);
  const cookie = cookieHeader(page, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/logowanie`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: url },
    body: new URLSearchParams({ _csrf: csrf, email, password: "busola-demo", next: "/" }),
  });
  if (res.status !== 302) throw new Error(`sign-in failed: ${res.status}`);
  return cookieHeader(res, jar);
}

async function load(
  url: string,
  cookie: string,
): Promise<{ p50: number; p95: number; max: number; rps: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const t = performance.now();
      const res = await fetch(url, { headers: { Cookie: cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
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
try {
  const cold = await startServer({ dataDir, port: PORT });
  await cold.stop();
  const warm = await startServer({ dataDir, port: PORT });
  console.log(
    `cold start, new data directory:      ${(cold.readyMs / 1000).toFixed(2)} s (goal < 10 s)`,
  );
  console.log(
    `cold start, existing data directory: ${(warm.readyMs / 1000).toFixed(2)} s (goal < 3 s)`,
  );
  const cookie = await signIn(warm.url, "koordynator@ruda-slaska.demo");
  const treeUrl = `${warm.url}/g/ruda-slaska/dokumenty/srps-2016-2025?rok=2020`;
  const treeHtml = await (await fetch(treeUrl, { headers: { Cookie: cookie } })).text();
  const cardPath = /href="(\/g\/ruda-slaska\/projekty\/[^"]+\/2020)"/.exec(treeHtml)![1]!;
  for (const [name, url] of [
    ["strategy tree", treeUrl],
    ["project card", `${warm.url}${cardPath}`],
  ] as const) {
    await load(url, cookie); // warm-up
    const r = await load(url, cookie);
    console.log(
      `${name.padEnd(14)} ${CONNECTIONS} connections × ${REQUESTS} requests: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (goal < 50 ms), max ${r.max.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s`,
    );
  }
  await warm.stop();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
