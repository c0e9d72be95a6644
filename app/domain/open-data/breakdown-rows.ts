// The breakdowns dataset: every published split of an indicator's value (by sex, district, age,
// "w tym" parts, other splits), of the total or of one institution's contribution, one part per
// row. The snapshot has already withheld small counts and what would reveal them (secondary
// suppression in suppress.ts), so a withheld part is an empty cell with its status. Pure.
import { BREAKDOWN_DIMENSIONS } from "../value-labels.ts";
import type { ReportIndicator } from "../report-data/types.ts";
import {
  CONTEXT_COLUMNS,
  datasetRows,
  eachIndicatorOnce,
  MISSING_STATUS,
  PUBLICATION_COLUMNS,
  WITHHELD_STATUS,
} from "./rows.ts";
import type { Column, PublicMunicipality, PublishedYear, Row } from "./types.ts";

export const BREAKDOWN_COLUMNS: Column[] = [
  ...CONTEXT_COLUMNS,
  { key: "projekt_symbol", title: "Symbol projektu (pusty: wskaźnik kierunku)", type: "string" },
  { key: "wskaznik_id", title: "Identyfikator wskaźnika", type: "string" },
  { key: "wskaznik", title: "Nazwa wskaźnika", type: "string" },
  { key: "jednostka", title: "Jednostka miary", type: "string" },
  {
    key: "instytucja",
    title: "Instytucja, której wkład jest podzielony (pusta: podział wartości ogółem)",
    type: "string",
  },
  { key: "podzial_kod", title: "Kod rodzaju podziału", type: "string" },
  {
    key: "podzial",
    title: "Rodzaj podziału (płeć, dzielnica, grupa wieku, w tym…)",
    type: "string",
  },
  { key: "czesc", title: "Część podziału", type: "string" },
  { key: "wartosc", title: "Wartość części", type: "number" },
  {
    key: "wartosc_status",
    title: "Status wartości („poniżej progu”, „brak danych”)",
    type: "string",
  },
  ...PUBLICATION_COLUMNS,
];

type Part = { dimension: string; label: string; value: number | null; withheld?: boolean };

function partRow(head: Row, institution: string | null, p: Part): Row {
  return {
    ...head,
    instytucja: institution,
    podzial_kod: p.dimension,
    podzial: BREAKDOWN_DIMENSIONS[p.dimension] ?? p.dimension,
    czesc: p.label,
    wartosc: p.value,
    wartosc_status: p.withheld ? WITHHELD_STATUS : p.value === null ? MISSING_STATUS : "",
  };
}

function indicatorBreakdownRows(ind: ReportIndicator, projectSymbol: string | null): Row[] {
  const v = ind.value;
  if (!v) return [];
  const head: Row = {
    projekt_symbol: projectSymbol,
    wskaznik_id: ind.id,
    wskaznik: ind.name,
    jednostka: ind.unit,
  };
  return [
    ...v.parts.map((p) => partRow(head, null, p)),
    ...v.contributions.flatMap((c) => c.parts.map((p) => partRow(head, c.institution, p))),
  ];
}

export function breakdownRows(m: PublicMunicipality, years: PublishedYear[]): Row[] {
  return datasetRows(m, years, (direction) => eachIndicatorOnce(direction, indicatorBreakdownRows));
}
