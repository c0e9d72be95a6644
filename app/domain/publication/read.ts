// Reading publications: the register (every version) and published snapshots. The public
// pages, datasets and API read through these functions only — never the live tables — so what
// is not published cannot appear publicly, whoever is signed in (decision 030).
import { and, asc, desc, eq, exists, ilike, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { planDocuments, publications, tenants } from "../../db/schema.ts";
import { authorize, canReadPublicPortal } from "../../policies/index.ts";
import type { Actor } from "../actor.ts";
import { NotFoundError } from "../errors.ts";
import { inTenant, isUuid, type Tenant, type TenantScope } from "../scope.ts";
import { cachedPublic } from "./cache.ts";
import { suppressSnapshot } from "./suppress.ts";
import type { PublicationInfo, PublicSnapshot, PublicView } from "./types.ts";
import { voivodeshipOf } from "./voivodeships.ts";

/** The public reader: no account, no membership. Policies give it published snapshots only. */
export const ANONYMOUS_ACTOR: Actor = {
  userId: "",
  name: "anonim",
  isSystemAdmin: false,
  membership: null,
};

export function publicScope(db: DbOrTx, tenant: Tenant): TenantScope {
  return { db, tenant, actor: ANONYMOUS_ACTOR };
}

export type PublishingTenant = Tenant & { voivodeship: string };

const live = (t: typeof publications) => isNull(t.withdrawnAt);

/** Municipalities with at least one publication in force, by name; optionally matching a query. */
export async function listPublishingTenants(opts: {
  db: DbOrTx;
  query?: string;
}): Promise<PublishingTenant[]> {
  authorize(canReadPublicPortal(null));
  const q = opts.query?.trim();
  const rows = await opts.db
    .select({
      id: tenants.id,
      slug: tenants.slug,
      teryt: tenants.teryt,
      name: tenants.name,
      kind: tenants.kind,
      dataVersion: tenants.dataVersion,
    })
    .from(tenants)
    .where(
      and(
        exists(
          opts.db
            .select({ one: publications.id })
            .from(publications)
            .where(and(eq(publications.tenantId, tenants.id), live(publications))),
        ),
        q
          ? or(ilike(tenants.name, `%${q.replace(/[%_\\]/gu, "\\$&")}%`), eq(tenants.teryt, q))
          : undefined,
      ),
    )
    .orderBy(asc(tenants.name));
  return rows.map((r) => ({ ...r, voivodeship: voivodeshipOf(r.teryt) }));
}

/** A municipality that publishes, by slug — 404 for one that publishes nothing. */
export async function findPublishingTenant(opts: {
  db: DbOrTx;
  slug: string;
}): Promise<PublishingTenant> {
  authorize(canReadPublicPortal(null));
  const [row] = await opts.db
    .select({
      id: tenants.id,
      slug: tenants.slug,
      teryt: tenants.teryt,
      name: tenants.name,
      kind: tenants.kind,
      dataVersion: tenants.dataVersion,
    })
    .from(tenants)
    .where(
      and(
        eq(tenants.slug, opts.slug),
        exists(
          opts.db
            .select({ one: publications.id })
            .from(publications)
            .where(and(eq(publications.tenantId, tenants.id), live(publications))),
        ),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError();
  return { ...row, voivodeship: voivodeshipOf(row.teryt) };
}

const INFO_COLUMNS = {
  id: publications.id,
  documentId: publications.documentId,
  documentSlug: planDocuments.slug,
  documentTitle: planDocuments.title,
  year: publications.year,
  versionNumber: publications.versionNumber,
  fingerprint: publications.fingerprint,
  producedBy: publications.producedBy,
  producedAt: publications.producedAt,
  publishedByName: publications.publishedByName,
  publishedAt: publications.publishedAt,
  sourceFinalReportId: publications.sourceFinalReportId,
  withdrawnAt: publications.withdrawnAt,
  withdrawnByName: publications.withdrawnByName,
  withdrawalReason: publications.withdrawalReason,
};

/**
 * The register of publications of the tenant (or one document): every version, withdrawn ones
 * included, newest first. Only the register's facts — a document's title as it is now is the
 * one public fact read from a live table, and it exists only for published documents.
 */
export async function listPublications(opts: {
  scope: TenantScope;
  documentId?: string;
}): Promise<PublicationInfo[]> {
  const { scope } = opts;
  authorize(canReadPublicPortal(scope.actor));
  const rows = await scope.db
    .select(INFO_COLUMNS)
    .from(publications)
    .innerJoin(planDocuments, eq(planDocuments.id, publications.documentId))
    .where(
      inTenant(
        scope,
        publications,
        opts.documentId ? eq(publications.documentId, opts.documentId) : undefined,
      ),
    )
    .orderBy(desc(publications.publishedAt), desc(publications.versionNumber));
  const currentOf = new Map<string, string>();
  for (const r of [...rows].sort((a, b) => b.versionNumber - a.versionNumber)) {
    const key = `${r.documentId}:${r.year}`;
    if (!r.withdrawnAt && !currentOf.has(key)) currentOf.set(key, r.id);
  }
  return rows.map((r) => ({ ...r, current: currentOf.get(`${r.documentId}:${r.year}`) === r.id }));
}

/** The versions the public sees now: one per document and year, newest year first. */
export async function listCurrentPublications(opts: {
  scope: TenantScope;
}): Promise<PublicationInfo[]> {
  const all = await listPublications(opts);
  return all
    .filter((p) => p.current)
    .sort((a, b) => b.year - a.year || a.documentTitle.localeCompare(b.documentTitle, "pl"));
}

/** One version's snapshot, as stored (raw counts). A withdrawn version's data is not served. */
export async function getPublicationSnapshot(opts: {
  scope: TenantScope;
  publicationId: string;
}): Promise<{ info: PublicationInfo; snapshot: PublicSnapshot }> {
  const { scope } = opts;
  authorize(canReadPublicPortal(scope.actor));
  if (!isUuid(opts.publicationId)) throw new NotFoundError();
  const all = await listPublications({ scope });
  const info = all.find((p) => p.id === opts.publicationId);
  if (!info || info.withdrawnAt) throw new NotFoundError();
  const [row] = await scope.db
    .select({ snapshot: publications.snapshot })
    .from(publications)
    .where(inTenant(scope, publications, eq(publications.id, info.id)));
  return { info, snapshot: row!.snapshot as unknown as PublicSnapshot };
}

/** The version of a document's year the public sees now, by the document's slug. */
export async function getCurrentSnapshot(opts: {
  scope: TenantScope;
  documentSlug: string;
  year: number;
}): Promise<{ info: PublicationInfo; snapshot: PublicSnapshot }> {
  const current = await listCurrentPublications({ scope: opts.scope });
  const info = current.find((p) => p.documentSlug === opts.documentSlug && p.year === opts.year);
  if (!info) throw new NotFoundError();
  return getPublicationSnapshot({ scope: opts.scope, publicationId: info.id });
}

/**
 * What a public page shows of a document's year: the current version with small counts
 * withheld (suppress.ts), cached by the publication's id (decision 032).
 */
export async function getPublicView(opts: {
  scope: TenantScope;
  documentSlug: string;
  year: number;
  minCount: number;
}): Promise<{ info: PublicationInfo; view: PublicView }> {
  const current = await listCurrentPublications({ scope: opts.scope });
  const info = current.find((p) => p.documentSlug === opts.documentSlug && p.year === opts.year);
  if (!info) throw new NotFoundError();
  const view = await cachedPublic(
    opts.scope.tenant.id,
    `view:${info.id}:${opts.minCount}`,
    async () => {
      const { snapshot } = await getPublicationSnapshot({
        scope: opts.scope,
        publicationId: info.id,
      });
      return suppressSnapshot(snapshot, opts.minCount);
    },
  );
  return { info, view };
}

/** Every current public view of one document, oldest year first: an indicator's series. */
export async function listPublicViews(opts: {
  scope: TenantScope;
  documentSlug: string;
  minCount: number;
}): Promise<{ info: PublicationInfo; view: PublicView }[]> {
  const current = (await listCurrentPublications({ scope: opts.scope }))
    .filter((p) => p.documentSlug === opts.documentSlug)
    .sort((a, b) => a.year - b.year);
  return Promise.all(
    current.map((p) =>
      getPublicView({
        scope: opts.scope,
        documentSlug: p.documentSlug,
        year: p.year,
        minCount: opts.minCount,
      }),
    ),
  );
}
