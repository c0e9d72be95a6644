// GET /gminy/:slug/dane/:file — a dataset file: wskazniki|projekty|budzety . csv|json|xlsx.
import type { Route } from "./+types/dataset-file";
import { publicGet } from "../../api/handler.server.ts";
import { problem } from "../../api/respond.ts";
import { DATASET_FORMATS, type DatasetFormat } from "../../domain/open-data/datasets.ts";
import { loadMunicipalityPublications } from "../../domain/open-data/source.ts";
import { DATASET_KINDS, type DatasetKind } from "../../domain/open-data/types.ts";
import { datasetBody } from "../../open-data/files.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  const m = /^([a-z]+)\.([a-z]+)$/.exec(params.file);
  const kind = m?.[1] as DatasetKind | undefined;
  const format = m?.[2] as DatasetFormat | undefined;
  if (!kind || !format || !DATASET_KINDS.includes(kind) || !DATASET_FORMATS.includes(format)) {
    return problem(
      404,
      "Nie ma takiego zbioru danych. Dostępne: wskazniki, projekty, budzety — w formatach csv, json, xlsx.",
    );
  }
  const disposition = format === "xlsx" ? "attachment" : "inline";
  return publicGet(request, {
    key: `dataset:${params.slug}:${kind}:${format}`,
    extraHeaders: {
      "Content-Disposition": `${disposition}; filename="${params.slug.replace(/[^a-z0-9-]/g, "")}-${kind}.${format}"`,
    },
    build: async (ctx) => {
      const pubs = await loadMunicipalityPublications({
        db: ctx.db,
        stamp: ctx.stamp,
        slug: params.slug,
        minCount: ctx.minCount,
      });
      return datasetBody(kind, format, pubs);
    },
  });
}
