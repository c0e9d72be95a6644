// `npm run bench:limits`: another user's page latency while a signed-in client sends 150 MB
// POSTs that the server must refuse before reading (decision 027). Goal: p95 < 200 ms.
import http from "node:http";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "./server-process.ts";

const PORT = Number(process.env.BENCH_PORT ?? 39480);
const READS = Number(process.env.BENCH_READS ?? 200);
const BIG = 150 * 1024 * 1024;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sends one 150 MB form body; resolves with the status and how long the refusal took. */
function bigPost(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let answered = false;
    const req = http.request(`${url}/logowanie`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(BIG),
      },
    });
    const chunk = Buffer.alloc(256 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < BIG && !answered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    req.on("response", (res) => {
      answered = true;
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, ms: performance.now() - started }));
    });
    req.on("error", () => {
      if (!answered) resolve({ status: 0, ms: performance.now() - started });
    });
    pump();
  });
}

if (!isMainThread) {
  for (;;) parentPort!.postMessage(await bigPost((workerData as { url: string }).url));
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "busola-bench-limits-"));
  const server = await startServer({
    dataDir,
    port: PORT,
    env: { BUSOLA_DEMO: "true", BUSOLA_DEMO_DATA: "factories", NODE_ENV: "development" },
  });
  try {
    const page = `${server.url}/logowanie`;
    const readPage = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await (await fetch(page)).arrayBuffer();
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b);
    };
    await readPage(20); // warm-up
    const quiet = await readPage(READS);
    // The sender runs in its own thread, so pumping 150 MB does not delay this thread's reads.
    const attacker = new Worker(new URL(import.meta.url), { workerData: { url: server.url } });
    const refusals: { status: number; ms: number }[] = [];
    attacker.on("message", (r: { status: number; ms: number }) => refusals.push(r));
    while (refusals.length === 0) await new Promise((r) => setTimeout(r, 10));
    const times = await readPage(READS);
    await attacker.terminate();
    const refusedMs = refusals.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `150 MB POSTs: ${refusals.length} sent, statuses ${[...new Set(refusals.map((r) => r.status))].join(", ")}, refused in p50 ${percentile(refusedMs, 50).toFixed(1)} ms, max ${refusedMs.at(-1)!.toFixed(1)} ms`,
    );
    console.log(
      `other page without them (${READS} reads): p50 ${percentile(quiet, 50).toFixed(1)} ms, p95 ${percentile(quiet, 95).toFixed(1)} ms`,
    );
    console.log(
      `other page during them (${READS} reads): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (goal < 200 ms)`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
