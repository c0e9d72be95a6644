// `busola import FILE --dry-run --json` as a script would call it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const SEED = "../shared/seeds/003_0ae473834d40d8a4.txt";

describe("busola import --dry-run --json", () => {
  it.skipIf(!existsSync(SEED))("prints the proposal as JSON with numbers as numbers", async () => {
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
