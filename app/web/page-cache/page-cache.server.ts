// The page cache (decision 037): a signed-in page that opted in (the strategy tree, the
// project card) is kept after React Router rendered it, and later requests for the same page
// by the same viewer under the same data version are answered by the HTTP server before React
// Router runs. Each answer still costs one database query — the viewer's stamp: session,
// account, municipality with its data version, membership — so a sign-out, an expired or
// disabled account, a changed role or institution, and every audited change are seen at once.
// The CSP nonce and the CSRF token are filled in per answer.
//
// Two module graphs use this file: Node runs app/server/http.ts from source, Vite bundles the
// routes and the server entry. The state lives under a Symbol.for key, like the services.
import { randomBytes } from "node:crypto";
import type http from "node:http";
import { readViewerStamp, type ViewerStamp } from "../../domain/auth/viewer-stamp.ts";
import type { SessionUser } from "../../domain/auth/sessions.ts";
import { listenForChanges } from "../../domain/change-signal.ts";
import { publicGeneration } from "../../domain/publication/cache.ts";
import type { TenantScope } from "../../domain/scope.ts";
import { warsawDay } from "../../domain/rounds/round-dates.ts";
import { documentCsp } from "../../security-headers.ts";
import { getServices, type Services } from "../../services.ts";
import { csrfCookie, sessionCookie } from "../cookies.server.ts";
import { ensureCsrfToken } from "../csrf-token.server.ts";
import { displayCookieValue, readDisplaySettings } from "../display-settings.ts";
import {
  byteLength,
  fillTemplate,
  PageStore,
  toTemplate,
  type PageHeaders,
  type PageRequest,
  type ViewerKeyParts,
} from "./store.server.ts";

const MAX_BYTES = 64 * 1024 * 1024;
const MAX_STAMPS = 10_000;
/** A form kept over an expired session is handed back once: such a page is never cached. */
const RESTORE_PARAM = "przywroc";
export const PAGE_CACHE_HEADER = "X-Busola-Page-Cache";

/** Stamps checked against the database, kept while no change is signalled (decision 038). */
type KnownStamps = {
  db: Services["db"];
  /** False where changes are not signalled in time (PostgreSQL): the database is asked each time. */
  trusted: Promise<boolean>;
  stamps: Map<string, ViewerStamp>;
  /** Counts signals, so a stamp read while a change committed is not kept. */
  generation: number;
};

/** A loader's permission to keep its page: for whom, and on which day it was rendered. */
export type PageClaim = { viewer: ViewerKeyParts; day: string };

type PageCacheState = {
  store: PageStore;
  claims: WeakMap<object, PageClaim>;
  known?: KnownStamps;
};
const KEY = Symbol.for("busola.page-cache");
type Holder = { [KEY]?: PageCacheState };

function state(): PageCacheState {
  const holder = globalThis as Holder;
  holder[KEY] ??= { store: new PageStore(MAX_BYTES), claims: new WeakMap() };
  return holder[KEY];
}

/** For tests and benchmarks: the store itself. */
export function pageStore(): PageStore {
  return state().store;
}

export function viewerOf(scope: TenantScope, user: SessionUser): ViewerKeyParts {
  const m = scope.actor.membership;
  return {
    userId: user.userId,
    email: user.email,
    name: user.name,
    isSystemAdmin: user.isSystemAdmin,
    tenantId: scope.tenant.id,
    tenantSlug: scope.tenant.slug,
    tenantName: scope.tenant.name,
    dataVersion: scope.tenant.dataVersion,
    role: m?.role ?? null,
    institutionId: m?.institutionId ?? null,
    goalIds: [...(m?.goalIds ?? [])].sort().join(","),
  };
}

/**
 * Called by a page's loader once it has authorized the viewer: this page may be kept for
 * them. Only pages whose content is a function of the URL, the viewer and the municipality's
 * data (bumped by every audited change) may call it.
 */
export function allowPageCache(context: object, scope: TenantScope, user: SessionUser): void {
  state().claims.set(context, { viewer: viewerOf(scope, user), day: warsawDay(new Date()) });
}

