// GET /api/v1/:resource — a list endpoint of the public API (app/api/endpoints.ts).
import type { Route } from "./+types/list";
import { BadQueryError, publicGet, queryErrorDetail } from "../../api/handler.server.ts";
import { endpointPage, findEndpoint } from "../../api/endpoints.ts";
import { bodyOf } from "../../api/respond.ts";
import { problem } from "../../api/respond.ts";
import { loadAllPublications } from "../../domain/open-data/source.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  const endpoint = findEndpoint(params.resource);
  if (!endpoint)
    return problem(404, "Nie ma takiego zasobu API. Listę zasobów podaje /api/openapi.json.");
  const url = new URL(request.url);
  return publicGet(request, {
    key: `api:${url.pathname}${url.search}`,
    build: async (ctx) => {
      const parsed = endpoint.query.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) throw new BadQueryError(queryErrorDetail(parsed.error));
      const all = await loadAllPublications({
        db: ctx.db,
        stamp: ctx.stamp,
        minCount: ctx.minCount,
      });
      const page = endpointPage(endpoint, all, parsed.data, url);
      return bodyOf(JSON.stringify(page), "application/json; charset=utf-8");
    },
  });
}
