// Every public page, for the site map (HTML) and sitemap.xml: built from published snapshots.
import {
  indicatorPath,
  municipalityPath,
  projectPath,
  registerPath,
  statementPath,
  yearPath,
} from "../../components/public/paths.ts";
import { cachedPublic } from "../../domain/publication/cache.ts";
import {
  getPublicView,
  listCurrentPublications,
  listPublishingTenants,
  publicScope,
} from "../../domain/publication/read.ts";
import { getServices } from "../../services.ts";
import { requestReadDb } from "../../web/read-db.server.ts";

export type SiteMapEntry = { path: string; title: string; depth: number; lastModified?: string };

export async function siteMapEntries(): Promise<SiteMapEntry[]> {
  const { db, config } = getServices();
  // From the primary, as on the home page: "*" is dropped on publication, not versioned.
  const tenants = await cachedPublic("*", "tenants", () => listPublishingTenants({ db }));
  const readDb = await requestReadDb();
  const out: SiteMapEntry[] = [
    { path: "/", title: "Strona główna", depth: 0 },
    { path: statementPath(), title: "Deklaracja dostępności", depth: 0 },
    { path: "/mapa-strony", title: "Mapa strony", depth: 0 },
    {
      path: "/api/dokumentacja",
      title: "Interfejs programistyczny (API) — dokumentacja",
      depth: 0,
    },
  ];
  for (const tenant of tenants) {
    const scope = publicScope(readDb, tenant);
    const current = await listCurrentPublications({ scope });
    out.push(
      { path: municipalityPath(tenant.slug), title: tenant.name, depth: 0 },
      { path: registerPath(tenant.slug), title: `${tenant.name} — rejestr publikacji`, depth: 1 },
      {
        path: statementPath(tenant.slug),
        title: `${tenant.name} — deklaracja dostępności`,
        depth: 1,
      },
      {
        path: `${municipalityPath(tenant.slug)}/dane`,
        title: `${tenant.name} — otwarte dane`,
        depth: 1,
      },
    );
    for (const p of current) {
      const { view } = await getPublicView({
        scope,
        documentSlug: p.documentSlug,
        year: p.year,
        minCount: config.publicMinCount,
      });
      const lastModified = p.publishedAt.toISOString().slice(0, 10);
      out.push({
        path: yearPath(tenant.slug, p.documentSlug, p.year),
        title: `${p.documentTitle} — ${p.year} r.`,
        depth: 1,
        lastModified,
      });
      for (const g of view.goals) {
        for (const d of g.directions) {
          for (const pr of d.projects) {
            out.push({
              path: projectPath(tenant.slug, p.documentSlug, p.year, pr.id),
              title: `${pr.symbol} ${pr.title} (${p.year} r.)`,
              depth: 2,
              lastModified,
            });
          }
          for (const i of d.indicators) {
            out.push({
              path: indicatorPath(tenant.slug, p.documentSlug, p.year, i.id),
              title: `${i.name} (${p.year} r.)`,
              depth: 2,
              lastModified,
            });
          }
        }
      }
    }
  }
  return out;
}
