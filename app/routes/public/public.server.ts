// What every public loader shares: the municipality by slug (404 unless it publishes), an
// anonymous scope — the same for everyone, signed in or not — and the small-count threshold.
import { z } from "../../web/forms/zod.ts";
import { findPublishingTenant, getPublicView, publicScope } from "../../domain/publication/read.ts";
import { authorize, canReadPublicPortal } from "../../policies/index.ts";
import { getServices } from "../../services.ts";
import { notFound } from "../../web/auth.server.ts";
import { requestReadDb } from "../../web/read-db.server.ts";

export async function publicTenant(slug: string | undefined) {
  authorize(canReadPublicPortal(null));
  const db = await requestReadDb();
  const tenant = await findPublishingTenant({ db, slug: slug ?? "" });
  return { tenant, scope: publicScope(db, tenant), minCount: getServices().config.publicMinCount };
}

const yearSchema = z.coerce.number().int().min(1990).max(2100);

export function parseYear(raw: string | undefined): number {
  const parsed = yearSchema.safeParse(raw);
  if (!parsed.success) throw notFound("Nie ma takiego roku.");
  return parsed.data;
}

/**
 * Pages are cached in the server (decision 032), not by browsers or proxies: the page differs
 * by the display cookie (font size, contrast) and the root sets the CSRF cookie.
 */
export const PUBLIC_CACHE_HEADERS = { "Cache-Control": "no-cache", Vary: "Cookie" };

export function absoluteUrl(request: Request, path: string): string {
  const url = new URL(request.url);
  return `${url.protocol}//${url.host}${path}`;
}

/** The current public view of a document's year, by the page's parameters. */
export async function publicYear(params: { slug?: string; doc?: string; rok?: string }) {
  const { tenant, scope, minCount } = await publicTenant(params.slug);
  const year = parseYear(params.rok);
  const { info, view } = await getPublicView({
    scope,
    documentSlug: params.doc ?? "",
    year,
    minCount,
  });
  return { tenant, scope, minCount, year, info, view };
}
