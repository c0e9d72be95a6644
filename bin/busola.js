#!/usr/bin/env node
// The `busola` command. Runs the start-up bundle built by `npm install` / `npm run build`
// (build-cli/, decision 074) when every file it was built from is unchanged, the TypeScript
// sources directly through Node's type stripping otherwise; either way process-setup runs
// first, before the command's modules load (decision 050).
import { readFileSync, statSync } from "node:fs";

const ROOT = new URL("../", import.meta.url);

/** The bundle when it is fresh: each of its inputs has the size and modification time it had. */
function bundle() {
  if (process.env.BUSOLA_FROM_SOURCE === "1") return null;
  try {
    const inputs = JSON.parse(readFileSync(new URL("build-cli/inputs.json", ROOT), "utf8"));
    for (const [file, size, mtimeMs] of inputs) {
      const s = statSync(new URL(file, ROOT));
      if (s.size !== size || s.mtimeMs !== mtimeMs) return null;
    }
    return {
      setup: new URL("build-cli/process-setup.js", ROOT).href,
      main: new URL("build-cli/main.js", ROOT).href,
    };
  } catch {
    return null;
  }
}

const from = bundle() ?? {
  setup: new URL("app/cli/process-setup.ts", ROOT).href,
  main: new URL("app/cli/main.ts", ROOT).href,
};
const { prepareProcess } = await import(from.setup);
prepareProcess(process.argv.slice(2));
const { main } = await import(from.main);
process.exitCode = await main(process.argv.slice(2));
