// The three datasets of a municipality with their metadata (title, description, licence,
// publisher, dates, update frequency), built from what it has published. Pure.
import {
  BUDGET_COLUMNS,
  INDICATOR_COLUMNS,
  PROJECT_COLUMNS,
  budgetRows,
  indicatorValueRows,
  projectRows,
} from "./rows.ts";
import { BREAKDOWN_COLUMNS, breakdownRows } from "./breakdown-rows.ts";
import type {
  Column,
  Dataset,
  DatasetKind,
  DatasetMetadata,
  MunicipalityPublications,
  PublishedYear,
  Row,
  PublicMunicipality,
} from "./types.ts";

export const LICENCE = {
  name: "Creative Commons Uznanie autorstwa 4.0 (CC BY 4.0)",
  url: "https://creativecommons.org/licenses/by/4.0/deed.pl",
} as const;

export const DATASET_FORMATS = ["csv", "json", "xlsx"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export const MEDIA_TYPES: Record<DatasetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

type Definition = {
  title: (m: PublicMunicipality) => string;
  description: (m: PublicMunicipality) => string;
  keywords: string[];
  columns: Column[];
  rows: (m: PublicMunicipality, years: PublishedYear[]) => Row[];
};

export const DATASET_DEFINITIONS: Record<DatasetKind, Definition> = {
  wskazniki: {
    title: (m) => `Wartości wskaźników strategii i programów — ${m.name}`,
    description: (m) =>
      `Wartości wskaźników monitorowania strategii rozwiązywania problemów społecznych i programów ${genitive(m)} w kolejnych latach, w układzie długim: jeden wiersz to wartość wskaźnika w roku i wkład jednej instytucji. Małe liczby osób i rodzin są wstrzymane (puste pole, status „poniżej progu”).`,
    keywords: ["polityka społeczna", "strategia", "wskaźniki", "pomoc społeczna"],
    columns: INDICATOR_COLUMNS,
    rows: indicatorValueRows,
  },
  podzialy: {
    title: (m) => `Podziały wartości wskaźników (płeć, wiek, dzielnica, „w tym”) — ${m.name}`,
    description: (m) =>
      `Części, na które dzielą się wartości wskaźników strategii i programów ${genitive(m)} — według płci, grupy wieku, dzielnicy, „w tym” i innych podziałów — ogółem i w wkładach poszczególnych instytucji; jeden wiersz to jedna część. Małe liczby osób i rodzin są wstrzymane, podobnie jak części, z których dałoby się je wyliczyć (puste pole, status „poniżej progu”).`,
    keywords: ["polityka społeczna", "wskaźniki", "podział według płci", "podział według wieku"],
    columns: BREAKDOWN_COLUMNS,
    rows: breakdownRows,
  },
  projekty: {
    title: (m) => `Projekty i karty projektów — ${m.name}`,
    description: (m) =>
      `Projekty realizowane w ramach strategii i programów ${genitive(m)} z kartami realizacji w roku: stan realizacji, adresaci, realizatorzy, etapy, efekty, okres realizacji i budżet ogółem.`,
    keywords: ["polityka społeczna", "projekty", "karty projektów"],
    columns: PROJECT_COLUMNS,
    rows: projectRows,
  },
  budzety: {
    title: (m) => `Budżety projektów według źródeł finansowania — ${m.name}`,
    description: (m) =>
      `Kwoty i udziały źródeł finansowania w budżetach projektów strategii i programów ${genitive(m)}, według roku budżetu.`,
    keywords: ["polityka społeczna", "budżet", "finansowanie"],
    columns: BUDGET_COLUMNS,
    rows: budgetRows,
  },
};

function genitive(m: PublicMunicipality): string {
  // Names are stored in the nominative ("Gmina Ruda Śląska", "Miasto Bytom"); a safe phrasing
  // that needs no declension.
  return `jednostki: ${m.name}`;
}

function versionKey(years: PublishedYear[]): string {
  return years
    .map((y) => `${y.publicationId}:${y.version}`)
    .sort()
    .join(",");
}

export function datasetMetadata(
  kind: DatasetKind,
  m: PublicMunicipality,
  years: PublishedYear[],
): DatasetMetadata {
  const def = DATASET_DEFINITIONS[kind];
  const times = years.map((y) => y.publishedAt).sort();
  return {
    kind,
    identifier: `${m.teryt}-${kind}`,
    title: def.title(m),
    description: def.description(m),
    keywords: def.keywords,
    licence: LICENCE,
    publisher: m.name,
    modified: times.at(-1) ?? null,
    issued: times[0] ?? null,
    accrualPeriodicity: "ANNUAL",
    frequencyLabel: "raz w roku",
    years: [...new Set(years.map((y) => y.data.year))].sort((a, b) => a - b),
    versionKey: versionKey(years),
  };
}

/** Years in a stable order: by document, then year. */
function ordered(years: PublishedYear[]): PublishedYear[] {
  return [...years].sort(
    (a, b) => a.data.document.slug.localeCompare(b.data.document.slug) || a.data.year - b.data.year,
  );
}

export function buildDataset(kind: DatasetKind, pubs: MunicipalityPublications): Dataset {
  const years = ordered(pubs.years);
  const def = DATASET_DEFINITIONS[kind];
  return {
    metadata: datasetMetadata(kind, pubs.municipality, years),
    columns: def.columns,
    rows: def.rows(pubs.municipality, years),
  };
}

/** The address of a dataset file, relative to the site. */
export function datasetPath(slug: string, kind: DatasetKind, format: DatasetFormat): string {
  return `/gminy/${encodeURIComponent(slug)}/dane/${kind}.${format}`;
}
