// The open datasets and the API on a real database: published data only (an unpublished marker
// never appears), withheld counts neither appear nor can be derived, the answer is the same
// whoever is signed in, and every API answer matches the OpenAPI document (contract test,
// validated with Ajv's JSON Schema 2020-12 validator — the dialect of OpenAPI 3.1).
import { Ajv2020 } from "ajv/dist/2020.js";
import { eq } from "drizzle-orm";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerKeptPublicData } from "../../app/api/kept-answers.server.ts";
import { openApiDocument } from "../../app/api/openapi.ts";
import { loadConfig } from "../../app/config.ts";
import { projectCards } from "../../app/db/schema.ts";
import { createSession } from "../../app/domain/auth/sessions.ts";
import { publishYear } from "../../app/domain/publication/publish.ts";
import { NO_EU_FUNDING } from "../../app/domain/eu-funding/types.ts";
import { updateProject } from "../../app/domain/strategy-structure.ts";
import { DATASET_KINDS } from "../../app/domain/open-data/types.ts";
import { loader as listLoader } from "../../app/routes/api/list.ts";
import { loader as municipalityLoader } from "../../app/routes/api/municipality.ts";
import { loader as openapiLoader } from "../../app/routes/api/openapi.ts";
import { loader as catalogueLoader } from "../../app/routes/public-data/catalogue.ts";
import { loader as fileLoader } from "../../app/routes/public-data/dataset-file.ts";
import { setServices } from "../../app/services.ts";
import { sessionCookie } from "../../app/web/cookies.server.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildPublishedWorld } from "../support/published-world.ts";

const PUBLIC_MIN = 12;

type Args = { request: Request; params: Record<string, string>; context: object };
const asArgs = (a: Args) => a as never;

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers });
  const pathname = new URL(request.url).pathname;
  const base = { request, context: {} };
  let m: RegExpExecArray | null;
  if (pathname === "/api/openapi.json") return openapiLoader(asArgs({ ...base, params: {} }));
  if ((m = /^\/api\/v1\/gminy\/([^/]+)$/.exec(pathname)))
    return municipalityLoader(asArgs({ ...base, params: { gmina: m[1]! } }));
  if ((m = /^\/api\/v1\/([^/]+)$/.exec(pathname)))
    return listLoader(asArgs({ ...base, params: { resource: m[1]! } }));
  if ((m = /^\/gminy\/([^/]+)\/dane\/([^/]+)$/.exec(pathname)))
    return fileLoader(asArgs({ ...base, params: { slug: m[1]!, file: m[2]! } }));
  if (pathname.startsWith("/dane/katalog.")) return catalogueLoader({ request });
  throw new Error(`no route in the test for ${path}`);
}

