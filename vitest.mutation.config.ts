// The tests Stryker runs against one module's mutants (npm run test:mutation): the files named
// in BUSOLA_MUTATION_TESTS, on PGlite only, so that each mutant costs seconds, not minutes.
import { defineConfig } from "vitest/config";

const tests = (process.env.BUSOLA_MUTATION_TESTS ?? "").split(",").filter(Boolean);
if (tests.length === 0) throw new Error("BUSOLA_MUTATION_TESTS names no test file");

export default defineConfig({
  test: {
    include: tests,
    // The PGlite snapshot only when a database test is among them: it costs seconds per run.
    globalSetup: tests.some((t) => t.startsWith("test/db/"))
      ? ["test/support/global-setup.ts"]
      : [],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
