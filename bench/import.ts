// npm run bench:import [-- --smoke] — the whole command `busola import FILE --dry-run --json`
// of seed 000 from spawn to exit (goal < 500 ms; what a user waits for), then the parse time of
// each seed (plain text, and seed 000 as a Word file and as a PDF) and this process's peak
// memory. Prints figures; asserts nothing. --smoke: one run of each, seconds, for CI.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Packer, Paragraph } from "docx";
import { parseReportText } from "../app/report-reader/parse-text.ts";
import { readReportFile } from "../app/report-reader/read-file.ts";
import { textToPdf } from "../test/support/typst-pdf.ts";
import {
  SEED_000,
  SEED_001,
  SEED_002,
  SEED_003,
  SEED_004,
  seedPath,
} from "../test/unit/report-reader/seeds.ts";
import { mb, median as middle, runProcess } from "./whole-process.ts";

const SMOKE = process.argv.includes("--smoke");
const RUNS = SMOKE ? 1 : Number(process.env.BENCH_RUNS ?? 15);
const BIN = fileURLToPath(new URL("../bin/busola.js", import.meta.url));
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    sample();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

// The seeds as the repository holds them (the same copies the tests read), so the bench runs
// on a clean clone without ../shared beside it.
const files = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004];

// The whole command, as run from a shell: Node's start, the modules, reading, parsing, printing.
{
  const seed = seedPath(SEED_000);
  const args = [BIN, "import", seed, "--dry-run", "--json"];
  await runProcess(process.execPath, args); // fills Node's compile cache, as any earlier run has
  const runs = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const run = await runProcess(process.execPath, args);
    if (run.status !== 0) throw new Error(`busola import failed: ${run.stderr}`);
    runs.push(run);
  }
  console.log(
    `000 whole process busola import --dry-run --json: ${middle(runs.map((r) => r.ms)).toFixed(0)} ms (goal < 500 ms), peak RSS ${mb(Math.max(...runs.map((r) => r.peakMb ?? 0)) || null)}`,
  );
}
for (const file of files) {
  const text = readFileSync(seedPath(file), "utf8");
  const ms = await median(() => parseReportText(text));
  console.log(
    `${file.slice(0, 3)} text  ${(text.length / 1024).toFixed(0).padStart(4)} KB: ${ms.toFixed(1)} ms${file.startsWith("000") ? " (parsing alone)" : ""}`,
  );
}

// Seed 000 as a Word document: one paragraph per line, built here so no binary is committed.
const dir = mkdtempSync(path.join(tmpdir(), "busola-bench-import-"));
try {
  const lines = readFileSync(seedPath(SEED_000), "utf8").split("\n");
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  const docx = path.join(dir, "000.docx");
  writeFileSync(docx, await Packer.toBuffer(doc));
  const ms = await median(async () => parseReportText(await readReportFile({ file: docx })));
  console.log(`000 docx (read + parse): ${ms.toFixed(1)} ms (goal < 1500 ms)`);
  // Seed 000 typeset by Typst (tables, running header, page numbers), as in the PDF tests.
  const pdf = path.join(dir, "000.pdf");
  writeFileSync(pdf, textToPdf(lines.join("\n")));
  const pdfMs = await median(async () => parseReportText(await readReportFile({ file: pdf })));
  console.log(`000 pdf  (read + parse): ${pdfMs.toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`peak memory (RSS): ${(peak / 1024 / 1024).toFixed(0)} MB`);
