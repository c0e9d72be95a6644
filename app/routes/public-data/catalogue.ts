// GET /dane/katalog.jsonld and /dane/katalog.rdf — the DCAT-AP catalogue of every dataset of
// the installation, for harvesting by dane.gov.pl. Addresses are absolute, from BUSOLA_PUBLIC_URL.
import { publicGet } from "../../api/handler.server.ts";
import { loadAllPublications } from "../../domain/open-data/source.ts";
import { catalogueBody } from "../../open-data/files.ts";
import { getServices } from "../../services.ts";

export async function loader({ request }: { request: Request }) {
  const format = new URL(request.url).pathname.endsWith(".rdf") ? "rdf" : "jsonld";
  return publicGet(request, {
    key: `catalogue:${format}`,
    build: async (ctx) => {
      const { config } = getServices();
      const all = await loadAllPublications({
        db: ctx.db,
        stamp: ctx.stamp,
        minCount: ctx.minCount,
      });
      return catalogueBody(all, config.mail.publicUrl, format);
    },
  });
}
