// The bytes of a dataset file and of the catalogue, for the routes: one function per output.
import {
  buildDataset,
  datasetMetadata,
  DATASET_DEFINITIONS,
  MEDIA_TYPES,
  type DatasetFormat,
} from "../domain/open-data/datasets.ts";
import type { DatasetKind, MunicipalityPublications } from "../domain/open-data/types.ts";
import { DATASET_KINDS } from "../domain/open-data/types.ts";
import { bodyOf, type Body } from "../api/respond.ts";
import { toCsv } from "./csv.ts";
import { catalogueGraph, toJsonLd, toRdfXml } from "./dcat.ts";
import { toJson } from "./json.ts";
import { toXlsx } from "./xlsx.ts";

export async function datasetBody(
  kind: DatasetKind,
  format: DatasetFormat,
  pubs: MunicipalityPublications,
): Promise<Body> {
  const dataset = buildDataset(kind, pubs);
  if (format === "csv") return bodyOf(toCsv(dataset.columns, dataset.rows), MEDIA_TYPES.csv);
  if (format === "json") return bodyOf(toJson(dataset), MEDIA_TYPES.json);
  return bodyOf(await toXlsx(dataset), MEDIA_TYPES.xlsx);
}

export function datasetFileName(
  pubs: MunicipalityPublications,
  kind: DatasetKind,
  format: DatasetFormat,
) {
  return `${pubs.municipality.slug}-${kind}.${format}`;
}

/** The metadata of every dataset of a municipality (for its page and the catalogue). */
export function datasetsOf(pubs: MunicipalityPublications) {
  return DATASET_KINDS.map((kind) => ({
    ...datasetMetadata(kind, pubs.municipality, pubs.years),
    columns: DATASET_DEFINITIONS[kind].columns,
  }));
}

export const CATALOGUE_TITLE = "Katalog danych Busoli — strategie i programy polityki społecznej";

export function catalogueBody(
  all: MunicipalityPublications[],
  baseUrl: string,
  format: "jsonld" | "rdf",
): Body {
  const graph = catalogueGraph({
    baseUrl,
    title: CATALOGUE_TITLE,
    description:
      "Otwarte dane o realizacji gminnych strategii rozwiązywania problemów społecznych i programów: wartości wskaźników, projekty z kartami realizacji i budżety według źródeł finansowania, z opublikowanych sprawozdań.",
    publisher: "Busola",
    municipalities: all.map((p) => ({ municipality: p.municipality, datasets: datasetsOf(p) })),
  });
  return format === "jsonld"
    ? bodyOf(toJsonLd(graph), "application/ld+json; charset=utf-8")
    : bodyOf(toRdfXml(graph), "application/rdf+xml; charset=utf-8");
}