/** A server answering like app/server/http.ts, kept answers only (404 otherwise). */
let fastBase = "";
const fastServer = http.createServer((req, res) => {
  if (!answerKeptPublicData(req, res)) res.writeHead(404).end("not kept");
});
beforeAll(async () => {
  await new Promise<void>((resolve) => fastServer.listen(0, "127.0.0.1", resolve));
  fastBase = `http://127.0.0.1:${(fastServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => fastServer.close(() => resolve())));
const fast = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${fastBase}${path}`, { headers });

describe.each(engines())("open data and API on %s", (engine) => {
  const database = useDatabase(engine);
  beforeAll(() => {
    setServices({
      db: database.get().db,
      engine,
      config: loadConfig({
        BUSOLA_PUBLIC_MIN_COUNT: String(PUBLIC_MIN),
        BUSOLA_API_RATE_LIMIT: "0",
        BUSOLA_PUBLIC_URL: "https://busola.example.pl",
      }),
    });
  });

  const publishedWorld = () =>
    buildPublishedWorld(database.get(), { effectsA: "OPUBLIKOWANE-A", minCount: 2 });

  function crawlPaths(slug: string): string[] {
    const doc = openApiDocument();
    const api = Object.keys(doc.paths ?? {}).filter((p) => !p.includes("{"));
    const files = DATASET_KINDS.flatMap((k) =>
      ["csv", "json", "xlsx"].map((f) => `/gminy/${slug}/dane/${k}.${f}`),
    );
    return [
      ...api,
      ...api.map((p) => `${p}?gmina=${slug}&limit=200`),
      `/api/v1/gminy/${slug}`,
      ...files,
      "/dane/katalog.jsonld",
      "/dane/katalog.rdf",
    ];
  }

  it("serves published data only, with withheld counts absent and underivable", async () => {
    const { w } = await publishedWorld();
    for (const path of crawlPaths(w.tenant.slug)) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const text = Buffer.from(await res.arrayBuffer()).toString("latin1");
      expect(text, path).not.toContain("NIEOPUBLIKOWANE-B");
    }
    const csv = await (await get(`/gminy/${w.tenant.slug}/dane/wskazniki.csv`)).text();
    expect(await (await get(`/gminy/${w.tenant.slug}/dane/projekty.csv`)).text()).toContain(
      "OPUBLIKOWANE-A",
    );
    const lines = csv
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    const header = lines[0]!;
    const rows = lines.slice(1).filter((r) => r[header.indexOf("teryt")] === w.tenant.teryt);
    // Contributions 10 and 15 of a total of 30: 10 is below the threshold; 15 would give it away.
    expect(
      rows.map((r) => [
        r[header.indexOf("wartosc")],
        r[header.indexOf("wklad")],
        r[header.indexOf("wklad_status")],
      ]),
    ).toEqual([
      ["30", "", "poniżej progu"],
      ["30", "", "poniżej progu"],
    ]);
    const api = await (await get(`/api/v1/wskazniki?gmina=${w.tenant.teryt}`)).json();
    const value = api.data[0].value;
    expect(value.total).toBe(30);
    expect(
      value.contributions.map((c: { value: number | null; status: string }) => [c.value, c.status]),
    ).toEqual([
      [null, "withheld"],
      [null, "withheld"],
    ]);
    const projects = await (await get(`/api/v1/projekty?gmina=${w.tenant.slug}`)).json();
    expect(
      projects.data.map((p: { title: string; card: unknown }) => [p.title, p.card !== null]),
    ).toEqual([
      ["Projekt A", true],
      ["Projekt B", false],
    ]);
  });

  it("publishes a project's EU co-financing — programme, axis, measure, fund, statement", async () => {
    const { w } = await publishedWorld();
    const scope = w.scope("coordinator");
    const a = w.projectA;
    await updateProject({
      scope,
      id: a.id,
      expectedVersion: a.version,
      fields: {
        symbol: a.symbol,
        title: a.title,
        sinceYear: 2017,
        position: a.position,
        leadInstitutionId: w.instA.id,
        partnerInstitutionIds: [],
        eu: {
          ...NO_EU_FUNDING,
          programme: "Regionalny Program Operacyjny Województwa Śląskiego na lata 2014–2020",
          priorityAxis: "IX Włączenie społeczne",
          measure: "9.1 Aktywna integracja",
          fund: "efs",
        },
      },
    });
    // Not public until published again.
    const before = await (await get(`/api/v1/projekty?gmina=${w.tenant.slug}`)).json();
    expect(before.data[0].eu).toBeNull();
    await publishYear({ scope, documentId: w.doc.id, year: 2020, minCount: 2 });
    const api = await (await get(`/api/v1/projekty?gmina=${w.tenant.slug}`)).json();
    expect(api.data[0].eu).toMatchObject({
      measure: "9.1 Aktywna integracja",
      fund: "efs",
      source: "fields",
      statement:
        "Projekt współfinansowany przez Unię Europejską ze środków Europejskiego Funduszu Społecznego w ramach programu: Regionalny Program Operacyjny Województwa Śląskiego na lata 2014–2020.",
    });
    expect(api.data[1].eu).toBeNull();
    const csv = await (await get(`/gminy/${w.tenant.slug}/dane/projekty.csv`)).text();
    expect(csv).toContain("ue_komunikat");
    expect(csv).toContain("Europejski Fundusz Społeczny (EFS)");
  });

  it("answers the same bytes whoever is signed in, and 304 for a known ETag", async () => {
    const { w } = await publishedWorld();
    const { token } = await createSession({
      db: database.get().db,
      userId: w.actors.coordinator.userId,
      hours: 1,
    });
    const cookie = (await sessionCookie().serialize(token)).split(";")[0]!;
    for (const path of crawlPaths(w.tenant.slug)) {
      const anonymous = Buffer.from(await (await get(path)).arrayBuffer());
      const signedIn = Buffer.from(await (await get(path, { Cookie: cookie })).arrayBuffer());
      expect(signedIn.equals(anonymous), path).toBe(true);
    }
    const first = await get(`/api/v1/projekty?gmina=${w.tenant.slug}`);
    const etag = first.headers.get("ETag")!;
    expect(first.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+$/);
    expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const again = await get(`/api/v1/projekty?gmina=${w.tenant.slug}`, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    // The answer is kept: the HTTP server answers it from memory, the same bytes (decision 079).
    const list = `/api/v1/projekty?gmina=${w.tenant.slug}`;
    const kept = await fast(list);
    expect(kept.headers.get("X-Busola-Page-Cache")).toBe("hit");
    expect(kept.headers.get("ETag")).toBe(etag);
    expect(kept.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(
      Buffer.from(await kept.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer())),
    ).toBe(true);
    expect((await fast(list, { "If-None-Match": etag })).status).toBe(304);
    // Republishing changed data changes the answer: the old ETag no longer matches.
    await database
      .get()
      .db.update(projectCards)
      .set({ effects: "ZMIENIONE-A" })
      .where(eq(projectCards.id, w.cardA.id));
    await publishYear({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2020,
      minCount: 2,
    });
    // Nothing kept survives the publication: the next answer is built anew, then kept.
    expect((await fast(list)).status).toBe(404);
    const after = await get(`/api/v1/projekty?gmina=${w.tenant.slug}`, { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("ZMIENIONE-A");
    expect(await (await fast(list)).text()).toContain("ZMIENIONE-A");
  });

  it("every API answer matches the OpenAPI document; errors are Polish problem details", async () => {
    const { w } = await publishedWorld();
    const doc = openApiDocument() as unknown as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }
      >;
      components: { schemas: Record<string, object> };
    };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ $id: "openapi", components: doc.components });
    const validate = (template: string, status: number, type: string, body: unknown) => {
      const schema = doc.paths[template]!.get.responses[String(status)]!.content![type]!.schema;
      const rebased = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components', '"openapi#/components'),
      );
      const ok = ajv.validate(rebased, body);
      expect(ok, `${template} ${status}: ${ajv.errorsText()}`).toBe(true);
    };
    for (const template of Object.keys(doc.paths)) {
      const paths = template.includes("{")
        ? [template.replace("{gmina}", w.tenant.slug), template.replace("{gmina}", w.tenant.teryt)]
        : [template, `${template}?gmina=${w.tenant.slug}&limit=1`];
      for (const path of paths) {
        let next: string | null = path;
        for (let page = 0; next && page < 5; page++) {
          const res = await get(next);
          expect(res.status, next).toBe(200);
          const body = await res.json();
          validate(template, 200, "application/json", body);
          next = (body as { next?: string | null }).next ?? null;
        }
      }
    }
    const bad = await get("/api/v1/projekty?limit=1000");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    const problem = await bad.json();
    validate("/api/v1/projekty", 400, "application/problem+json", problem);
    expect(problem.detail).toMatch(/Parametr „limit” musi być liczbą całkowitą/);
    expect((await (await get("/api/v1/projekty?kursor=zly")).json()).detail).toMatch(/kursor/i);
    expect((await get("/api/v1/gminy/nie-ma-takiej")).status).toBe(404);
  });
});
