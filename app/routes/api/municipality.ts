// GET /api/v1/gminy/:gmina — one municipality that publishes, by slug or TERYT code.
import type { Route } from "./+types/municipality";
import { publicGet } from "../../api/handler.server.ts";
import { matchesMunicipality } from "../../api/endpoints.ts";
import { bodyOf } from "../../api/respond.ts";
import { Municipality, MunicipalityParams } from "../../api/schemas.ts";
import { NotFoundError } from "../../domain/errors.ts";
import { municipalityResource } from "../../domain/open-data/resources.ts";
import { loadAllPublications } from "../../domain/open-data/source.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  return publicGet(request, {
    key: `api:gmina:${params.gmina}`,
    build: async (ctx) => {
      const { gmina } = MunicipalityParams.parse(params);
      const all = await loadAllPublications({
        db: ctx.db,
        stamp: ctx.stamp,
        minCount: ctx.minCount,
      });
      const found = all.find((p) => matchesMunicipality(p, gmina));
      if (!found) throw new NotFoundError();
      const body = Municipality.parse(municipalityResource(found));
      return bodyOf(JSON.stringify(body), "application/json; charset=utf-8");
    },
  });
}
