// npm run test:mutation [-- module…]: Stryker over the modules where a wrong answer is worst,
// one module at a time (each with only its own tests), then the score of each printed; exits
// non-zero when any module scores below 80 % (decision 035). Modules: see MODULES.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = `${ROOT}.tmp/mutation`;
const MINIMUM = 80;

type Module = { mutate: string[]; tests: string[] };

export const MODULES: Record<string, Module> = {
  policies: {
    mutate: ["app/policies/index.ts"],
    tests: ["test/unit/policies.test.ts", "test/unit/round-policies.test.ts"],
  },
  validation: {
    mutate: ["app/domain/validation/*.ts"],
    tests: ["test/unit/validation/*.test.ts"],
  },
  suppression: {
    mutate: ["app/reports/small-counts.ts"],
    tests: ["test/unit/reports/small-counts.test.ts"],
  },
  "versioned-update": {
    mutate: ["app/domain/versioned-update.ts"],
    tests: ["test/db/lost-update-guard.test.ts", "test/db/versions-and-audit.test.ts"],
  },
  contributions: {
    mutate: ["app/report-reader/contributions.ts"],
    tests: ["test/unit/report-reader/contributions.test.ts"],
  },
  "workbook-reader": {
    mutate: ["app/round-xlsx/read.ts", "app/round-xlsx/cells.ts"],
    tests: ["test/unit/round-xlsx/workbook.test.ts", "test/unit/round-xlsx/cells.test.ts"],
  },
};

type Report = { files: Record<string, { mutants: { status: string }[] }> };

function score(report: Report) {
  const counts: Record<string, number> = {};
  for (const file of Object.values(report.files))
    for (const m of file.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  const valid = detected + undetected;
  return { counts, detected, valid, percent: valid === 0 ? 100 : (100 * detected) / valid };
}

const names = process.argv.slice(2);
for (const n of names) if (!MODULES[n]) throw new Error(`unknown module ${n}`);
mkdirSync(OUT, { recursive: true });
const results: { name: string; percent: number; line: string }[] = [];
for (const name of names.length > 0 ? names : Object.keys(MODULES)) {
  const mod = MODULES[name]!;
  const reportFile = `${OUT}/${name}.json`;
  const config = `${OUT}/${name}.config.mjs`;
  writeFileSync(
    config,
    `import base from ${JSON.stringify(`${ROOT}stryker.config.mjs`)};\n` +
      `export default { ...base, mutate: ${JSON.stringify(mod.mutate)}, ` +
      `jsonReporter: { fileName: ${JSON.stringify(reportFile)} } };\n`,
  );
  console.log(`\n=== mutation testing: ${name} (${mod.mutate.join(", ")})`);
  const run = spawnSync("npx", ["stryker", "run", config], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      BUSOLA_MUTATION_TESTS: mod.tests.join(","),
      BUSOLA_TEST_DATABASE_URL: "",
      BUSOLA_TEST_DATABASE_READ_URL: "",
    },
  });
  if (run.status !== 0) throw new Error(`Stryker failed on ${name} (exit ${run.status})`);
  const s = score(JSON.parse(readFileSync(reportFile, "utf8")) as Report);
  const detail = Object.entries(s.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  results.push({
    name,
    percent: s.percent,
    line: `${name.padEnd(18)} ${s.percent.toFixed(1).padStart(5)} %  (${s.detected}/${s.valid}; ${detail})`,
  });
}
console.log("\nMutation score per module (minimum 80 %):");
for (const r of results) console.log(`  ${r.line}${r.percent < MINIMUM ? "  BELOW MINIMUM" : ""}`);
if (results.some((r) => r.percent < MINIMUM)) process.exit(1);
