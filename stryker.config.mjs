// Mutation testing (decision 035). test/mutation/run.ts runs Stryker once per module with
// --mutate and the module's tests; this file holds what every run shares.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  concurrency: 1,
  reporters: ["clear-text", "json"],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: ".tmp/stryker",
  cleanTempDir: "always",
  timeoutMS: 30_000,
  ignorePatterns: ["build", "data", ".react-router", "coverage", ".tmp"],
  thresholds: { high: 90, low: 80, break: null },
};
