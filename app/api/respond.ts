// HTTP answers of the public API and the dataset files: conditional GET (ETag, If-None-Match
// → 304), shared caching (Cache-Control: public), CORS for GET from any origin, and errors as
// RFC 9457 problem details with a Polish `detail`. Bodies are built once per publication
// version (public-cache.ts), so a 304 or a cache hit costs no serialisation.
import { createHash } from "node:crypto";

/** Seconds a client or a shared cache may reuse an answer without asking again. */
export const MAX_AGE_SECONDS = 300;

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Retry-After, Content-Disposition",
};

export type Body = { bytes: Buffer; etag: string; contentType: string };

export function bodyOf(content: string | Buffer, contentType: string): Body {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
  return { bytes, etag, contentType };
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** The status, headers and bytes of a body's answer; null bytes for a 304 or a HEAD. */
export function answerOf(
  request: { method: string; ifNoneMatch: string | null },
  body: Body,
  extra: Record<string, string> = {},
): { status: number; headers: Record<string, string>; bytes: Buffer | null } {
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: body.etag,
    "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}`,
    "X-Content-Type-Options": "nosniff",
    ...extra,
  };
  if (matches(request.ifNoneMatch, body.etag)) return { status: 304, headers, bytes: null };
  headers["Content-Type"] = body.contentType;
  headers["Content-Length"] = String(body.bytes.length);
  return { status: 200, headers, bytes: request.method === "HEAD" ? null : body.bytes };
}

export function sendBody(
  request: Request,
  body: Body,
  extra: Record<string, string> = {},
): Response {
  const answer = answerOf(
    { method: request.method, ifNoneMatch: request.headers.get("If-None-Match") },
    body,
    extra,
  );
  return new Response(answer.bytes ? new Uint8Array(answer.bytes) : null, {
    status: answer.status,
    headers: answer.headers,
  });
}

const TITLES: Record<number, string> = {
  400: "Nieprawidłowe zapytanie",
  404: "Nie znaleziono",
  405: "Niedozwolona metoda",
  429: "Zbyt wiele zapytań",
  500: "Błąd serwera",
};

export function problem(
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): Response {
  const body = {
    type: `/api/dokumentacja#blad-${status}`,
    title: TITLES[status] ?? "Błąd",
    status,
    detail,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...CORS_HEADERS,
      "Content-Type": "application/problem+json; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/** The answer to a CORS preflight: only reading is allowed, from anywhere. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "Accept, If-None-Match, Cache-Control",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
    },
  });
}
