// The read handle over a PostgreSQL hot standby (DATABASE_READ_URL, decision 056). It is a
// Drizzle handle like the primary's, over a pool that falls back to the primary whenever the
// standby cannot answer, so a standby that is down, restarting or misconfigured costs a log
// line and some primary load — never an error page. Which requests may use it is decided in
// app/domain/read-routing.ts; this file only knows servers and WAL positions.
import type pg from "pg";

export type ReplicaLink = {
  /** The primary's current WAL position (`pg_current_wal_lsn`), e.g. "0/3000148". */
  writePosition: () => Promise<string>;
  /** Whether the standby has replayed the WAL up to `lsn`; false when it is down or unknown. */
  hasReplayed: (lsn: string) => Promise<boolean>;
  close: () => Promise<void>;
};

export type ReplicaOptions = {
  url: string;
  primary: pg.Pool;
  poolSize: number;
  /** How long reads skip a standby that failed before it is tried again. */
  retryAfterMs?: number;
  /** Where the fallback's log lines go (console.warn by default; tests collect them). */
  log?: (line: string) => void;
};

const WAL_POSITION = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export function isWalPosition(value: string): boolean {
  return WAL_POSITION.test(value);
}

/**
 * Errors that mean "this standby cannot answer now", as opposed to a query that is wrong
 * (which would fail on the primary too and must surface). No SQLSTATE: the socket failed
 * (refused, reset, timed out). 08 connection exception, 28 and 3D a wrong URL, 53 out of
 * resources (too many connections), 57 shutting down or starting up, 58 I/O error;
 * 40001 and 40P01 on a standby are conflicts with recovery: the primary answers instead.
 */
function standbyCannotAnswer(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return ["08", "28", "3D", "53", "57", "58"].includes(code.slice(0, 2)) || code.startsWith("40");
}

/** A write sent to the standby: SQLSTATE 25006, "cannot execute … in a read-only transaction". */
function isReadOnlyRefusal(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "25006";
}

function isRecoveryConflict(error: unknown): boolean {
  return String((error as { code?: unknown } | null)?.code).startsWith("40");
}

type QueryArgs = [config: pg.QueryConfig | string, values?: unknown[]];

/**
 * What Drizzle's node-postgres session needs of a pool: `query` for single statements and
 * `connect` for transactions. Its class name contains "Pool", which is how Drizzle decides to
 * take a client of its own for a transaction.
 */
export class ReadFallbackPool {
  private downUntil = 0;
  private readonly retryAfterMs: number;
  private readonly log: (line: string) => void;

  readonly standby: pg.Pool;
  readonly primary: pg.Pool;

  constructor(
    standby: pg.Pool,
    primary: pg.Pool,
    options: { retryAfterMs?: number; log?: (line: string) => void } = {},
  ) {
    this.standby = standby;
    this.primary = primary;
    this.retryAfterMs = options.retryAfterMs ?? 10_000;
    this.log = options.log ?? ((line) => console.warn(line));
    // An idle connection the standby drops (restart, network) is reported here; without a
    // listener node-postgres would throw it as an unhandled 'error' event and end the process.
    standby.on("error", (error) => this.markDown(error));
  }

  get usable(): boolean {
    return Date.now() >= this.downUntil;
  }

  markDown(error: unknown): void {
    const wasUp = this.usable;
    this.downUntil = Date.now() + this.retryAfterMs;
    // One line per outage, not one per query.
    if (wasUp)
      this.log(
        `Busola: replika do odczytu nie odpowiada (${describe(error)}) — odczyty idą do serwera głównego; ponowna próba za ${Math.round(this.retryAfterMs / 1000)} s.`,
      );
  }

  async query(...args: QueryArgs): Promise<pg.QueryResult> {
    if (this.usable) {
      try {
        return await this.standby.query(...(args as [pg.QueryConfig]));
      } catch (error) {
        if (isReadOnlyRefusal(error)) {
          // A caller wrote through the read handle: the write is done on the primary, and the
          // line names it so it can be moved to the primary's handle.
          this.log(
            `Busola: zapis przez uchwyt do odczytu, wykonany na serwerze głównym: ${text(args[0])}`,
          );
        } else if (!standbyCannotAnswer(error)) {
          throw error;
        } else if (!isRecoveryConflict(error)) {
          // A conflict with recovery concerns this query only; anything else, the standby.
          this.markDown(error);
        }
      }
    }
    return this.primary.query(...(args as [pg.QueryConfig]));
  }

  /**
   * Transactions run on the primary: in Busola they are writes (versioned updates, imports),
   * and a transaction cannot move to another server half-way.
   */
  connect(): Promise<pg.PoolClient> {
    return this.primary.connect();
  }

  end(): Promise<void> {
    return this.standby.end();
  }
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const parts = [e?.code, e?.message].filter((p) => typeof p === "string" && p !== "");
  return parts.length > 0 ? parts.join(": ") : String(error);
}

function text(config: pg.QueryConfig | string): string {
  return (typeof config === "string" ? config : config.text).slice(0, 120);
}

export async function openReadReplica(
  options: ReplicaOptions,
): Promise<{ pool: ReadFallbackPool; link: ReplicaLink }> {
  const { default: pgModule } = await import("pg");
  const standby = new pgModule.Pool({
    connectionString: options.url,
    max: options.poolSize,
    // A standby that does not answer must not hold a page for long: after 2 s the primary
    // answers, and the standby is skipped for retryAfterMs.
    connectionTimeoutMillis: 2_000,
  });
  const pool = new ReadFallbackPool(standby, options.primary, options);
  const link: ReplicaLink = {
    writePosition: async () => {
      const r = await options.primary.query<{ lsn: string }>(
        "SELECT pg_current_wal_lsn()::text AS lsn",
      );
      return r.rows[0]!.lsn;
    },
    hasReplayed: async (lsn) => {
      if (!isWalPosition(lsn) || !pool.usable) return false;
      try {
        // NULL when the server is not a standby (promoted, or the URL names the primary):
        // then nothing is known about what it holds, and the primary answers.
        const r = await standby.query<{ ok: boolean | null }>(
          "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok",
          [lsn],
        );
        return r.rows[0]?.ok === true;
      } catch (error) {
        if (standbyCannotAnswer(error)) pool.markDown(error);
        return false;
      }
    },
    close: () => pool.end(),
  };
  return { pool, link };
}
