// Kept API and dataset answers (decision 079) through a real HTTP server: the per-address limit
// counts answers from memory too (429 with Retry-After and a Polish detail), HEAD-less GETs
// only, and a publication generation later nothing kept is answered.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import {
  answerKeptPublicData,
  checkRate,
  clearKeptAnswers,
  keepAnswer,
} from "../../../app/api/kept-answers.server.ts";
import { bodyOf } from "../../../app/api/respond.ts";
import { loadConfig } from "../../../app/config.ts";
import { invalidatePublicCache, publicGeneration } from "../../../app/domain/publication/cache.ts";
import { CLIENT_ADDRESS_HEADER } from "../../../app/server/http.ts";
import { setServices } from "../../../app/services.ts";

const LIMIT = 3;
const PATH = "/gminy/ruda-slaska/dane/wskazniki.csv";
let server: http.Server;
let base = "";

beforeAll(async () => {
  setServices({
    db: {} as never,
    engine: "pglite",
    config: loadConfig({ BUSOLA_API_RATE_LIMIT: String(LIMIT) }),
  });
  server = http.createServer((req, res) => {
    // As app/server/http.ts: the socket's address, recorded before anything answers.
    req.headers[CLIENT_ADDRESS_HEADER] = req.headers["x-test-address"] ?? "unknown";
    if (!answerKeptPublicData(req, res)) res.writeHead(404).end("not kept");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => clearKeptAnswers());

const ask = (address: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${PATH}`, { headers: { "X-Test-Address": address, ...headers } });

function keep(text: string) {
  keepAnswer(publicGeneration(), PATH, {
    body: bodyOf(text, "text/csv; charset=utf-8"),
    extra: { "Content-Disposition": 'inline; filename="ruda-slaska-wskazniki.csv"' },
  });
}

it("answers a kept dataset with its headers, and counts it against the address's limit", async () => {
  keep("teryt,rok\n2472011,2020\n");
  const first = await ask("10.0.0.1");
  expect(first.status).toBe(200);
  expect(first.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(first.headers.get("content-disposition")).toContain("ruda-slaska-wskazniki.csv");
  expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
  expect(await first.text()).toBe("teryt,rok\n2472011,2020\n");
  const etag = first.headers.get("etag")!;
  expect((await ask("10.0.0.1", { "If-None-Match": etag })).status).toBe(304);
  // Two answers so far; the third still passes, the fourth is refused — in Polish, with a wait.
  expect((await ask("10.0.0.1")).status).toBe(200);
  const refused = await ask("10.0.0.1");
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(refused.headers.get("content-type")).toContain("application/problem+json");
  expect(((await refused.json()) as { detail: string }).detail).toMatch(/Zbyt wiele zapytań/u);
  // The same window, counted once for both paths: React Router's answers share the limiter.
  expect(checkRate(LIMIT, "10.0.0.1").ok).toBe(false);
  // Another address has its own count.
  expect((await ask("10.0.0.2")).status).toBe(200);
});

it("answers nothing kept before a publication, and keeps nothing built across one", async () => {
  keep("przed");
  expect((await ask("10.0.1.1")).status).toBe(200);
  invalidatePublicCache("any");
  expect((await ask("10.0.1.1")).status).toBe(404);
  // An answer whose stamp was read before the publication committed is not kept.
  const before = publicGeneration();
  invalidatePublicCache("any");
  keepAnswer(before, PATH, { body: bodyOf("stare", "text/csv"), extra: {} });
  expect((await ask("10.0.1.1")).status).toBe(404);
});
