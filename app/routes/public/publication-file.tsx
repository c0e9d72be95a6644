// One version of a publication as JSON (small counts withheld), for the register of changes.
import type { Route } from "./+types/publication-file";
import { cachedPublic } from "../../domain/publication/cache.ts";
import { getPublicationSnapshot } from "../../domain/publication/read.ts";
import { suppressSnapshot } from "../../domain/publication/suppress.ts";
import { notFound, run } from "../../web/auth.server.ts";
import { publicTenant } from "./public.server.ts";

export async function loader({ params }: Route.LoaderArgs) {
  return run(async () => {
    const { tenant, scope, minCount } = await publicTenant(params.slug);
    const id = params.publication?.replace(/\.json$/u, "") ?? "";
    if (!params.publication?.endsWith(".json")) throw notFound();
    const body = await cachedPublic(tenant.id, `file:${id}:${minCount}`, async () => {
      const { info, snapshot } = await getPublicationSnapshot({ scope, publicationId: id });
      const view = suppressSnapshot(snapshot, minCount);
      return JSON.stringify({
        publication: {
          id: info.id,
          document: info.documentSlug,
          year: info.year,
          version: info.versionNumber,
          producedBy: info.producedBy,
          producedAt: info.producedAt.toISOString(),
          publishedBy: info.publishedByName,
          publishedAt: info.publishedAt.toISOString(),
        },
        data: view,
      });
    });
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "public, max-age=300",
      },
    });
  });
}
