// A new PGlite data directory starts from a copy of an empty, just-initialised cluster instead
// of running initdb again (decision 049): initdb is most of a new directory's start-up and of
// its peak memory. The copy is made by the first initdb on this machine and kept in the user's
// own cache directory (not the shared temporary one: a cluster planted by another user would
// be trusted), named by the PGlite version, whose initdb made it. It holds no Busola data:
// migrations run after it as after initdb.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

import type { PGlite } from "@electric-sql/pglite";

type PGliteClass = typeof PGlite;
type PGliteInstance = InstanceType<PGliteClass>;

function templateFile(): string | null {
  const base = process.env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), ".cache") : "");
  if (!base) return null;
  const pkg = new URL("../package.json", import.meta.resolve("@electric-sql/pglite"));
  const { version } = JSON.parse(readFileSync(pkg, "utf8")) as { version: string };
  return path.join(base, "busola", `pglite-${version}-cluster.tar.gz`);
}

/** Whether `dataDir` holds no cluster yet (PostgreSQL's PG_VERSION marks one). */
export const isNewCluster = (dataDir: string) => !existsSync(path.join(dataDir, "PG_VERSION"));

/** PGlite on a new data directory: from the template when there is one, else initdb (and keep it). */
/**
 * With the Node file system (and in memory) PGlite writes through to the files itself and its
 * "sync to file system" step is empty; waiting for it after every statement only queues each
 * query behind one more turn of its mutex (about 0.05 ms of the 0.2 ms of a primary-key read).
 * Durability is postgres's own WAL either way. Decision 077.
 */
export const ENGINE_OPTIONS = { relaxedDurability: true } as const;

export async function createCluster(PGlite: PGliteClass, dataDir: string): Promise<PGliteInstance> {
  const file = process.env.BUSOLA_CLUSTER_TEMPLATE === "off" ? null : templateFile();
  if (file && existsSync(file)) {
    try {
      return await PGlite.create({
        ...ENGINE_OPTIONS,
        dataDir,
        loadDataDir: new Blob([readFileSync(file)]),
      });
    } catch {
      // A damaged or foreign copy: initdb in an emptied directory, as without one; the copy
      // is replaced below.
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
    }
  }
  const client = await PGlite.create({ ...ENGINE_OPTIONS, dataDir });
  if (file) await keepTemplate(client, file).catch(() => undefined);
  return client;
}

async function keepTemplate(client: PGliteInstance, file: string): Promise<void> {
  const tar = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written aside and renamed: a process reading it never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, tar, { mode: 0o600 });
  renameSync(partial, file);
}
