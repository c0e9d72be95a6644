// The throwaway PostgreSQL 15 server of `npm run bench:scale`: its own directory
// (/tmp/scale-pg), its own port (56200), fsync off and WAL minimal, so a bulk load is cheap.
// Not .ci/start-postgres.sh: that one records its directory where a running CI looks for it.
// With BENCH_DATABASE_URL the bench uses that database instead and starts nothing.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const PGBIN = process.env.BENCH_PGBIN ?? "/usr/lib/postgresql/15/bin";
const DIR = process.env.BENCH_SCALE_PGDIR ?? "/tmp/scale-pg";
const PORT = Number(process.env.BENCH_SCALE_PGPORT ?? 56200);

export type Server = { url: string; stop: () => void; own: boolean };

const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: then every server command runs as user postgres. */
function asPostgres(cmd: string, args: string[]) {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
}

function ctl(...args: string[]) {
  asPostgres(path.join(PGBIN, "pg_ctl"), ["-D", path.join(DIR, "data"), ...args]);
}

/** Stops a server left running in DIR by an earlier run that was interrupted. */
function stopLeftover() {
  if (!existsSync(path.join(DIR, "data", "postmaster.pid"))) return;
  try {
    ctl("-m", "immediate", "-w", "stop");
  } catch {
    // not running after all
  }
}

export function startPostgres(): Server {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) return { url: external, stop: () => {}, own: false };
  stopLeftover();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  if (isRoot) {
    const pgUid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const pgGid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(DIR, pgUid, pgGid);
  }
  asPostgres(path.join(PGBIN, "initdb"), [
    "-D",
    path.join(DIR, "data"),
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  const settings = [
    `-p ${PORT}`,
    `-k ${DIR}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    // Minimal WAL: a COPY into a table truncated in the same transaction writes no WAL.
    "-c wal_level=minimal",
    "-c max_wal_senders=0",
    "-c max_wal_size=8GB",
    "-c checkpoint_timeout=30min",
    "-c shared_buffers=1GB",
    "-c maintenance_work_mem=512MB",
    "-c work_mem=16MB",
    "-c max_connections=60",
    // The bench analyses after loading; autovacuum would only compete for the two cores.
    "-c autovacuum=off",
  ].join(" ");
  ctl("-l", path.join(DIR, "server.log"), "-o", settings, "-w", "-t", "120", "start");
  asPostgres(path.join(PGBIN, "createdb"), [
    "-h",
    "127.0.0.1",
    "-p",
    String(PORT),
    "-U",
    "postgres",
    "busola_scale",
  ]);
  return {
    url: `postgresql://postgres@127.0.0.1:${PORT}/busola_scale`,
    own: true,
    stop: () => {
      try {
        ctl("-m", "fast", "-w", "stop");
      } finally {
        if (process.env.BENCH_SCALE_KEEP !== "1") rmSync(DIR, { recursive: true, force: true });
      }
    },
  };
}
