// Backups and restores (decision 026). The embedded database is copied as PGlite's own dump of
// its data directory (a gzipped tar taken between transactions); PostgreSQL through pg_dump's
// custom format. A backup is written to FILE.part and renamed, so a file named FILE is complete.
import { execFile } from "node:child_process";
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Config } from "../config.ts";
import { openDatabase, type Database } from "../db/client.ts";
import { acquireDataDirLock, DataDirLockedError, lockHolder } from "../db/data-dir-lock.ts";
import { UserInputError } from "../domain/errors.ts";
import { requestSnapshot } from "./control.ts";

const run = promisify(execFile);

export type BackupResult = { file: string; bytes: number; via: "server" | "direct" | "pg_dump" };

/** A PostgreSQL client tool: from PATH, else the newest Debian server's bin directory. */
function pgTool(name: "pg_dump" | "pg_restore"): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const tool = path.join(debian, v, "bin", name);
      if (existsSync(tool)) return tool;
    }
  }
  throw new UserInputError(
    `Nie znaleziono programu ${name} (pakiet postgresql-client) — zainstaluj go albo dodaj do PATH.`,
  );
}

function pglitePresent(dataDir: string): boolean {
  return existsSync(path.join(path.resolve(dataDir), "pglite", "PG_VERSION"));
}

/** Writes a backup of the configured database to `out`; `database` is the caller's open one. */
export async function writeBackup(opts: {
  config: Config;
  out: string;
  database?: Database;
}): Promise<BackupResult> {
  const { config } = opts;
  const out = path.resolve(opts.out);
  const part = `${out}.part`;
  if (config.databaseUrl) {
    await run(pgTool("pg_dump"), ["-Fc", "--no-owner", "-f", part, config.databaseUrl], {
      maxBuffer: 16 * 1024 * 1024,
    });
    renameSync(part, out);
    return { file: out, bytes: statSync(out).size, via: "pg_dump" };
  }
  let bytes: Buffer;
  let via: BackupResult["via"] = "direct";
  if (opts.database?.dump) {
    bytes = Buffer.from(await (await opts.database.dump()).arrayBuffer());
  } else {
    const holder = lockHolder(config.dataDir);
    if (holder?.controlSocket) {
      bytes = await requestSnapshot({ dataDir: config.dataDir, socket: holder.controlSocket });
      via = "server";
    } else if (holder) {
      throw new DataDirLockedError(path.resolve(config.dataDir), holder);
    } else {
      if (!pglitePresent(config.dataDir))
        throw new UserInputError(
          `W katalogu danych ${path.resolve(config.dataDir)} nie ma bazy danych — sprawdź BUSOLA_DATA_DIR.`,
        );
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        bytes = Buffer.from(await (await database.dump!()).arrayBuffer());
      } finally {
        await database.close();
      }
    }
  }
  writeFileSync(part, bytes);
  renameSync(part, out);
  return { file: out, bytes: bytes.length, via };
}

async function fileMagic(file: string): Promise<"pglite" | "pg_dump" | null> {
  const handle = await open(file, "r").catch(() => {
    throw new UserInputError(`Nie znaleziono pliku kopii zapasowej ${file}.`);
  });
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    if (head.toString("latin1") === "PGDMP") return "pg_dump";
    return null;
  } finally {
    await handle.close();
  }
}

/** Fills an empty data directory or database from a backup; a non-empty one needs `force`. */
export async function restoreBackup(opts: {
  config: Config;
  file: string;
  force: boolean;
}): Promise<{ target: string; movedAside: string | null }> {
  const { config, force } = opts;
  const file = path.resolve(opts.file);
  const kind = await fileMagic(file);
  if (!kind)
    throw new UserInputError(`Plik ${file} nie jest kopią zapasową Busoli (busola backup).`);
  if (config.databaseUrl) {
    if (kind !== "pg_dump")
      throw new UserInputError(
        "Ta kopia pochodzi z wbudowanej bazy (PGlite) — przywróć ją bez DATABASE_URL, do katalogu danych.",
      );
    return {
      target: "DATABASE_URL",
      movedAside: await restorePostgres(config.databaseUrl, file, force),
    };
  }
  if (kind !== "pglite")
    throw new UserInputError(
      "Ta kopia pochodzi z serwera PostgreSQL (pg_dump) — przywróć ją z ustawionym DATABASE_URL.",
    );
  return restorePglite(config.dataDir, file, force);
}

async function restorePglite(
  dataDirSetting: string,
  file: string,
  force: boolean,
): Promise<{ target: string; movedAside: string | null }> {
  const dataDir = path.resolve(dataDirSetting);
  const lock = acquireDataDirLock(dataDir);
  let movedAside: string | null = null;
  try {
    const pgliteDir = path.join(dataDir, "pglite");
    if (existsSync(pgliteDir) && readdirSync(pgliteDir).length > 0) {
      if (!force)
        throw new UserInputError(
          `Katalog danych ${dataDir} nie jest pusty — przywrócenie zastąpiłoby jego dane. Wskaż pusty katalog w BUSOLA_DATA_DIR albo dodaj --force (obecne dane zostaną odłożone obok).`,
        );
      // Kept, not deleted: a wrong restore must not destroy the only copy.
      movedAside = `${pgliteDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(pgliteDir, movedAside);
    }
    const bytes = readFileSync(file);
    const database = await openDatabase({
      dataDir,
      lock,
      loadDataDir: new Blob([new Uint8Array(bytes)]),
    });
    await database.db.execute("select 1");
    await database.close();
  } finally {
    lock.release();
  }
  return { target: dataDir, movedAside };
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<null> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let tables: number;
  try {
    const result = await client.query<{ n: string }>(
      "select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
    );
    tables = Number(result.rows[0]!.n);
  } finally {
    await client.end();
  }
  if (tables > 0 && !force)
    throw new UserInputError(
      `Baza danych nie jest pusta (${tables} tabel) — przywrócenie zastąpiłoby jej dane. Wskaż pustą bazę w DATABASE_URL albo dodaj --force.`,
    );
  const args = [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    "-d",
    url,
  ];
  if (tables > 0) args.unshift("--clean", "--if-exists");
  await run(pgTool("pg_restore"), [...args, file], { maxBuffer: 16 * 1024 * 1024 });
  return null;
}
