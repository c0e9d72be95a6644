// npm run bench:startup [-- --smoke] — `busola serve` on the embedded database: ready on a new
// data directory (migrations, the demo seeded, its reports rendered ahead) and on the existing
// one, each as the server reports it ("gotowe w … ms") and as the first page answered from
// spawn; the server's peak memory after start and after the first report of a process that
// did not seed (cold), i.e. what a report adds. Prints figures; asserts nothing.
// --smoke: one cycle with the factory demo — seconds, for CI.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mb } from "./whole-process.ts";

const BIN = fileURLToPath(new URL("../bin/busola.js", import.meta.url));
const SMOKE = process.argv.includes("--smoke");
const PORT = Number(process.env.BENCH_PORT ?? 3941);
const RUNS = SMOKE ? 1 : Number(process.env.BENCH_RUNS ?? 3);
const GOALS = { newMs: 5000, existingMs: 1500, serverMb: 400, reportMb: 150 };
const ENV: Record<string, string> = SMOKE ? { BUSOLA_DEMO_DATA: "factories" } : {};

function peakMb(server: Server): number | null {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
  } catch {
    return null;
  }
}

type Server = {
  url: string;
  pid: number;
  pageMs: number;
  readyMs: number;
  stop: () => Promise<void>;
};

/** `busola serve` from spawn until it answers a page; its own "gotowe w … ms" read from stdout. */
async function start(dataDir: string): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      ...process.env,
      ...ENV,
      BUSOLA_DATA_DIR: dataDir,
      PORT: String(PORT),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += String(d)));
  child.stderr.on("data", (d) => (err += String(d)));
  const url = `http://127.0.0.1:${PORT}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    const ok = await fetch(`${url}/logowanie`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const pageMs = performance.now() - started;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const readyMs = Number(/gotowe w (\d+) ms/.exec(out)?.[1] ?? NaN);
  return { url, pid: child.pid!, pageMs, readyMs, stop };
}

async function signIn(url: string, email: string): Promise<string> {
  const page = await fetch(`${url}/logowanie`);
  const jar = new Map<string, string>();
  const take = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [k, ...v] = c.split(";")[0]!.split("=");
      jar.set(k!, v.join("="));
    }
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  };
  const cookie = take(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/logowanie`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: url },
    body: new URLSearchParams({ _csrf: csrf, email, password: "busola-demo", next: "/" }),
  });
  if (res.status !== 302) throw new Error(`sign-in failed: ${res.status}`);
  return take(res);
}

/** The first PDF of this process: the server did not seed, so nothing was rendered ahead. */
async function firstReport(server: Server): Promise<number> {
  const cookie = await signIn(server.url, "koordynator@ruda-slaska.demo");
  const docs = await (
    await fetch(`${server.url}/g/ruda-slaska/dokumenty`, { headers: { cookie } })
  ).text();
  const doc = /href="\/g\/ruda-slaska\/dokumenty\/([^"/?]+)"/.exec(docs)?.[1];
  if (!doc) throw new Error("no document of ruda-slaska");
  const t = performance.now();
  const res = await fetch(
    `${server.url}/g/ruda-slaska/dokumenty/${doc}/raport/plik?rok=2020&uklad=cards&format=pdf`,
    { headers: { cookie } },
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200 || bytes[0] !== 0x25) throw new Error(`report: ${res.status}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const fresh = { ready: [] as number[], page: [] as number[], peak: [] as number[] };
const existing = { ready: [] as number[], page: [] as number[], peak: [] as number[] };
let report = { ms: NaN, before: null as number | null, after: null as number | null };
for (let run = 0; run < RUNS; run++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "busola-bench-startup-"));
  try {
    let s = await start(dataDir);
    fresh.ready.push(s.readyMs);
    fresh.page.push(s.pageMs);
    fresh.peak.push(peakMb(s) ?? NaN);
    await s.stop();
    s = await start(dataDir);
    existing.ready.push(s.readyMs);
    existing.page.push(s.pageMs);
    existing.peak.push(peakMb(s) ?? NaN);
    if (run === 0 && !SMOKE) {
      const before = peakMb(s);
      report = { ms: await firstReport(s), before, after: peakMb(s) };
    }
    await s.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(
  `new data directory: server ready ${ms(median(fresh.ready))} (goal < ${GOALS.newMs} ms), first page from spawn ${ms(median(fresh.page))}, peak RSS ${mb(median(fresh.peak))} (goal < ${GOALS.serverMb} MB)${SMOKE ? " [smoke: factory demo]" : ""}`,
);
console.log(
  `existing data directory: server ready ${ms(median(existing.ready))} (goal < ${GOALS.existingMs} ms), first page from spawn ${ms(median(existing.page))}, peak RSS ${mb(median(existing.peak))} (goal < ${GOALS.serverMb} MB)`,
);
if (!SMOKE)
  console.log(
    `first PDF of a restarted server (cold, nothing rendered ahead): ${ms(report.ms)}; peak RSS ${mb(report.before)} → ${mb(report.after)}, the report added ${report.before && report.after ? mb(report.after - report.before) : "?"} (goal < ${GOALS.reportMb} MB)`,
  );
