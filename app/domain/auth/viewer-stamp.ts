// Everything a signed-in page depends on besides the URL, read in one query: the session's
// user, the municipality with its data version (bumped by every audited change, decision 007)
// and the user's membership there. The page cache (app/web/page-cache/) compares it with the
// stamp a cached page was rendered under; any difference — a change of the data, of the role
// or institution, a sign-out, an expired or disabled account — is a miss.
//
// It runs on every answer from the cache, so its plan is made once (decision 037): planning
// this join costs ~1 ms on PGlite, executing it ~0.2 ms. PostgreSQL gets a named statement
// (node-postgres prepares it once per connection); PGlite, one connection, a PREPAREd one.
import { and, eq, gt, isNull, or, placeholder, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { memberships, membershipGoals, sessions, tenants, users } from "../../db/schema.ts";
import { tokenHash } from "./sessions.ts";

export type ViewerStamp = {
  userId: string;
  email: string;
  name: string;
  isSystemAdmin: boolean;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  dataVersion: number;
  role: string | null;
  institutionId: string | null;
  /** Sorted, comma-separated: a goal coordinator's goals. */
  goalIds: string;
  sessionExpiresAt: Date;
};

type Row = Omit<ViewerStamp, "goalIds"> & { goalIds: string | null; disabled: boolean };
type PgliteRow = Omit<Row, "sessionExpiresAt"> & { sessionExpiresAt: string | Date };
type PgliteClient = { query: <T>(query: string) => Promise<{ rows: T[] }> };

/** Slugs and TERYT codes; anything else cannot name a municipality and is not looked up. */
const TENANT_PARAM = /^[0-9a-z-]{1,100}$/;
const STATEMENT = "busola_viewer_stamp";

/** What the stamp selects; PGlite's statement names its columns in this order. */
const STAMP_COLUMNS = {
  userId: users.id,
  email: users.email,
  name: users.name,
  isSystemAdmin: users.isSystemAdmin,
  disabled: users.disabled,
  tenantId: tenants.id,
  tenantSlug: tenants.slug,
  tenantName: tenants.name,
  dataVersion: tenants.dataVersion,
  role: memberships.role,
  institutionId: memberships.institutionId,
  goalIds: sql<
    string | null
  >`(select string_agg(${membershipGoals.goalId}::text, ',' order by ${membershipGoals.goalId}::text collate "C") from ${membershipGoals} where ${membershipGoals.membershipId} = ${memberships.id})`.as(
    "goal_ids",
  ),
  sessionExpiresAt: sessions.expiresAt,
};

type Value = SQL | Placeholder;

function stampQuery(db: Db, token: Value, tenant: Value, now: Value) {
  return db
    .select(STAMP_COLUMNS)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, or(eq(tenants.slug, tenant), eq(tenants.teryt, tenant)))
    .leftJoin(
      memberships,
      // As loadActor: an archived access is none, so a kept page is not answered to it.
      and(
        eq(memberships.tenantId, tenants.id),
        eq(memberships.userId, users.id),
        isNull(memberships.archivedAt),
      ),
    )
    .where(and(eq(sessions.tokenHash, token), gt(sessions.expiresAt, now)));
}

const postgresStatements = new WeakMap<Db, ReturnType<typeof preparePostgres>>();

function preparePostgres(db: Db) {
  return stampQuery(db, placeholder("token"), placeholder("tenant"), placeholder("now"))
    .limit(1)
    .prepare(STATEMENT);
}

async function readOnPostgres(db: Db, hash: string, tenant: string): Promise<Row | undefined> {
  let statement = postgresStatements.get(db);
  if (!statement) postgresStatements.set(db, (statement = preparePostgres(db)));
  const rows = (await statement.execute({ token: hash, tenant, now: new Date() })) as Row[];
  return rows[0];
}

const pgliteReady = new WeakMap<Db, Promise<void>>();

/** PREPARE takes no bind parameters; the statement's own are typed, its SQL built by Drizzle. */
function preparePglite(db: Db): Promise<void> {
  const query = stampQuery(db, sql.raw("$1"), sql.raw("$2"), sql.raw("now()")).toSQL();
  if (query.params.length > 0) throw new Error("the viewer stamp must have no bound values");
  const columns = Object.keys(STAMP_COLUMNS);
  const names = columns.map((_, i) => `c${i}`).join(", ");
  const renamed = columns.map((c, i) => `s.c${i} as "${c}"`).join(", ");
  const aliased = `select ${renamed} from (${query.sql}) as s(${names}) limit 1`;
  return db
    .execute(sql.raw(`prepare ${STATEMENT}(text, text) as ${aliased}`))
    .then(() => undefined)
    .catch((error: { code?: string }) => {
      // Another handle on the same PGlite prepared it already.
      if (error.code !== "42P05") throw error;
    });
}

async function readOnPglite(db: Db, hash: string, tenant: string): Promise<Row | undefined> {
  let ready = pgliteReady.get(db);
  if (!ready) {
    ready = preparePglite(db);
    pgliteReady.set(db, ready);
    ready.catch(() => pgliteReady.delete(db));
  }
  await ready;
  // Both values are checked above to be hex and [0-9a-z-]: nothing to escape. The client's
  // own query: Drizzle's execute() costs more than the statement (~0.5 ms against ~0.2 ms).
  const client = (db as unknown as { $client: PgliteClient }).$client;
  const result = await client.query<PgliteRow>(`execute ${STATEMENT}('${hash}', '${tenant}')`);
  const row = result.rows[0];
  return row && { ...row, sessionExpiresAt: new Date(row.sessionExpiresAt) };
}

/** Null when the session is unknown, expired or its account disabled, or the tenant unknown. */
export async function readViewerStamp(opts: {
  db: Db;
  engine: "pglite" | "postgres";
  token: string;
  tenant: string;
}): Promise<ViewerStamp | null> {
  if (!TENANT_PARAM.test(opts.tenant)) return null;
  const hash = tokenHash(opts.token);
  const row =
    opts.engine === "pglite"
      ? await readOnPglite(opts.db, hash, opts.tenant)
      : await readOnPostgres(opts.db, hash, opts.tenant);
  if (!row || row.disabled) return null;
  const { disabled: _disabled, goalIds, ...stamp } = row;
  return { ...stamp, goalIds: goalIds ?? "" };
}
