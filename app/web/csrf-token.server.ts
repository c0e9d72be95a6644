// The CSRF token of a browser: read from its cookie, or made with the cookie that carries it.
// Apart from csrf.server.ts (which imports a component) so that the page cache, which the
// HTTP server runs from source, can hand a new visitor a token too (decision 078).
import { randomBytes } from "node:crypto";
import { csrfCookie } from "./cookies.server.ts";

export async function readCsrfToken(request: Request): Promise<string | null> {
  const value = await csrfCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/** The token for forms on this page, and a Set-Cookie header when it is new. */
export async function ensureCsrfToken(
  request: Request,
): Promise<{ token: string; setCookie: string | null }> {
  const existing = await readCsrfToken(request);
  if (existing) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await csrfCookie().serialize(token) };
}
