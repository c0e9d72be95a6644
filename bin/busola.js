#!/usr/bin/env node
// The `busola` command. Runs the TypeScript sources directly through Node's type stripping;
// process-setup runs first, before the command's modules load (decision 050).
import { prepareProcess } from "../app/cli/process-setup.ts";

prepareProcess(process.argv.slice(2));
const { main } = await import("../app/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
