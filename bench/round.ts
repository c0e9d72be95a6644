// npm run bench:round — partners of several institutions submitting their contributions over
// HTTP at the same time, against the production build on PGlite, through both save paths:
// the value's edit page (`/wskazniki/…/edycja`) and the round's task page (`/moje-zadania/…`).
// Pairs of people of the same institution edit the same contribution to force conflicts; a
// client that gets one re-reads the form and saves again, as a person would. Afterwards the
// database must hold every acknowledged write of each path ("lost writes", must be 0; the exit
// code is 1 otherwise). Prints figures; asserts nothing about timing. `-- --smoke`: seconds.
// BENCH_DATABASE_URL=postgresql://… (an empty database of its own: the server seeds the demo
// into it) runs it on PostgreSQL; the server CPU printed is then Busola's alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../app/db/client.ts";
import {
  operationalGoals,
  reportingRounds,
  roundAssignments,
  strategicGoals,
  tenants,
} from "../app/db/schema.ts";
import { makeIndicator, makeInstitution, makeUser, makeValue } from "../app/demo/factories.ts";
import { verify, type Ack } from "./round-verify.ts";
import { cpuMsOfTree, signIn, startServer } from "./server-process.ts";

/** --smoke: a few updates per path, for CI; the lost-writes check still decides the exit code. */
const SMOKE = process.argv.includes("--smoke");
const INSTITUTIONS = Number(process.env.BENCH_INSTITUTIONS ?? (SMOKE ? 2 : 4));
const PEOPLE_PER_INSTITUTION = Number(process.env.BENCH_PEOPLE ?? 2);
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? (SMOKE ? 2 : 5));
const UPDATES_PER_PERSON = Number(process.env.BENCH_UPDATES ?? (SMOKE ? 3 : 30));
const PORT = Number(process.env.BENCH_PORT ?? 3932);
const PASSWORD = "bench-haslo-partnera";
const YEAR = 2020;
// The task path's values belong to a round of their own year, which the demo has no round for.
const TASK_YEAR = 2030;

type Path = "edycja" | "moje-zadania";
const MAX_RETRIES = 50;
// For comparison: forms without the contribution's version fall back to the value-level check
// of decision 006, where any two institutions saving the same value conflict.
const VALUE_LEVEL = process.env.BENCH_VALUE_LEVEL === "1";
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const open = (dataDir: string) =>
  openDatabase(DATABASE_URL ? { databaseUrl: DATABASE_URL } : { dataDir });

type Person = { email: string; institutionId: string; index: number; cookie?: string };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** Adds the bench's institutions, partners and values to the demo municipality. */
async function prepare(dataDir: string) {
  const database = await open(dataDir);
  try {
    const db = database.db;
    const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, "ruda-slaska"));
    const [direction] = await db
      .select()
      .from(operationalGoals)
      .where(eq(operationalGoals.tenantId, tenant!.id))
      .limit(1);
    const people: Person[] = [];
    const institutionIds: string[] = [];
    for (let i = 0; i < INSTITUTIONS; i++) {
      const inst = await makeInstitution(db, tenant!.id, {
        name: `Instytucja testu obciążenia ${i + 1}`,
        shortName: `TO${i + 1}`,
      });
      institutionIds.push(inst.id);
      for (let p = 0; p < PEOPLE_PER_INSTITUTION; p++) {
        const email = `partner-${i + 1}-${p + 1}@bench.busola`;
        await makeUser(db, {
          tenantId: tenant!.id,
          role: "partner",
          institutionId: inst.id,
          email,
          name: `Realizator ${i + 1}.${p + 1}`,
          password: PASSWORD,
        });
        people.push({ email, institutionId: inst.id, index: people.length });
      }
    }
    const indicatorsOf = async (path: Path, year: number) => {
      const ids: string[] = [];
      for (let k = 0; k < INDICATORS; k++) {
        const indicator = await makeIndicator(db, tenant!.id, direction!.id, {
          name: `wskaźnik testu obciążenia ${k + 1} (${path})`,
          unit: "osoby",
        });
        await makeValue(db, tenant!.id, indicator.id, year, {
          total: null,
          contributions: institutionIds.map((institutionId) => ({ institutionId, value: 0 })),
        });
        ids.push(indicator.id);
      }
      return ids;
    };
    const editIds = await indicatorsOf("edycja", YEAR);
    const taskIds = await indicatorsOf("moje-zadania", TASK_YEAR);
    // A round of TASK_YEAR with one task per institution and indicator.
    const [goal] = await db
      .select()
      .from(strategicGoals)
      .where(eq(strategicGoals.id, direction!.strategicGoalId));
    const [round] = await db
      .insert(reportingRounds)
      .values({
        tenantId: tenant!.id,
        documentId: goal!.documentId,
        year: TASK_YEAR,
        deadline: `${TASK_YEAR + 1}-02-28`,
      })
      .returning();
    const tasks = new Map<string, string>();
    for (const indicatorId of taskIds) {
      for (const institutionId of institutionIds) {
        const [a] = await db
          .insert(roundAssignments)
          .values({
            tenantId: tenant!.id,
            roundId: round!.id,
            kind: "contribution",
            indicatorId,
            institutionId,
          })
          .returning();
        tasks.set(`${indicatorId}:${institutionId}`, a!.id);
      }
    }
    return { tenantId: tenant!.id, people, editIds, taskIds, tasks };
  } finally {
    await database.close();
  }
}

