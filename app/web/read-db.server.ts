// The request's read handle (decision 056). The root middleware decides once per request,
// by the rule of app/domain/read-routing.ts, whether its reads may come from the standby of
// DATABASE_READ_URL; loaders reach the answer through `requestReadDb()` — the tenant scope
// (auth.server.ts), the public portal, the public API and the open data files — so no route
// chooses a server itself. After a request that may have written, the author gets a write
// mark: the primary's WAL position, kept in a cookie, which keeps their reads on the primary
// until the standby has replayed it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareFunction } from "react-router";
import {
  chooseReadDb,
  writeMarkAfterWrite,
  type ReadHandle as Db,
  type ReadRoute,
} from "../domain/read-routing.ts";
import { getServices } from "../services.ts";
import { writeMarkCookie } from "./cookies.server.ts";

const requestReads = new AsyncLocalStorage<() => Promise<Db>>();

/** What the CSRF check treats as a write treats as one here too. */
function mayWrite(request: Request): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(request.method);
}

function readRoute(): ReadRoute {
  const { db, readDb, replica } = getServices();
  return { db, readDb: readDb ?? db, replica: replica ?? null };
}

async function readWriteMark(request: Request): Promise<string | null> {
  const value = await writeMarkCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export const readRoutingMiddleware: MiddlewareFunction<Response> = async ({ request }, next) => {
  const route = readRoute();
  // Without a standby every request reads from the one server, as before decision 056.
  if (!route.replica) return next();
  const readOnly = !mayWrite(request);
  let chosen: Promise<Db> | undefined;
  // Decided on first use: a request that reads nothing (an asset, a redirect) asks nothing.
  const pick = () =>
    (chosen ??= readWriteMark(request).then((writeMark) =>
      chooseReadDb(route, { readOnly, writeMark }),
    ));
  const response = await requestReads.run(pick, next);
  if (readOnly) return response;
  const mark = await writeMarkAfterWrite(route);
  if (!mark) return response;
  return withHeader(response, "Set-Cookie", await writeMarkCookie().serialize(mark));
};

/** The handle this request's read-only work uses: the primary outside a request. */
export function requestReadDb(): Promise<Db> {
  const pick = requestReads.getStore();
  return pick ? pick() : Promise.resolve(getServices().db);
}

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.append(name, value);
    return response;
  } catch {
    // Some responses (Response.redirect) have immutable headers: answer with a copy.
    const copy = new Response(response.body, response);
    copy.headers.append(name, value);
    return copy;
  }
}
