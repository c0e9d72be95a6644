import { defineConfig } from "vitest/config";

// CI (.ci/run) sets BUSOLA_VITEST_JSON to a directory: each run (`--project unit`, `--project
// browser`) also writes vitest-<project>.json there, which .ci/no-skipped-tests.mjs reads.
const jsonDir = process.env.BUSOLA_VITEST_JSON;
const project = process.argv[process.argv.indexOf("--project") + 1] ?? "all";

export default defineConfig({
  test: {
    ...(jsonDir
      ? {
          reporters: ["default", "json"],
          outputFile: { json: `${jsonDir}/vitest-${project}.json` },
        }
      : {}),
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
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