/**
 * The one viewer of public pages (decision 078): whoever has no session. Its "data version" is
 * the publication generation, bumped by every publication, withdrawal and settings change.
 */
const PUBLIC_TENANT = "public";
function publicViewer(generation: number): ViewerKeyParts {
  return {
    userId: "",
    email: "",
    name: "",
    isSystemAdmin: false,
    tenantId: PUBLIC_TENANT,
    tenantSlug: "",
    tenantName: "",
    dataVersion: generation,
    role: null,
    institutionId: null,
    goalIds: "",
  };
}

/**
 * Called first thing (before any read) by a public page's loader whose content is a function
 * of the URL, the current publications and the public settings: the page may be kept for
 * everyone without a session. The generation is taken before the page reads anything, so a
 * page built while a publication committed is keyed by the generation it may predate.
 */
export function allowPublicPageCache(context: object): void {
  state().claims.set(context, {
    viewer: publicViewer(publicGeneration()),
    day: warsawDay(new Date()),
  });
}

const isPublicClaim = (claim: PageClaim) => claim.viewer.tenantId === PUBLIC_TENANT;

export function pageCacheClaim(context: object): PageClaim | undefined {
  return state().claims.get(context);
}

function pageRequest(url: URL, cookieHeader: string | null, day: string): PageRequest {
  return { url, display: displayCookieValue(readDisplaySettings(cookieHeader)), day };
}

function onlyCsrfCookie(headers: Headers): boolean {
  const set = headers.getSetCookie();
  return set.length === 1 && /^(__Host-)?busola_csrf=/.test(set[0]!);
}

/** Whether the server entry should render this answer whole and keep it. */
export function shouldKeepPage(opts: {
  request: Request;
  status: number;
  headers: Headers;
  claim: PageClaim | undefined;
}): opts is typeof opts & { claim: PageClaim } {
  return (
    opts.claim !== undefined &&
    opts.request.method === "GET" &&
    opts.status === 200 &&
    // A new CSRF cookie (or any cookie) belongs to this answer alone — except on a public
    // page, where the token is a slot like any other and each answer gets its own cookie.
    (!opts.headers.has("Set-Cookie") ||
      (isPublicClaim(opts.claim) && onlyCsrfCookie(opts.headers))) &&
    !new URL(opts.request.url).searchParams.has(RESTORE_PARAM)
  );
}

/** Keeps a rendered page: the server entry calls it with the whole HTML. */
export async function keepRenderedPage(opts: {
  request: Request;
  claim: PageClaim;
  status: number;
  headers: Headers;
  html: string;
  nonce: string;
}): Promise<void> {
  const cookies = opts.request.headers.get("Cookie");
  // Only what everyone without a session sees. (A page built while a publication committed is
  // kept under the generation it started with, which no lookup presents any more.)
  if (isPublicClaim(opts.claim) && typeof (await sessionCookie().parse(cookies)) === "string")
    return;
  // The page holds the token of the cookie it sets, if it sets one (a public page's first visit).
  const fresh = opts.headers.getSetCookie()[0]?.split(";")[0];
  const csrf = await csrfCookie().parse(fresh ?? cookies);
  if (typeof csrf !== "string" || csrf.length < 32) return;
  const headers: PageHeaders = [];
  opts.headers.forEach((value, name) => {
    if (name !== "content-security-policy" && name !== "set-cookie") headers.push([name, value]);
  });
  const template = toTemplate(opts.html, { nonce: opts.nonce, csrf });
  const { viewer, day } = opts.claim;
  state().store.put(
    viewer,
    pageRequest(new URL(opts.request.url), opts.request.headers.get("Cookie"), day),
    {
      tenantId: viewer.tenantId,
      dataVersion: viewer.dataVersion,
      status: opts.status,
      headers,
      ...template,
    },
  );
}