/** The form of one update on the path, and the fields it sends. */
function formFor(
  url: string,
  path: Path,
  person: Person,
  indicatorId: string,
  tasks: Map<string, string>,
) {
  if (path === "edycja") {
    return {
      form: `${url}/g/ruda-slaska/wskazniki/${indicatorId}/${YEAR}/edycja`,
      fields: (html: string, value: string, note: string) => ({
        version: hidden(html, "version") ?? "",
        ...(VALUE_LEVEL ? {} : { contributionVersion: hidden(html, "contributionVersion")! }),
        "contributions.0.institutionId": person.institutionId,
        "contributions.0.value": value,
        "contributions.0.note": note,
      }),
    };
  }
  const task = tasks.get(`${indicatorId}:${person.institutionId}`)!;
  return {
    form: `${url}/g/ruda-slaska/moje-zadania/${task}`,
    fields: (html: string, value: string, note: string) => ({
      intent: "draft",
      version: hidden(html, "version") ?? "",
      ...(VALUE_LEVEL ? {} : { contributionVersion: hidden(html, "contributionVersion") ?? "" }),
      value,
      note,
    }),
  };
}

async function run(
  url: string,
  readerCookie: string,
  path: Path,
  people: Person[],
  indicatorIds: string[],
  tasks: Map<string, string>,
) {
  const acks: Ack[] = [];
  let requests = 0;
  const postTimes: number[] = [];
  const updateTimes: number[] = [];
  let conflicts = 0;
  let failures = 0;
  const worker = async (person: Person) => {
    for (let n = 0; n < UPDATES_PER_PERSON; n++) {
      // Both people of an institution walk the same indicators in the same order: they edit
      // the same contribution at the same time. Other institutions edit the same values too.
      const indicatorId = indicatorIds[n % indicatorIds.length]!;
      const { form, fields } = formFor(url, path, person, indicatorId, tasks);
      const value = person.index * 10_000 + n;
      const note = `zapis ${person.index}-${n}`;
      const started = performance.now();
      let done = false;
      for (let attempt = 0; attempt < MAX_RETRIES && !done; attempt++) {
        requests += 2;
        const page = await fetch(form, { headers: { Cookie: person.cookie! } });
        const html = await page.text();
        if (page.status !== 200) throw new Error(`${form}: HTTP ${page.status}`);
        const body = new URLSearchParams({
          _csrf: hidden(html, "_csrf")!,
          ...fields(html, String(value).replace(".", ","), note),
        });
        const t = performance.now();
        const res = await fetch(form, {
          method: "POST",
          redirect: "manual",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Cookie: person.cookie!,
            Origin: url,
          },
          body,
        });
        await res.arrayBuffer();
        postTimes.push(performance.now() - t);
        if (res.status === 302) {
          acks.push({
            person: person.index,
            institutionId: person.institutionId,
            indicatorId,
            value,
            note,
          });
          done = true;
        } else if (res.status === 409) {
          conflicts++;
        } else {
          failures++;
          break;
        }
      }
      updateTimes.push(performance.now() - started);
    }
  };
  const started = performance.now();
  // Another user reads pages while the partners save (reliability item 6): the strategy
  // tree and the values being written, one request after another, until the burst is over.
  const readTimes: number[] = [];
  let bursting = true;
  const reader = async () => {
    const pages = [
      `/g/ruda-slaska/dokumenty`,
      ...indicatorIds.map(
        (id) => `/g/ruda-slaska/wskazniki/${id}/${path === "edycja" ? YEAR : TASK_YEAR}`,
      ),
    ];
    for (let i = 0; bursting; i++) {
      const t = performance.now();
      requests++;
      const res = await fetch(`${url}${pages[i % pages.length]}`, {
        headers: { Cookie: readerCookie },
      });
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
      readTimes.push(performance.now() - t);
    }
  };
  const reading = reader();
  await Promise.all(people.map(worker));
  bursting = false;
  await reading;
  return {
    requests,
    readTimes,
    acks,
    postTimes,
    updateTimes,
    conflicts,
    failures,
    seconds: (performance.now() - started) / 1000,
  };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "busola-bench-round-"));
