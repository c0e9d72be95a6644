import { defineConfig } from "vitest/config";

// CI (.ci/run) sets BUSOLA_VITEST_JSON to a directory: each run (`--project unit`, `--project
// browser`) also writes vitest-<project>.json there, which .ci/no-skipped-tests.mjs reads.
const jsonDir = process.env.BUSOLA_VITEST_JSON;
const project = process.argv[process.argv.indexOf("--project") + 1] ?? "all";

const SERIAL_BROWSER_FILES = [
  "test/browser/session-expiry.test.ts",
  "test/browser/crash-import.test.ts",
  "test/browser/crash-safety.test.ts",
  "test/browser/crash-workbook.test.ts",
  "test/browser/request-limits.test.ts",
  "test/browser/backup-restore.test.ts",
  "test/browser/data-dir-lock.test.ts",
];

export default defineConfig({
  test: {
    ...(jsonDir
      ? {
          reporters: ["default", "json"],
          outputFile: { json: `${jsonDir}/vitest-${project}.json` },
        }
      : {}),
    // Two files at a time even on two cores: database tests wait on PostgreSQL and browser tests
    // on the server and Chromium (other processes), so one worker left a core idle (decision 071).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/db/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/support/global-setup.ts"],
          exclude: SERIAL_BROWSER_FILES,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Tests that measure time, kill servers or wait for sessions to expire run alone, after
        // the others, so a neighbour's load cannot make them miss their moment.
        test: {
          name: "browser-serial",
          include: SERIAL_BROWSER_FILES,
          globalSetup: ["test/browser/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
