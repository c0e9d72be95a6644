// npm run bench:soak — a bounded soak run (reliability item 11): a production build on PGlite,
// loopback only, driven for BENCH_SOAK_MINUTES (default 10; `--smoke`: 20 seconds) with mixed
// traffic: page reads (staff and public), project card saves, report downloads (DOCX, PDF,
// HTML), report uploads to the importer and partners' workbook uploads. Prints errors, lost
// writes, p95 of page reads per minute and the server's RSS after warm-up and at the end.
// Exit code 1 on any error or lost write; nothing is asserted about timing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, like } from "drizzle-orm";
import { openDatabase } from "../app/db/client.ts";
import { auditLog, projectCards } from "../app/db/schema.ts";
import {
  cardVersion,
  findCardEditPaths,
  getPage,
  saveCard,
  signIn,
  type Session,
} from "../test/browser/support/processes.ts";
import {
  multipart,
  openRounds,
  partnersRound,
  post,
  sendWorkbook,
} from "../test/browser/support/workbook-http.ts";
import { startServer } from "./server-process.ts";

const SMOKE = process.argv.includes("--smoke");
const MINUTES = SMOKE ? 1 / 3 : Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3941);
const TENANT = "ruda-slaska";
const IMPORT_FILE = fileURLToPath(
  new URL("../test/fixtures/import/relaid-cards.txt", import.meta.url),
);

type Sample = { at: number; ms: number };
const reads: Sample[] = [];
const errors: string[] = [];
let counts = { reads: 0, saves: 0, reports: 0, imports: 0, workbooks: 0 };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function timed(s: Session, pathname: string): Promise<void> {
  const t0 = performance.now();
  const res = await fetch(`${s.url}${pathname}`, { headers: { Cookie: s.cookie } });
  await res.arrayBuffer();
  reads.push({ at: Date.now(), ms: performance.now() - t0 });
  counts.reads++;
  if (res.status !== 200) errors.push(`GET ${pathname}: ${res.status}`);
}

async function readersLoop(s: Session, pages: string[], until: number) {
  for (let i = 0; Date.now() < until; i++) {
    await timed(s, pages[i % pages.length]!).catch((e: unknown) => errors.push(`read: ${e}`));
  }
}

type Lane = { path: string; acked: string[] };