try {
  const env = { BUSOLA_DEMO_DATA: "factories", ...(DATABASE_URL ? { DATABASE_URL } : {}) };
  const first = await startServer({ dataDir, port: PORT, env });
  await first.stop();
  const { tenantId, people, editIds, taskIds, tasks } = await prepare(dataDir);
  const server = await startServer({ dataDir, port: PORT, env });
  type Result = { path: Path; r: Awaited<ReturnType<typeof run>>; ids: string[]; cpuMs: number };
  const results: Result[] = [];
  try {
    for (const p of people) p.cookie = await signIn(server.url, p.email, PASSWORD);
    const readerCookie = await signIn(server.url, "koordynator@ruda-slaska.demo", "busola-demo");
    for (const [p, ids] of [
      ["edycja", editIds],
      ["moje-zadania", taskIds],
    ] as const) {
      // Server CPU per request: steadier than latencies on a shared machine (decision 077).
      const cpuBefore = cpuMsOfTree(server.child.pid!);
      const r = await run(server.url, readerCookie, p, people, ids, tasks);
      results.push({ path: p, r, ids, cpuMs: cpuMsOfTree(server.child.pid!) - cpuBefore });
    }
  } finally {
    if (server.child.exitCode === null) await server.stop();
  }
  console.log(
    `bench:round on ${DATABASE_URL ? "PostgreSQL (BENCH_DATABASE_URL)" : "PGlite"}: ${people.length} partners of ${INSTITUTIONS} institutions, ${INDICATORS} shared values per path`,
  );
  if (VALUE_LEVEL) console.log("(value-level versions, BENCH_VALUE_LEVEL=1)");
  for (const { path: p, r, ids, cpuMs } of results) {
    const v = await verify(await open(dataDir), tenantId, ids, r.acks);
    const post = [...r.postTimes].sort((a, b) => a - b);
    const update = [...r.updateTimes].sort((a, b) => a - b);
    console.log(
      `\n${p}: ${people.length * UPDATES_PER_PERSON} updates in ${r.seconds.toFixed(1)} s`,
    );
    console.log(`  acknowledged writes: ${r.acks.length} (audit entries: ${v.audited})`);
    console.log(`  lost writes: ${v.lost}`);
    console.log(
      `  server CPU: ${(cpuMs / r.requests).toFixed(2)} ms per request (${r.requests} requests: form reads, saves, reader pages; ${(cpuMs / (people.length * UPDATES_PER_PERSON)).toFixed(1)} ms per update)`,
    );
    console.log(`  conflicts: ${r.conflicts} (retried)`);
    console.log(`  failed requests: ${r.failures}`);
    console.log(
      `  save (POST) latency: p50 ${percentile(post, 50).toFixed(1)} ms, p95 ${percentile(post, 95).toFixed(1)} ms, max ${post.at(-1)!.toFixed(1)} ms`,
    );
    console.log(
      `  update incl. re-reads and retries: p50 ${percentile(update, 50).toFixed(1)} ms, p95 ${percentile(update, 95).toFixed(1)} ms`,
    );
    const reads = [...r.readTimes].sort((a, b) => a - b);
    console.log(
      `  reader p95 during burst: ${percentile(reads, 95).toFixed(1)} ms (goal < 500 ms; ${reads.length} page reads by another user, p50 ${percentile(reads, 50).toFixed(1)} ms)`,
    );
    if (v.lost > 0 || r.failures > 0) process.exitCode = 1;
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
