// npm run bench:round — partners of several institutions submitting their contributions over
// HTTP at the same time, against the production build on PGlite. Pairs of people of the same
// institution edit the same contribution to force conflicts; a client that gets one re-reads
// the form and saves again, as a person would. Afterwards the database must hold every
// acknowledged write. Prints figures; asserts nothing about timing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { openDatabase } from "../app/db/client.ts";
import {
  auditLog,
  indicatorContributions,
  indicatorValues,
  operationalGoals,
  tenants,
} from "../app/db/schema.ts";
import { makeIndicator, makeInstitution, makeUser, makeValue } from "../app/demo/factories.ts";
import { startServer } from "./server-process.ts";

const INSTITUTIONS = Number(process.env.BENCH_INSTITUTIONS ?? 4);
const PEOPLE_PER_INSTITUTION = Number(process.env.BENCH_PEOPLE ?? 2);
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 5);
const UPDATES_PER_PERSON = Number(process.env.BENCH_UPDATES ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3932);
const PASSWORD = "bench-haslo-partnera";
const YEAR = 2020;
const MAX_RETRIES = 50;
// For comparison: forms without the contribution's version fall back to the value-level check
// of decision 006, where any two institutions saving the same value conflict.
const VALUE_LEVEL = process.env.BENCH_VALUE_LEVEL === "1";