async function writerLoop(s: Session, lane: Lane, index: number, until: number) {
  let version = await cardVersion(s, lane.path);
  for (let i = 0; Date.now() < until; i++) {
    const marker = `soak-${index}-${i}-${Date.now()}`;
    const ok = await saveCard(s, lane.path, marker, version).catch(() => false);
    if (ok) {
      lane.acked.push(marker);
      version += 1;
      counts.saves++;
    } else {
      // A conflict with another writer of the card is no error: re-read, as a person would.
      version = await cardVersion(s, lane.path);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function reportsLoop(s: Session, docPath: string, until: number) {
  const formats = ["docx", "html", "pdf"];
  for (let i = 0; Date.now() < until; i++) {
    const url = `${docPath}/raport/plik?rok=2020&uklad=cards&format=${formats[i % 3]}`;
    try {
      const res = await fetch(`${s.url}${url}`, { headers: { Cookie: s.cookie } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (res.status !== 200 || bytes.length < 500) errors.push(`report ${url}: ${res.status}`);
    } catch (error) {
      // Counted like a bad answer: the soak reports every failed request and exits non-zero.
      errors.push(`report ${url}: ${String(error)}`);
    }
    counts.reports++;
    await new Promise((r) => setTimeout(r, SMOKE ? 1000 : 10_000));
  }
}

async function importsLoop(s: Session, until: number) {
  const bytes = readFileSync(IMPORT_FILE);
  while (Date.now() < until) {
    const res = await post(
      s,
      `/g/${TENANT}/import?_csrf=${encodeURIComponent(s.csrf)}`,
      multipart("plik", "sprawozdanie.txt", bytes, s.csrf),
    );
    if (res.status !== 302 || !/\/import\/[0-9a-f-]{36}$/.test(res.location ?? ""))
      errors.push(`import upload: ${res.status}`);
    counts.imports++;
    await new Promise((r) => setTimeout(r, SMOKE ? 2000 : 20_000));
  }
}

async function workbooksLoop(s: Session, roundId: string, until: number) {
  for (let i = 1; Date.now() < until; i++) {
    const result = await sendWorkbook(s, TENANT, roundId, 100 + i);
    if (!result.ok) errors.push(`workbook ${result.step}: ${result.status}`);
    counts.workbooks++;
    await new Promise((r) => setTimeout(r, SMOKE ? 2000 : 15_000));
  }
}

/** Each lane's stored text is its last acknowledged save, with an audit entry per save. */
async function lostWrites(dataDir: string, lanes: Lane[]): Promise<number> {
  const database = await openDatabase({ dataDir });
  let lost = 0;
  try {
    const cards = await database.db
      .select()
      .from(projectCards)
      .where(like(projectCards.effects, "soak-%"));
    for (const [index, lane] of lanes.entries()) {
      const last = lane.acked.at(-1);
      if (!last) continue;
      const card = cards.find((c) => c.effects?.startsWith(`soak-${index}-`));
      if (card?.effects !== last) lost++;
      if (!card) continue;
      const audits = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, card.id), eq(auditLog.entityType, "project_card")));
      const audited = new Set(audits.map((a) => (a.after as { effects?: string })?.effects));
      lost += lane.acked.filter((m) => !audited.has(m)).length;
    }
  } finally {
    await database.close();
  }
  return lost;
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "busola-soak-"));
  const server = await startServer({
    dataDir,
    port: PORT,
    env: {
      NODE_ENV: "development",
      BUSOLA_DEMO: "true",
      BUSOLA_DEMO_DATA: "factories",
      BUSOLA_SECURE_COOKIES: "false",
      DATABASE_URL: "",
      DATABASE_READ_URL: "",
    },
  });
  const url = server.url;
  if (!/^http:\/\/127\.0\.0\.1:/.test(url)) throw new Error("the soak run stays on loopback");
  try {
    const coordinator = await signIn(url, "koordynator@ruda-slaska.demo");
    const viewer = await signIn(url, "odczyt@ruda-slaska.demo");
    const partner = await signIn(url, "pup@ruda-slaska.demo");
    const roundId = await partnersRound(partner, TENANT, await openRounds(coordinator, TENANT));
    const cardPaths = (await findCardEditPaths(coordinator, TENANT)).slice(0, 3);
    const docs = await getPage(viewer, `/g/${TENANT}/dokumenty`);
    const docPaths = [
      ...new Set([...docs.matchAll(/href="(\/g\/[^"]+\/dokumenty\/[^/"?]+)"/g)].map((m) => m[1]!)),
    ];
    const pages = [
      `/g/${TENANT}`,
      `/g/${TENANT}/dokumenty`,
      ...docPaths,
      ...cardPaths.map((p) => p.replace(/\/edycja$/, "")),
      "/",
      `/gminy/${TENANT}`,
    ];
    const start = Date.now();
    const warmUntil = start + Math.min(60_000, MINUTES * 60_000 * 0.2);
    const until = start + MINUTES * 60_000;
    const lanes: Lane[] = cardPaths.map((p) => ({ path: p, acked: [] }));
    let rssWarm = 0;
    const warm = new Promise<void>((resolve) =>
      setTimeout(() => {
        rssWarm = rssMb(server.child.pid!);
        resolve();
      }, warmUntil - start),
    );
    console.log(
      `soak: ${MINUTES.toFixed(1)} min, ${pages.length} pages, ${lanes.length} card lanes, round ${roundId}`,
    );
    await Promise.all([
      readersLoop(viewer, pages, until),
      readersLoop(coordinator, pages, until),
      ...lanes.map((lane, i) => writerLoop(coordinator, lane, i, until)),
      reportsLoop(coordinator, docPaths[0]!, until),
      importsLoop(coordinator, until),
      workbooksLoop(partner, roundId, until),
      warm,
    ]);
    const rssEnd = rssMb(server.child.pid!);
    await server.stop();
    const lost = await lostWrites(dataDir, lanes);
    for (let m = 0; m * 60_000 < until - start; m++) {
      const from = start + m * 60_000;
      const minute = reads
        .filter((r) => r.at >= from && r.at < from + 60_000)
        .map((r) => r.ms)
        .sort((a, b) => a - b);
      console.log(
        `minute ${m + 1}: ${minute.length} page reads, p95 ${percentile(minute, 95).toFixed(0)} ms`,
      );
    }
    const growth = rssWarm > 0 ? ((rssEnd - rssWarm) / rssWarm) * 100 : Number.NaN;
    console.log(
      `requests: ${counts.reads} page reads, ${counts.saves} card saves, ${counts.reports} reports, ` +
        `${counts.imports} imports, ${counts.workbooks} workbook uploads`,
    );
    console.log(
      `errors: ${errors.length}${errors.length ? ` (${errors.slice(0, 5).join("; ")})` : ""}`,
    );
    console.log(`lost writes: ${lost}`);
    console.log(
      `RSS: ${rssWarm.toFixed(0)} MB after warm-up, ${rssEnd.toFixed(0)} MB at the end (${growth.toFixed(1)} %; goal < 10 %)`,
    );
    process.exitCode = errors.length > 0 || lost > 0 ? 1 : 0;
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

counts = { reads: 0, saves: 0, reports: 0, imports: 0, workbooks: 0 };
await main();
