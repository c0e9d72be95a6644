// Seeds the factory demo once per run into DEMO_TEMPLATE_DIR: every browser test file's
// server starts from a copy of it instead of migrating and seeding its own (25 files × 10–25 s
// under CI's load). Both browser projects name this file; the second finds the template made
// by this same run (its pid in the marker) and keeps it.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { DEMO_TEMPLATE_DIR, serveIn, TEMPLATE_READY } from "./server.ts";

export default async function setup(): Promise<void> {
  const marker = await readFile(TEMPLATE_READY, "utf8").catch(() => "");
  if (marker === String(process.pid)) return;
  await rm(TEMPLATE_READY, { force: true });
  await rm(DEMO_TEMPLATE_DIR, { recursive: true, force: true });
  await mkdir(DEMO_TEMPLATE_DIR, { recursive: true });
  const server = await serveIn({
    dataDir: DEMO_TEMPLATE_DIR,
    removeDataDir: false,
    timeoutMs: 180_000,
  });
  // SIGTERM: the server closes PGlite, which flushes its files, so the copy is consistent.
  await server.stop();
  await writeFile(TEMPLATE_READY, String(process.pid));
}
