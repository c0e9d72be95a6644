// npm run bench:report [-- --smoke] — the annual report of seed 000 (Ruda Śląska 2020, 124
// project cards, 114 PDF pages), like against like, LibreOffice measured in the same run:
//
// 1. whole processes: `busola report … --format pdf` from spawn to exit against LibreOffice
//    converting Busola's own DOCX of the same report (`soffice --headless --convert-to pdf`);
// 2. in a server-like process (database open and migrated, as after `busola serve` boots):
//    each format's first render after start (cold: nothing rendered ahead), a warm render (other
//    content, fonts and layouts already loaded), and a repeat (the report cache, decision 048);
//    the peak memory and what a report adds to it.
//
// BENCH_DATABASE_URL=postgresql://… runs on PostgreSQL; BENCH_DB=dir keeps the imported PGlite
// there and reuses it; BENCH_KEEP=dir keeps the files; BENCH_RUNS (default 3) whole-process
// runs each. --smoke: one run, HTML and a PDF only, no LibreOffice — seconds, for CI.
// Prints figures; asserts nothing.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ReportFormat, ReportLayout } from "../app/reports/model.ts";
import { prepareSeed000 } from "./report-data.ts";
import { findLibreOffice, mb, median, runProcess } from "./whole-process.ts";

const BIN = fileURLToPath(new URL("../bin/busola.js", import.meta.url));
const SMOKE = process.argv.includes("--smoke");
const RUNS = SMOKE ? 1 : Number(process.env.BENCH_RUNS ?? 3);
const FORMATS: ReportFormat[] = SMOKE ? ["html", "pdf"] : ["pdf", "docx", "html"];
const GOALS = { docxMs: 200, htmlMs: 50, pdfTimesLibreOffice: 20, serverMb: 400, reportMb: 150 };

type InServer = {
  format: ReportFormat;
  firstMs: number;
  warmMs: number;
  cachedMs: number;
  loadMs: number;
};
type InServerResult = { baseMb: number; peakMb: number; openMs: number; runs: InServer[] };

/** The child: a process like the server after boot, rendering each format three ways. */
async function inServer(where: string, layout: ReportLayout, formats: ReportFormat[]) {
  const started = performance.now();
  const { openDatabase, migrate } = await import("../app/db/client.ts");
  const { findTenant } = await import("../app/domain/tenants.ts");
  const { SYSTEM_ACTOR } = await import("../app/domain/actor.ts");
  const { readReportData } = await import("../app/domain/report-data/load.ts");
  const { generateReport } = await import("../app/reports/generate.ts");
  const database = where.startsWith("postgres")
    ? await openDatabase({ databaseUrl: where, poolSize: 2 })
    : await openDatabase({ dataDir: where });
  try {
    await migrate(database);
    const tenant = (await findTenant(database.db, "ruda-slaska"))!;
    const scope = { db: database.db, tenant, actor: SYSTEM_ACTOR };
    const openMs = performance.now() - started;
    const baseMb = process.memoryUsage().rss / 1024 / 1024;
    const timed = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    const make = (format: ReportFormat, generatedAt: Date) =>
      generateReport({
        scope,
        documentId: "srps",
        year: 2020,
        layout,
        format,
        options: { generatedAt },
      });
    const runs: InServer[] = [];
    for (const format of formats) {
      const firstMs = await timed(() => make(format, new Date("2021-03-31T10:00:00Z")));
      // Another printed date: other content, so it is rendered again, with everything warm.
      const warmMs = await timed(() => make(format, new Date("2021-04-01T10:00:00Z")));
      const cachedMs = await timed(() => make(format, new Date("2021-04-01T11:00:00Z")));
      const loadMs = await timed(() => readReportData({ scope, documentId: "srps", year: 2020 }));
      runs.push({ format, firstMs, warmMs, cachedMs, loadMs });
    }
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ baseMb, peakMb, openMs, runs } satisfies InServerResult));
  } finally {
    await database.close();
  }
}

