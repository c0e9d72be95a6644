#!/usr/bin/env node
// The `busola` command. Runs the TypeScript sources directly through Node's type stripping.
import { main } from "../app/cli/main.ts";

process.exitCode = await main(process.argv.slice(2));