/** The tenant part of /g/:tenant and /g/:tenant/…, decoded as React Router decodes it. */
function tenantParam(url: URL): string | null {
  const match = /^\/g\/([^/]+)(?:\/|$)/.exec(url.pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

function knownStamps(db: Services["db"], engine: Services["engine"]): KnownStamps {
  const s = state();
  if (s.known?.db === db) return s.known;
  const known: KnownStamps = {
    db,
    trusted: Promise.resolve(false),
    stamps: new Map(),
    generation: 0,
  };
  const forget = () => {
    known.stamps.clear();
    known.generation++;
  };
  known.trusted = listenForChanges({ db, engine, listener: forget }).catch((error: unknown) => {
    console.error(error);
    return false;
  });
  s.known = known;
  return known;
}

/** The viewer's stamp: from memory while no change was signalled, else from the database. */
async function currentStamp(token: string, tenant: string): Promise<ViewerStamp | null> {
  const { db, engine } = getServices();
  const known = knownStamps(db, engine);
  const trusted = await known.trusted;
  const key = `${tenant}\u0000${token}`;
  const kept = trusted ? known.stamps.get(key) : undefined;
  if (kept) return kept;
  const generation = known.generation;
  const stamp = await readViewerStamp({ db, engine, token, tenant });
  if (trusted && stamp && generation === known.generation) {
    known.stamps.set(key, stamp);
    if (known.stamps.size > MAX_STAMPS) known.stamps.delete(known.stamps.keys().next().value!);
  }
  return stamp;
}

/** A session past half its lifetime is renewed by React Router's path (findSession). */
function dueForRenewal(stamp: ViewerStamp, sessionHours: number): boolean {
  return stamp.sessionExpiresAt.getTime() - Date.now() < (sessionHours * 3600_000) / 2;
}

/**
 * Answers the request from the cache, or returns false (nothing sent) for React Router to
 * answer. The HTTP server calls it for every GET that no asset answered.
 */
export async function answerFromPageCache(
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  if (req.method !== "GET" || !req.url) return false;
  const { store } = state();
  const url = new URL(req.url, "http://busola.invalid");
  if (!store.mayHold(url) || url.searchParams.has(RESTORE_PARAM)) return false;
  const tenant = tenantParam(url);
  const cookieHeader = req.headers.cookie ?? null;
  if (!tenant) return answerPublic(url, cookieHeader, res);
  if (!cookieHeader) return false;
  const [token, csrf] = await Promise.all([
    sessionCookie().parse(cookieHeader),
    csrfCookie().parse(cookieHeader),
  ]);
  if (typeof token !== "string" || typeof csrf !== "string" || csrf.length < 32) return false;
  const stamp = await currentStamp(token, tenant);
  if (!stamp || dueForRenewal(stamp, getServices().config.sessionHours)) return false;
  const page = store.get(stamp, pageRequest(url, cookieHeader, warsawDay(new Date())));
  if (!page) return false;
  send(res, page, csrf, null);
  return true;
}

/** A public page for a browser without a session; one without a CSRF cookie gets one. */
async function answerPublic(
  url: URL,
  cookieHeader: string | null,
  res: http.ServerResponse,
): Promise<boolean> {
  if (typeof (await sessionCookie().parse(cookieHeader)) === "string") return false;
  const viewer = publicViewer(publicGeneration());
  const page = state().store.get(viewer, pageRequest(url, cookieHeader, warsawDay(new Date())));
  if (!page) return false;
  const { token, setCookie } = await ensureCsrfToken(
    new Request(url, { headers: cookieHeader ? { Cookie: cookieHeader } : {} }),
  );
  send(res, page, token, setCookie);
  return true;
}

function send(
  res: http.ServerResponse,
  page: NonNullable<ReturnType<PageStore["get"]>>,
  csrf: string,
  setCookie: string | null,
): void {
  const nonce = randomBytes(16).toString("base64");
  const body = fillTemplate(page, { nonce, csrf });
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", documentCsp(nonce));
  res.setHeader("Content-Length", byteLength(body));
  res.setHeader(PAGE_CACHE_HEADER, "hit");
  if (setCookie) res.setHeader("Set-Cookie", setCookie);
  res.writeHead(page.status);
  // Corked, the parts leave in one writev.
  res.cork();
  for (const part of body) res.write(part);
  res.end();
  process.nextTick(() => res.uncork());
}
