// node esbuild.cli.ts — the CLI's start-up bundle (decision 074): app/cli's process setup and
// dispatcher with every command, drizzle-orm and zod inlined, into build-cli/ (code-split, so a
// command's modules still load only when it runs). bin/busola.js runs it when it is fresh and
// falls back to the TypeScript sources otherwise, so the bundle is an optimisation only.
// Run by `npm install` (prepare), `npm run build` (start, the browser tests, the benchmarks).
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(ROOT, "build-cli");
/**
 * Packages inlined: ESM-only, loaded by every database command, and slow for Node to load file
 * by file (drizzle-orm's 179 KB package.json is parsed again for each of its ~100 modules).
 * Everything else stays a run-time import: native and WebAssembly modules find their files
 * beside themselves, and React Router must stay the one copy the server build also uses.
 */
const INLINED = new Set(["drizzle-orm", "zod"]);

const packageName = (spec: string) =>
  spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;

const plugin: Plugin = {
  name: "busola-cli",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("node:") || INLINED.has(packageName(args.path))
        ? undefined
        : { path: args.path, external: true },
    );
    // import.meta.url keeps naming the source file, so paths built from it (migrations, seeds,
    // fonts, the import worker) resolve as they do when the sources run.
    b.onLoad({ filter: /[\\/]app[\\/].*\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const relative = path.relative(OUT, args.path).split(path.sep).join("/");
      return {
        contents: source.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
        ),
        loader: args.path.endsWith("x") ? "tsx" : "ts",
      };
    });
  },
};

await rm(OUT, { recursive: true, force: true });
// A development dependency: an install without them (--omit=dev) runs the sources.
const esbuild = await import("esbuild").catch(() => null);
if (!esbuild) {
  console.warn("esbuild not installed: busola runs from the TypeScript sources");
  process.exit(0);
}
const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { "process-setup": "app/cli/process-setup.ts", main: "app/cli/main.ts" },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node24",
  chunkNames: "chunk-[hash]",
  metafile: true,
  logLevel: "warning",
  plugins: [plugin],
});
// What the bundle was built from, with sizes and modification times: bin/busola.js runs the
// sources instead as soon as one of them differs.
const inputs = await Promise.all(
  Object.keys(result.metafile.inputs).map(async (file) => {
    const s = await stat(path.join(ROOT, file));
    return [file, s.size, s.mtimeMs] as const;
  }),
);
await writeFile(path.join(OUT, "inputs.json"), JSON.stringify(inputs));
