// API and dataset answers kept by address and publication generation, answered by the HTTP
// server before React Router (decision 079). A kept answer is exactly what `publicGet` sent
// (the body built once per publication stamp, its ETag and extra headers); the per-address
// limit, conditional GET and CORS apply to it as to any other answer.
import type http from "node:http";
import { publicGeneration } from "../domain/publication/cache.ts";
import { CLIENT_ADDRESS_HEADER } from "../server/http.ts";
import { getServices } from "../services.ts";
import { createRateLimiter, type RateDecision } from "./rate-limit.ts";
import { answerOf, problem, type Body } from "./respond.ts";

const MAX_ENTRIES = 5000;
/** Marks an answer from memory, as the page cache marks its pages. */
export const KEPT_HEADER = "X-Busola-Page-Cache";

type Kept = { body: Body; extra: Record<string, string> };
type State = {
  generation: number;
  entries: Map<string, Kept>;
  limiter: { limit: number; check: (address: string) => RateDecision } | null;
};
const KEY = Symbol.for("busola.kept-answers");
type Holder = { [KEY]?: State };

function state(): State {
  const holder = globalThis as Holder;
  holder[KEY] ??= { generation: -1, entries: new Map(), limiter: null };
  const s = holder[KEY];
  // A publication, a withdrawal or a settings change: every kept answer is older.
  if (s.generation !== publicGeneration()) {
    s.entries.clear();
    s.generation = publicGeneration();
  }
  return s;
}

/** One limiter for both paths, so an answer from memory counts like any other. */
export function checkRate(limit: number, address: string): RateDecision {
  const s = state();
  if (!s.limiter || s.limiter.limit !== limit) {
    s.limiter = { limit, check: createRateLimiter(limit) };
  }
  return s.limiter.check(address);
}

/**
 * Keeps what `publicGet` answered for this address. `generation` is the one taken before the
 * answer's stamp was read: an answer built while a publication committed is not kept.
 */
export function keepAnswer(generation: number, address: string, kept: Kept): void {
  const s = state();
  if (generation !== s.generation) return;
  if (s.entries.size >= MAX_ENTRIES) s.entries.clear();
  s.entries.set(address, kept);
}

/** For tests: forget every kept answer. */
export function clearKeptAnswers(): void {
  state().entries.clear();
}

/**
 * Answers a GET of a kept address (a 429 past the limit), or returns false for React Router.
 * Synchronous: an answer from memory needs no await.
 */
export function answerKeptPublicData(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== "GET" || !req.url) return false;
  const s = state();
  const kept = s.entries.get(req.url);
  if (!kept) return false;
  // The socket's address, recorded by app/server/http.ts — never a header the client sends.
  const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? "unknown");
  const rate = checkRate(getServices().config.apiRateLimit, address);
  if (!rate.ok) {
    void sendProblem(res, rateProblem(rate.retryAfterSeconds));
    return true;
  }
  const ifNoneMatch = req.headers["if-none-match"];
  const answer = answerOf(
    { method: "GET", ifNoneMatch: typeof ifNoneMatch === "string" ? ifNoneMatch : null },
    kept.body,
    kept.extra,
  );
  res.writeHead(answer.status, { ...answer.headers, [KEPT_HEADER]: "hit" });
  res.end(answer.bytes ?? undefined);
  return true;
}

export function rateProblem(retryAfterSeconds: number): Response {
  return problem(
    429,
    `Zbyt wiele zapytań z jednego adresu. Spróbuj ponownie za ${retryAfterSeconds} s.`,
    { "Retry-After": String(retryAfterSeconds) },
  );
}

async function sendProblem(res: http.ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
