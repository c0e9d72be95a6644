// A dataset as JSON: its metadata, the description of its columns and its rows as objects
// keyed by the CSV's column names, so the three formats say the same thing. Pure.
import type { Dataset } from "../domain/open-data/types.ts";

export type DatasetJson = {
  metadata: Omit<Dataset["metadata"], "versionKey">;
  columns: Dataset["columns"];
  data: Dataset["rows"];
};

export function datasetJson(dataset: Dataset): DatasetJson {
  const { versionKey: _omit, ...metadata } = dataset.metadata;
  return { metadata, columns: dataset.columns, data: dataset.rows };
}

export function toJson(dataset: Dataset): string {
  return JSON.stringify(datasetJson(dataset));
}
