// The one path every public API and dataset request takes: CORS preflight, the per-address
// limit, the publication stamp, the answer cache, conditional GET, and domain errors turned
// into problem details. Nothing here depends on a session: the answer is the same whoever asks.
import type { ZodError } from "zod";
import { NotFoundError } from "../domain/errors.ts";
import { publicationStamp } from "../domain/open-data/source.ts";
import { publicGeneration } from "../domain/publication/cache.ts";
import type { ReadHandle as Db } from "../domain/read-routing.ts";
import { CLIENT_ADDRESS_HEADER } from "../server/http.ts";
import { getServices } from "../services.ts";
import { requestReadDb } from "../web/read-db.server.ts";
import { BadCursorError } from "./endpoints.ts";
import { checkRate, keepAnswer, rateProblem } from "./kept-answers.server.ts";
import { preflight, problem, sendBody, type Body } from "./respond.ts";

export class BadQueryError extends Error {}

const MAX_ENTRIES = 5000;
const answers = new Map<string, Promise<Body>>();
let answersStamp = "";

function cachedAnswer(stamp: string, key: string, build: () => Promise<Body>): Promise<Body> {
  if (stamp !== answersStamp) {
    answers.clear();
    answersStamp = stamp;
  }
  let hit = answers.get(key);
  if (!hit) {
    if (answers.size >= MAX_ENTRIES) answers.clear();
    hit = build();
    answers.set(key, hit);
    hit.catch(() => answers.delete(key));
  }
  return hit;
}

/** A query's Zod issues in Polish, naming the parameter. */
export function queryErrorDetail(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Nieprawidłowe parametry zapytania.";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `„${k}”`).join(", ");
    return `Nieznany parametr zapytania: ${keys}. Dozwolone parametry opisuje /api/openapi.json.`;
  }
  const name = String(issue.path[0] ?? "");
  if (name === "limit") return "Parametr „limit” musi być liczbą całkowitą od 1 do 200.";
  if (name === "rok") return "Parametr „rok” musi być rokiem, np. 2021.";
  return `Nieprawidłowa wartość parametru „${name}”.`;
}

function errorResponse(e: unknown): Response {
  if (e instanceof NotFoundError)
    return problem(404, "Nie ma takiego zasobu albo nie został opublikowany.");
  if (e instanceof BadCursorError)
    return problem(400, "Nieprawidłowy kursor. Użyj adresu z pola „next” poprzedniej strony.");
  if (e instanceof BadQueryError) return problem(400, e.message);
  console.error(e);
  return problem(500, "Wystąpił błąd serwera. Spróbuj ponownie później.");
}

/** `db` is the request's read handle; the stamp was read from it, so the two agree. */
export type PublicContext = { db: Db; stamp: string; minCount: number; url: URL };

/**
 * Answer a public GET. `key` names the answer within one publication stamp (null: do not
 * cache); `build` makes its bytes. `extraHeaders` go on the 200 and the 304 alike.
 */
export async function publicGet(
  request: Request,
  opts: {
    key: string | null;
    build: (ctx: PublicContext) => Promise<Body>;
    extraHeaders?: Record<string, string>;
  },
): Promise<Response> {
  if (request.method === "OPTIONS") return preflight();
  if (request.method !== "GET" && request.method !== "HEAD") {
    return problem(405, "Ten adres służy tylko do odczytu (GET).", { Allow: "GET, HEAD, OPTIONS" });
  }
  const { config } = getServices();
  const rate = checkRate(
    config.apiRateLimit,
    request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown",
  );
  if (!rate.ok) return rateProblem(rate.retryAfterSeconds);
  // Taken before the stamp: an answer built while a publication commits is not kept.
  const generation = publicGeneration();
  try {
    const db = await requestReadDb();
    const stamp = await publicationStamp(db);
    const ctx = { db, stamp, minCount: config.publicMinCount, url: new URL(request.url) };
    if (opts.key === null) return sendBody(request, await opts.build(ctx), opts.extraHeaders);
    const body = await cachedAnswer(stamp, opts.key, () => opts.build(ctx));
    // Later GETs of this address are answered before React Router (decision 079).
    const url = new URL(request.url);
    keepAnswer(generation, url.pathname + url.search, { body, extra: opts.extraHeaders ?? {} });
    return sendBody(request, body, opts.extraHeaders);
  } catch (e) {
    return errorResponse(e);
  }
}
