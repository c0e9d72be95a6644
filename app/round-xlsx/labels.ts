// The workbook's Polish vocabulary: column headers, drop-down lists and their mapping back.
import {
  CARD_FIELD_LABELS,
  CARD_STATUS_LABELS,
  CONTINUATION_LABELS,
  GOAL_VERDICT_LABELS,
} from "../domain/value-labels.ts";
import type { WorkbookCardField } from "./types.ts";

/** Card fields chosen from a list: the stored key by its Polish label. */
export const CARD_CHOICES: Partial<Record<WorkbookCardField, Record<string, string>>> = {
  status: CARD_STATUS_LABELS,
  goalVerdict: GOAL_VERDICT_LABELS,
  continuation: CONTINUATION_LABELS,
};

export const YES = "tak";
export const NO = "nie";

export function cardFieldLabel(field: string): string {
  return CARD_FIELD_LABELS[field as keyof typeof CARD_FIELD_LABELS] ?? field;
}

/** What the cell shows for a stored card field: the label of a listed choice, else the text. */
export function showCardField(field: WorkbookCardField, stored: string | null): string {
  if (stored === null) return "";
  return CARD_CHOICES[field]?.[stored] ?? stored;
}

export const CARD_COLUMNS = {
  projectId: 1,
  version: 2,
  field: 3,
  symbol: 4,
  title: 5,
  label: 6,
  lastYear: 7,
  input: 8,
} as const;

export const INDICATOR_COLUMNS = {
  indicatorId: 1,
  valueId: 2,
  version: 3,
  goal: 4,
  direction: 5,
  name: 6,
  unit: 7,
  lastYear: 8,
  value: 9,
  approximate: 10,
  note: 11,
} as const;

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
