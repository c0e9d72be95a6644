// Before any other module of the command loads: Node's compile cache, and the engine flag the
// embedded database needs to stay small (decisions 049 and 050).
import module from "node:module";

/**
 * V8 compiles PGlite's WebAssembly (about 10 MB) a second time with its optimising compiler
 * as functions get hot, which briefly takes ~500 MB; Liftoff's baseline code alone is what the
 * database's queries need (they spend their time in the protocol and in JavaScript).
 */
export const ENGINE_FLAGS = ["--liftoff-only"];
/** Commands that never open the database start as they are. */
const WITHOUT_DATABASE = new Set(["import", "help", "--help", "-h"]);
const RESTARTED = "BUSOLA_ENGINE_FLAGS";

export function prepareProcess(argv: string[]): void {
  const command = argv[0];
  const needsFlags =
    command !== undefined &&
    !WITHOUT_DATABASE.has(command) &&
    !ENGINE_FLAGS.every((f) => process.execArgv.includes(f)) &&
    process.env[RESTARTED] === undefined &&
    process.env.BUSOLA_WASM_OPTIMISE !== "true";
  if (needsFlags && typeof process.execve === "function") {
    // The same process (same pid, same terminal) again, with the flags: V8 reads them only at
    // start. Costs one bare Node start-up (~30 ms).
    process.execve(
      process.execPath,
      [process.execPath, ...ENGINE_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
      { ...process.env, [RESTARTED]: "1" },
    );
  }
  // Compiled (and type-stripped) modules kept between runs, in the system's temporary
  // directory unless NODE_COMPILE_CACHE names another; a cold cache only costs the first run.
  module.enableCompileCache?.();
}
