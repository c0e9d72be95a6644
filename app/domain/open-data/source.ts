// Where the datasets and the API get their data: the publication model's read functions
// (app/domain/publication/read.ts) as the anonymous public reader — current versions only,
// through the one suppression function — never the live tables. Results are kept per
// "publication stamp": a one-row aggregate of the publications table that changes whenever a
// version is published or withdrawn, in any process (decision 034).
import { count, max } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { publications } from "../../db/schema.ts";
import {
  findPublishingTenant,
  getPublicView,
  listPublications,
  listPublishingTenants,
  publicScope,
  type PublishingTenant,
} from "../publication/read.ts";
import type { MunicipalityPublications, PublicationEntry } from "./types.ts";

/** Changes on every publish and every withdrawal; cheap enough to read on every request. */
export async function publicationStamp(db: DbOrTx): Promise<string> {
  const [row] = await db
    .select({
      n: count(),
      published: max(publications.publishedAt),
      withdrawn: max(publications.withdrawnAt),
    })
    .from(publications);
  const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : "");
  return `${row?.n ?? 0}|${iso(row?.published)}|${iso(row?.withdrawn)}`;
}

async function municipalityPublications(
  db: DbOrTx,
  tenant: PublishingTenant,
  minCount: number,
): Promise<MunicipalityPublications> {
  const scope = publicScope(db, tenant);
  const all = await listPublications({ scope });
  const register: PublicationEntry[] = all.map((p) => ({
    publicationId: p.id,
    documentSlug: p.documentSlug,
    documentTitle: p.documentTitle,
    year: p.year,
    version: p.versionNumber,
    producedBy: p.producedBy,
    producedAt: p.producedAt.toISOString(),
    publishedAt: p.publishedAt.toISOString(),
    publishedBy: p.publishedByName,
    withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: p.withdrawalReason,
  }));
  const current = all.filter((p) => p.current);
  const years = await Promise.all(
    current.map(async (p) => {
      const { info, view } = await getPublicView({
        scope,
        documentSlug: p.documentSlug,
        year: p.year,
        minCount,
      });
      return {
        publicationId: info.id,
        version: info.versionNumber,
        publishedAt: info.publishedAt.toISOString(),
        data: view,
      };
    }),
  );
  return {
    municipality: {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      teryt: tenant.teryt,
      kind: tenant.kind,
    },
    years,
    register,
  };
}

const memo = new Map<string, Promise<unknown>>();
let memoStamp = "";

function remember<T>(stamp: string, key: string, build: () => Promise<T>): Promise<T> {
  if (stamp !== memoStamp) {
    memo.clear();
    memoStamp = stamp;
  }
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = build();
    memo.set(key, hit);
    hit.catch(() => memo.delete(key));
  }
  return hit;
}

/** Every municipality that publishes, with its years in force and its register. */
export function loadAllPublications(opts: {
  db: DbOrTx;
  stamp: string;
  minCount: number;
}): Promise<MunicipalityPublications[]> {
  return remember(opts.stamp, `all:${opts.minCount}`, async () => {
    const tenants = await listPublishingTenants({ db: opts.db });
    return Promise.all(tenants.map((t) => municipalityPublications(opts.db, t, opts.minCount)));
  });
}

/** One municipality by slug (NotFoundError when it publishes nothing). */
export function loadMunicipalityPublications(opts: {
  db: DbOrTx;
  stamp: string;
  slug: string;
  minCount: number;
}): Promise<MunicipalityPublications> {
  return remember(opts.stamp, `one:${opts.slug}:${opts.minCount}`, async () => {
    const tenant = await findPublishingTenant({ db: opts.db, slug: opts.slug });
    return municipalityPublications(opts.db, tenant, opts.minCount);
  });
}
