// What the open data and the API are built from: published snapshots only, already passed
// through the small-count suppression of the publication model. Nothing here reads a live table.
import type { PublicView } from "../publication/types.ts";

/** A municipality that publishes: the public facts of the tenant. */
export type PublicMunicipality = {
  id: string;
  slug: string;
  name: string;
  teryt: string;
  kind: string;
};

/** One published document-year in force (the latest non-withdrawn version), suppressed. */
export type PublishedYear = {
  publicationId: string;
  version: number;
  /** ISO 8601 date-time of publication: the datasets' "last modified". */
  publishedAt: string;
  /** The snapshot as the public sees it: small counts withheld (value null, withheld true). */
  data: PublicView;
};

/** One entry of the register of publications, as the public sees it. */
export type PublicationEntry = {
  publicationId: string;
  documentSlug: string;
  documentTitle: string;
  year: number;
  version: number;
  producedBy: string;
  producedAt: string;
  publishedAt: string;
  publishedBy: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
};

/** Everything public about one municipality: its years in force and its register. */
export type MunicipalityPublications = {
  municipality: PublicMunicipality;
  years: PublishedYear[];
  register: PublicationEntry[];
};

/** A cell of a dataset: one value, never a list. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export type ColumnType = "string" | "integer" | "number" | "boolean" | "date" | "datetime";

export type Column = {
  key: string;
  /** Polish description, for the XLSX metadata sheet, the dataset page and the JSON. */
  title: string;
  type: ColumnType;
};

export const DATASET_KINDS = ["wskazniki", "podzialy", "projekty", "budzety"] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export type DatasetMetadata = {
  kind: DatasetKind;
  /** Stable identifier: `<teryt>-<kind>`. */
  identifier: string;
  title: string;
  description: string;
  keywords: string[];
  licence: { name: string; url: string };
  publisher: string;
  /** ISO 8601: the latest publication among those the dataset is made of; null when empty. */
  modified: string | null;
  /** ISO 8601: the earliest such publication. */
  issued: string | null;
  /** EU frequency vocabulary code, and its Polish label. */
  accrualPeriodicity: "ANNUAL";
  frequencyLabel: string;
  /** Years the data covers. */
  years: number[];
  /** The publication versions the dataset was built from (for cache keys and ETags). */
  versionKey: string;
};

export type Dataset = { metadata: DatasetMetadata; columns: Column[]; rows: Row[] };
