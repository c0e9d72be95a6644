// Bulk loading for `npm run bench:scale`: COPY … FROM STDIN through pg-copy-streams (the pg
// client's own companion library, same maintainer), one connection per table, each in a
// transaction that truncates the table first, so COPY … FREEZE writes the rows frozen and
// all-visible (no VACUUM needed for index-only scans) and, with wal_level=minimal, without WAL.
// Indexes and constraints are dropped before the load and built afterwards — one sort per
// index instead of 20 million insertions; foreign keys come back NOT VALID (the generator
// makes consistent rows; checking 60 million references would double the load time).
import { once } from "node:events";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type Cell = string | number | boolean | null;

const CHUNK = 1 << 16;

/** One table's COPY: rows in, text format out, with back-pressure. */
export class CopyWriter {
  rows = 0;
  private buffer = "";
  private stream: ReturnType<typeof copyFrom> | null = null;
  private client: pg.Client;
  readonly table: string;
  private constructor(client: pg.Client, table: string) {
    this.client = client;
    this.table = table;
  }

  /** `freeze`: truncate first and COPY … FREEZE (the table must not be referenced by a key). */
  static async open(
    url: string,
    table: string,
    columns: string[],
    freeze = true,
  ): Promise<CopyWriter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    if (freeze) await client.query(`TRUNCATE ${table}`);
    const w = new CopyWriter(client, table);
    w.stream = client.query(
      copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN${freeze ? " WITH (FREEZE)" : ""}`),
    );
    return w;
  }

  /** Values must not hold tabs, newlines or backslashes (the generator's never do). */
  async row(cells: Cell[]): Promise<void> {
    let line = "";
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (i > 0) line += "\t";
      line += c === null || c === undefined ? "\\N" : c === true ? "t" : c === false ? "f" : c;
    }
    this.buffer += line + "\n";
    this.rows++;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  private async flush() {
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.stream!.write(chunk)) await once(this.stream!, "drain");
  }

  async close(): Promise<void> {
    if (this.buffer) await this.flush();
    this.stream!.end();
    await finished(this.stream!);
    await this.client.query("COMMIT");
    await this.client.end();
  }
}

type Definition = { table: string; name: string; sql: string; kind: "index" | "key" | "fk" };

/** Drops every index and constraint of the tables; returns what rebuilds them. */
export async function dropIndexes(db: pg.Client, tables: string[]): Promise<Definition[]> {
  const { rows: constraints } = await db.query<{
    table: string;
    name: string;
    contype: string;
    def: string;
  }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, contype, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p','u','f')`,
  );
  const { rows: indexes } = await db.query<{ table: string; name: string; def: string }>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name,
            pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  const loaded = new Set(tables);
  const fks = constraints.filter((c) => c.contype === "f");
  const keys = constraints.filter((c) => c.contype !== "f" && loaded.has(c.table));
  const plain = indexes.filter((i) => loaded.has(i.table));
  for (const c of fks) await db.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  for (const c of keys) await db.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  for (const i of plain) await db.query(`DROP INDEX ${i.name}`);
  return [
    ...plain.map((i) => ({ table: i.table, name: i.name, sql: i.def, kind: "index" as const })),
    ...keys.map((c) => ({
      table: c.table,
      name: c.name,
      sql: `ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`,
      kind: "key" as const,
    })),
    ...fks.map((c) => ({
      table: c.table,
      name: c.name,
      sql: `ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def} NOT VALID`,
      kind: "fk" as const,
    })),
  ];
}

/** Rebuilds indexes and keys on `parallel` connections (largest tables first), then the FKs. */
export async function rebuildIndexes(
  url: string,
  defs: Definition[],
  parallel: number,
): Promise<void> {
  const pending = defs.filter((d) => d.kind !== "fk");
  const sizes = new Map<string, number>();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query<{ table: string; bytes: string }>(
    `SELECT relname AS table, pg_relation_size(oid) AS bytes FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
  );
  for (const r of rows) sizes.set(r.table, Number(r.bytes));
  pending.sort((a, b) => (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0));
  const worker = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("SET max_parallel_maintenance_workers = 0");
    for (let d = pending.shift(); d; d = pending.shift()) await c.query(d.sql);
    await c.end();
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  for (const d of defs.filter((x) => x.kind === "fk")) await admin.query(d.sql);
  await admin.end();
}