async function wholeProcesses(where: string, layout: ReportLayout, dir: string) {
  const env = where.startsWith("postgres")
    ? { DATABASE_URL: where, BUSOLA_DEMO: "false" }
    : { BUSOLA_DATA_DIR: where, BUSOLA_DEMO: "false" };
  const cliOnce = async (format: ReportFormat) => {
    const out = path.join(dir, `cli-${layout}.${format}`);
    const args = [BIN, "report", "--tenant", "ruda-slaska", "--document", "srps"];
    args.push("--year", "2020", "--layout", layout, "--format", format, "--out", out);
    const run = await runProcess(process.execPath, args, env);
    if (run.status !== 0) throw new Error(`busola report --format ${format}: ${run.stderr}`);
    return { ...run, out };
  };
  const soffice = SMOKE ? null : findLibreOffice();
  // LibreOffice converts Busola's own DOCX of the same report.
  const docx = soffice ? (await cliOnce("docx")).out : null;
  const loOnce = async () => {
    const args = ["--headless", "--convert-to", "pdf", "--outdir", path.join(dir, "soffice")];
    const run = await runProcess(soffice!, [...args, docx!]);
    if (run.status !== 0) throw new Error(`LibreOffice failed: ${run.stderr}`);
    return run.ms;
  };
  const print = (label: string, ms: number[], peaks: (number | null)[], extra = "") =>
    console.log(
      `whole process  ${label.padEnd(28)}: ${median(ms).toFixed(0).padStart(5)} ms${peaks.length ? `, peak RSS ${mb(Math.max(...peaks.map((p) => p ?? 0)) || null)}` : ""}${extra}`,
    );
  let pdfMs = Number.NaN;
  let loMs: number | null = null;
  for (const format of FORMATS) {
    const runs = [];
    const lo: number[] = [];
    // PDF and LibreOffice alternate, so a busy machine slows both alike.
    for (let i = 0; i < RUNS; i++) {
      runs.push(await cliOnce(format));
      if (format === "pdf" && soffice) lo.push(await loOnce());
    }
    const ms = runs.map((r) => r.ms);
    print(
      `busola report --format ${format}`,
      ms,
      runs.map((r) => r.peakMb),
    );
    if (format === "pdf") pdfMs = median(ms);
    if (lo.length) loMs = median(lo);
  }
  if (loMs !== null)
    print(
      "LibreOffice DOCX → PDF",
      [loMs],
      [],
      ` = ${(loMs / pdfMs).toFixed(2)}× busola report --format pdf (goal > 1×)`,
    );
  return loMs;
}

function printInServer(r: InServerResult, loMs: number | null) {
  console.log(
    `in server: database open and migrated in ${r.openMs.toFixed(0)} ms, RSS then ${mb(r.baseMb)}; reading the report data ${r.runs[0]!.loadMs.toFixed(0)} ms`,
  );
  for (const x of r.runs) {
    const goal =
      x.format === "pdf"
        ? loMs
          ? ` — LibreOffice ${(loMs / x.firstMs).toFixed(1)}× the first, ${(loMs / x.warmMs).toFixed(1)}× the warm one (goal ≥ ${GOALS.pdfTimesLibreOffice}×)`
          : ""
        : ` (goal < ${x.format === "docx" ? GOALS.docxMs : GOALS.htmlMs} ms)`;
    console.log(
      `in server ${x.format.padEnd(4)}: first after start ${x.firstMs.toFixed(0).padStart(5)} ms, warm ${x.warmMs.toFixed(0).padStart(4)} ms, repeated ${x.cachedMs.toFixed(1)} ms${goal}`,
    );
  }
  console.log(
    `in server peak RSS ${mb(r.peakMb)} (goal < ${GOALS.serverMb} MB); the reports added ${mb(r.peakMb - r.baseMb)} (goal < ${GOALS.reportMb} MB)`,
  );
}

async function parent() {
  const layout = (process.env.BENCH_LAYOUT ?? "cards") as ReportLayout;
  const dir = mkdtempSync(path.join(tmpdir(), "busola-bench-report-"));
  try {
    const url = process.env.BENCH_DATABASE_URL;
    const where = url ?? process.env.BENCH_DB ?? path.join(dir, "data");
    const t = performance.now();
    if (url || !process.env.BENCH_DB || !existsSync(where)) await prepareSeed000(where);
    console.log(
      `seed 000 ready in ${url ? "PostgreSQL" : "PGlite"} in ${(performance.now() - t).toFixed(0)} ms${SMOKE ? " (smoke run: figures are not the goals' measurements)" : ""}`,
    );
    const loMs = await wholeProcesses(where, layout, process.env.BENCH_KEEP ?? dir);
    const child = await runChild(where, layout);
    printInServer(child, loMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runChild(where: string, layout: ReportLayout): Promise<InServerResult> {
  const { spawnSync } = await import("node:child_process");
  const { ENGINE_FLAGS } = await import("../app/cli/process-setup.ts");
  // With the engine flags `busola serve` runs with (decision 049).
  const run = spawnSync(
    process.execPath,
    [...ENGINE_FLAGS, import.meta.filename, "--in-server", where, layout, FORMATS.join(",")],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`the in-server process failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as InServerResult;
}

if (process.argv[2] === "--in-server") {
  const [, , , where, layout, formats] = process.argv;
  await inServer(where!, layout as ReportLayout, formats!.split(",") as ReportFormat[]);
} else {
  await parent();
}
