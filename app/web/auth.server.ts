// The request pipeline's first steps: who is signed in (auth), which municipality and in
// what role (tenant scope + canAccessTenant). Loaders and actions start here.
import { data, redirect } from "react-router";
import { findSession, findSessionOwner, type SessionUser } from "../domain/auth/sessions.ts";
import { stashForm } from "../domain/auth/pending-forms.ts";
import { NotFoundError } from "../domain/errors.ts";
import type { TenantScope } from "../domain/scope.ts";
import { findTenantWithActor } from "../domain/tenants.ts";
import { scopeOnReadDb } from "../domain/read-routing.ts";
import { canAccessTenant } from "../policies/index.ts";
import { getServices } from "../services.ts";
import { sessionCookie } from "./cookies.server.ts";
import { perRequest } from "./per-request.server.ts";
import { isMultipart } from "./csrf.server.ts";
import { asResponse } from "./forms/action.server.ts";
import { requestReadDb } from "./read-db.server.ts";

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** The request context object: one per request, shared by all its loaders. */
export type RequestContext = object;

export function getSessionUser(
  request: Request,
  context: RequestContext,
): Promise<SessionUser | null> {
  return perRequest(context, "user", async () => {
    const token = await readSessionToken(request);
    if (!token) return null;
    const { db, config } = getServices();
    return findSession({ db, token, renewHours: config.sessionHours });
  });
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request, context: RequestContext): Promise<SessionUser> {
  const user = await getSessionUser(request, context);
  if (user) return user;
  const url = pageUrl(request);
  const next = url.pathname + url.search;
  const params = new URLSearchParams({ next });
  const token = await readSessionToken(request);
  if (token) {
    params.set("wygasla", "1");
    // A form sent after the session expired is kept for its author, not thrown away.
    const { db } = getServices();
    // An upload is not kept: its file may be large, and the user still has it.
    const owner =
      request.method === "POST" && !isMultipart(request)
        ? await findSessionOwner({ db, token })
        : null;
    if (owner) {
      const form = await request.clone().formData();
      params.set("przywroc", await stashForm({ db, userId: owner, path: url.pathname, form }));
    }
  }
  throw redirect(`/logowanie?${params}`);
}

/**
 * The page's own URL. Client-side navigations and form posts reach loaders and actions as
 * single-fetch requests (`/page.data?_routes=…`, `/_root.data`); redirects must name the page.
 */
export function pageUrl(request: Request): URL {
  const url = new URL(request.url);
  if (url.pathname === "/_root.data") url.pathname = "/";
  else if (url.pathname.endsWith(".data")) url.pathname = url.pathname.slice(0, -".data".length);
  url.searchParams.delete("_routes");
  return url;
}

export async function requireTenantScope(
  request: Request,
  context: RequestContext,
  tenantParam: string | undefined,
): Promise<{ scope: TenantScope; user: SessionUser }> {
  const user = await requireUser(request, context);
  return perRequest(context, `tenant:${tenantParam}`, () => resolveTenantScope(user, tenantParam));
}

async function resolveTenantScope(
  user: SessionUser,
  tenantParam: string | undefined,
): Promise<{ scope: TenantScope; user: SessionUser }> {
  // Who may see what is read from the primary, never a lagging standby (decision 056).
  const { db } = getServices();
  const found = tenantParam ? await findTenantWithActor(db, tenantParam, user) : null;
  if (!found) throw notFound();
  const { tenant, actor } = found;
  // Another municipality's URL answers exactly like a URL that does not exist.
  if (!canAccessTenant(actor, tenant.id)) throw notFound();
  // A GET's scope reads from the standby when the rule allows; an action's, the primary.
  const scope = await scopeOnReadDb({ db, tenant, actor }, await requestReadDb());
  return { scope, user };
}

export function notFound(message = new NotFoundError().message) {
  return data(message, { status: 404 });
}

/** Domain errors outside a form's answer become HTTP answers with their Polish message. */
export async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asResponse(error);
  }
}
