// `busola import FILE --dry-run --json` as a script would call it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SEED_003, seedPath } from "./report-reader/seeds.ts";

const run = promisify(execFile);
const SEED = seedPath(SEED_003);

describe("busola import --dry-run --json", () => {
  it("prints the proposal as JSON with numbers as numbers", async () => {
    const { stdout } = await run(
      process.execPath,
      ["bin/busola.js", "import", SEED, "--dry-run", "--json"],
      {
        maxBuffer: 20 * 1024 * 1024,
      },
    );
    const proposal = JSON.parse(stdout);
    expect(Object.keys(proposal)).toEqual([
      "document",
      "goals",
      "projects",
      "indicators",
      "nextYearProjects",
      "namedDocuments",
      "warnings",
    ]);
    expect(proposal.document.year).toBe(2021);
    const clubs = proposal.indicators.find((i: { name: string }) => i.name.includes("świetlic"));
    expect(typeof clubs.value).toBe("number");
  });

  it("refuses an empty file with a Polish message and exit code 1", async () => {
    const error = await run(process.execPath, [
      "bin/busola.js",
      "import",
      "/dev/null",
      "--dry-run",
      "--json",
    ]).catch((e: unknown) => e);
    expect((error as { code: number }).code).toBe(1);
    expect((error as { stderr: string }).stderr).toMatch(/Nie znaleziono pliku|pusty/);
  });
});