type Person = { email: string; institutionId: string; index: number; cookie?: string };
type Ack = {
  person: number;
  institutionId: string;
  indicatorId: string;
  value: number;
  note: string;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function remember(res: Response, jar: Map<string, string>): string {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [k, ...v] = pair!.split("=");
    jar.set(k!, v.join("="));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(url: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const page = await fetch(`${url}/logowanie`);
  const cookie = remember(page, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/logowanie`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: url },
    body: new URLSearchParams({ _csrf: csrf, email, password: PASSWORD, next: "/" }),
  });
  if (res.status !== 302) throw new Error(`sign-in of ${email} failed: HTTP ${res.status}`);
  return remember(res, jar);
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** Adds the bench's institutions, partners and values to the demo municipality. */
async function prepare(dataDir: string) {
  const database = await openDatabase({ dataDir });
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
    const indicatorIds: string[] = [];
    for (let k = 0; k < INDICATORS; k++) {
      const indicator = await makeIndicator(db, tenant!.id, direction!.id, {
        name: `wskaźnik testu obciążenia ${k + 1}`,
        unit: "osoby",
      });
      await makeValue(db, tenant!.id, indicator.id, YEAR, {
        total: null,
        contributions: institutionIds.map((institutionId) => ({ institutionId, value: 0 })),
      });
      indicatorIds.push(indicator.id);
    }
    return { tenantId: tenant!.id, people, indicatorIds };
  } finally {
    await database.close();
  }
}

async function run(url: string, people: Person[], indicatorIds: string[]) {
  const acks: Ack[] = [];
  const postTimes: number[] = [];
  const updateTimes: number[] = [];
  let conflicts = 0;
  let failures = 0;
  const worker = async (person: Person) => {
    for (let n = 0; n < UPDATES_PER_PERSON; n++) {
      // Both people of an institution walk the same indicators in the same order: they edit
      // the same contribution at the same time. Other institutions edit the same values too.
      const indicatorId = indicatorIds[n % indicatorIds.length]!;
      const form = `${url}/g/ruda-slaska/wskazniki/${indicatorId}/${YEAR}/edycja`;
      const value = person.index * 10_000 + n;
      const note = `zapis ${person.index}-${n}`;
      const started = performance.now();
      let done = false;
      for (let attempt = 0; attempt < MAX_RETRIES && !done; attempt++) {
        const page = await fetch(form, { headers: { Cookie: person.cookie! } });
        const html = await page.text();
        if (page.status !== 200) throw new Error(`${form}: HTTP ${page.status}`);
        const body = new URLSearchParams({
          _csrf: hidden(html, "_csrf")!,
          version: hidden(html, "version") ?? "",
          ...(VALUE_LEVEL ? {} : { contributionVersion: hidden(html, "contributionVersion")! }),
          "contributions.0.institutionId": person.institutionId,
          "contributions.0.value": String(value).replace(".", ","),
          "contributions.0.note": note,
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
  await Promise.all(people.map(worker));
  return {
    acks,
    postTimes,
    updateTimes,
    conflicts,
    failures,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Every acknowledged write must be in the audit trail, and the last one of each contribution stored. */
async function verify(dataDir: string, tenantId: string, indicatorIds: string[], acks: Ack[]) {
  const database = await openDatabase({ dataDir });
  try {
    const db = database.db;
    const values = await db
      .select()
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.tenantId, tenantId),
          inArray(indicatorValues.indicatorId, indicatorIds),
        ),
      );
    const valueOf = new Map(values.map((v) => [v.indicatorId, v.id]));
    const contributions = await db
      .select()
      .from(indicatorContributions)
      .where(
        inArray(
          indicatorContributions.valueId,
          values.map((v) => v.id),
        ),
      );
    const audit = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "indicator_value"),
          inArray(
            auditLog.entityId,
            values.map((v) => v.id),
          ),
        ),
      );
    audit.sort((a, b) => (a.entityVersion ?? 0) - (b.entityVersion ?? 0));
    type Own = { value: number | null; note: string | null };
    const ownIn = (snap: Record<string, unknown> | null, inst: string) =>
      ((snap?.contributions as Record<string, Own> | undefined) ?? {})[inst] ?? null;
    let lost = 0;
    for (const ack of acks) {
      const valueId = valueOf.get(ack.indicatorId);
      const hit = audit.some((e) => {
        if (e.entityId !== valueId) return false;
        const own = ownIn(e.after, ack.institutionId);
        const before = ownIn(e.before, ack.institutionId);
        return own?.note === ack.note && own.value === ack.value && before?.note !== ack.note;
      });
      if (!hit) lost++;
    }
    // The stored contribution is the last audited write to it, and its version counts every
    // acknowledged write once: no write was silently replaced by a stale one.
    for (const c of contributions) {
      const writes = acks.filter(
        (a) => valueOf.get(a.indicatorId) === c.valueId && a.institutionId === c.institutionId,
      );
      const last = audit
        .filter(
          (e) =>
            e.entityId === c.valueId &&
            ownIn(e.after, c.institutionId)?.note !== ownIn(e.before, c.institutionId)?.note,
        )
        .at(-1);
      const lastNote = last ? ownIn(last.after, c.institutionId)?.note : null;
      if (writes.length > 0 && c.note !== lastNote) lost++;
      if (c.version !== 1 + writes.length) lost++;
    }
    return { lost, audited: audit.length };
  } finally {
    await database.close();
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), "busola-bench-round-"));
try {
  const env = { BUSOLA_DEMO_DATA: "factories" };
  const first = await startServer({ dataDir, port: PORT, env });
  await first.stop();
  const { tenantId, people, indicatorIds } = await prepare(dataDir);
  const server = await startServer({ dataDir, port: PORT, env });
  try {
    for (const p of people) p.cookie = await signIn(server.url, p.email);
    const r = await run(server.url, people, indicatorIds);
    await server.stop();
    const v = await verify(dataDir, tenantId, indicatorIds, r.acks);
    const post = [...r.postTimes].sort((a, b) => a - b);
    const update = [...r.updateTimes].sort((a, b) => a - b);
    console.log(
      `${people.length} partners of ${INSTITUTIONS} institutions, ${indicatorIds.length} shared values, ${people.length * UPDATES_PER_PERSON} updates in ${r.seconds.toFixed(1)} s`,
    );
    console.log(`acknowledged writes: ${r.acks.length} (audit entries: ${v.audited})`);
    if (VALUE_LEVEL) console.log("(value-level versions, BENCH_VALUE_LEVEL=1)");
    console.log(`lost writes: ${v.lost}`);
    console.log(`conflicts: ${r.conflicts} (retried)`);
    console.log(`failed requests: ${r.failures}`);
    console.log(
      `save (POST) latency: p50 ${percentile(post, 50).toFixed(1)} ms, p95 ${percentile(post, 95).toFixed(1)} ms, max ${post.at(-1)!.toFixed(1)} ms`,
    );
    console.log(
      `update incl. re-reads and retries: p50 ${percentile(update, 50).toFixed(1)} ms, p95 ${percentile(update, 95).toFixed(1)} ms`,
    );
    if (v.lost > 0 || r.failures > 0) process.exitCode = 1;
  } finally {
    if (server.child.exitCode === null) await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
