// Dataset rows from published snapshots, in long format (one observation per row, one value
// per cell). A withheld small count is an empty cell beside a status "poniżej progu": the
// snapshot has already lost the number (suppression), this only says why the cell is empty.
// Pure.
import { euOfPublishedProject, type ProjectEu } from "../eu-funding/of-project.ts";
import {
  CARD_STATUS_LABELS,
  CONTINUATION_LABELS,
  EU_FUND_LABELS,
  GOAL_VERDICT_LABELS,
} from "../value-labels.ts";
import type { ReportDirection, ReportIndicator, ReportProject } from "../report-data/types.ts";
import type { Column, PublicMunicipality, PublishedYear, Row } from "./types.ts";

export const WITHHELD_STATUS = "poniżej progu";
export const MISSING_STATUS = "brak danych";

function statusOf(value: number | null, withheld: boolean | undefined): string {
  if (withheld) return WITHHELD_STATUS;
  return value === null ? MISSING_STATUS : "";
}

export const CONTEXT_COLUMNS: Column[] = [
  { key: "teryt", title: "Kod TERYT jednostki", type: "string" },
  { key: "gmina", title: "Nazwa jednostki samorządu terytorialnego", type: "string" },
  { key: "dokument", title: "Tytuł dokumentu (strategii lub programu)", type: "string" },
  { key: "dokument_id", title: "Identyfikator dokumentu w adresach", type: "string" },
  { key: "rok", title: "Rok sprawozdawczy", type: "integer" },
  { key: "cel_kod", title: "Oznaczenie celu strategicznego", type: "string" },
  { key: "cel", title: "Cel strategiczny", type: "string" },
  { key: "kierunek_kod", title: "Oznaczenie kierunku działań (celu operacyjnego)", type: "string" },
  { key: "kierunek", title: "Kierunek działań (cel operacyjny)", type: "string" },
];

export const PUBLICATION_COLUMNS: Column[] = [
  { key: "wersja_publikacji", title: "Wersja publikacji", type: "integer" },
  { key: "data_publikacji", title: "Data i godzina publikacji (ISO 8601)", type: "datetime" },
];

export const INDICATOR_COLUMNS: Column[] = [
  ...CONTEXT_COLUMNS,
  { key: "projekt_symbol", title: "Symbol projektu (pusty: wskaźnik kierunku)", type: "string" },
  { key: "wskaznik_id", title: "Identyfikator wskaźnika", type: "string" },
  { key: "wskaznik", title: "Nazwa wskaźnika", type: "string" },
  { key: "jednostka", title: "Jednostka miary", type: "string" },
  { key: "wartosc_docelowa", title: "Wartość docelowa", type: "number" },
  { key: "wartosc", title: "Wartość wskaźnika w roku (ogółem)", type: "number" },
  {
    key: "wartosc_status",
    title: "Status wartości („poniżej progu”, „brak danych”)",
    type: "string",
  },
  { key: "wartosc_szacunkowa", title: "Wartość szacunkowa", type: "boolean" },
  { key: "instytucja", title: "Instytucja wnosząca wkład (pusta: brak wkładów)", type: "string" },
  { key: "wklad", title: "Wkład instytucji w wartość", type: "number" },
  { key: "wklad_status", title: "Status wkładu („poniżej progu”, „brak danych”)", type: "string" },
  ...PUBLICATION_COLUMNS,
];

export const PROJECT_COLUMNS: Column[] = [
  ...CONTEXT_COLUMNS,
  { key: "projekt_symbol", title: "Symbol projektu", type: "string" },
  { key: "projekt", title: "Tytuł projektu", type: "string" },
  { key: "realizowany_od", title: "Rok rozpoczęcia realizacji", type: "integer" },
  { key: "status", title: "Stan realizacji w roku", type: "string" },
  { key: "status_uzasadnienie", title: "Uzasadnienie stanu realizacji", type: "string" },
  {
    key: "sprawozdawany_w",
    title: "Dokument, w którym projekt jest sprawozdawany",
    type: "string",
  },
  { key: "cel_projektu", title: "Cel projektu", type: "string" },
  { key: "ocena_celu", title: "Ocena osiągnięcia celu", type: "string" },
  { key: "ocena_celu_uzasadnienie", title: "Uzasadnienie oceny celu", type: "string" },
  { key: "adresaci", title: "Adresaci", type: "string" },
  { key: "realizatorzy", title: "Realizatorzy", type: "string" },
  { key: "etapy", title: "Etapy realizacji", type: "string" },
  { key: "efekty", title: "Efekty", type: "string" },
  { key: "wskazniki_opis", title: "Wskaźniki (opis z karty)", type: "string" },
  { key: "ocena", title: "Ocena realizacji", type: "string" },
  { key: "finansowanie", title: "Finansowanie (opis z karty)", type: "string" },
  { key: "okres_realizacji", title: "Okres realizacji", type: "string" },
  { key: "kontynuacja", title: "Kontynuacja w kolejnym roku", type: "string" },
  { key: "budzet_ogolem", title: "Budżet w roku ogółem (zł)", type: "number" },
  { key: "ue_program", title: "Program Unii Europejskiej (dofinansowanie)", type: "string" },
  { key: "ue_os_priorytetowa", title: "Oś priorytetowa programu UE", type: "string" },
  { key: "ue_dzialanie", title: "Działanie programu UE", type: "string" },
  { key: "ue_poddzialanie", title: "Poddziałanie programu UE", type: "string" },
  { key: "ue_fundusz", title: "Fundusz Unii Europejskiej", type: "string" },
  { key: "ue_numer_umowy", title: "Numer umowy o dofinansowanie", type: "string" },
  { key: "ue_komunikat", title: "Komunikat o współfinansowaniu ze środków UE", type: "string" },
  ...PUBLICATION_COLUMNS,
];

export const BUDGET_COLUMNS: Column[] = [
  ...CONTEXT_COLUMNS,
  { key: "projekt_symbol", title: "Symbol projektu", type: "string" },
  { key: "projekt", title: "Tytuł projektu", type: "string" },
  { key: "budzet_rok", title: "Rok budżetu (pusty: cały okres projektu)", type: "integer" },
  { key: "zrodlo_finansowania", title: "Źródło finansowania", type: "string" },
  { key: "kwota", title: "Kwota (zł)", type: "number" },
  { key: "udzial_procent", title: "Udział w budżecie (%)", type: "number" },
  ...PUBLICATION_COLUMNS,
];

type Place = {
  goalCode: string;
  goalTitle: string;
  directionCode: string;
  directionTitle: string;
};

function contextOf(m: PublicMunicipality, y: PublishedYear, place: Place): Row {
  return {
    teryt: m.teryt,
    gmina: m.name,
    dokument: y.data.document.title,
    dokument_id: y.data.document.slug,
    rok: y.data.year,
    cel_kod: place.goalCode,
    cel: place.goalTitle,
    kierunek_kod: place.directionCode,
    kierunek: place.directionTitle,
  };
}

function publicationOf(y: PublishedYear): Row {
  return { wersja_publikacji: y.version, data_publikacji: y.publishedAt };
}

/** Every direction of a snapshot with where it sits, in document order. */
function* placesOf(y: PublishedYear) {
  for (const goal of y.data.goals) {
    for (const direction of goal.directions) {
      const place: Place = {
        goalCode: goal.code,
        goalTitle: goal.title,
        directionCode: direction.code,
        directionTitle: direction.title,
      };
      yield { place, direction };
    }
  }
}

/**
 * A dataset's rows: each direction's own rows (`rowsOf`), every one framed by where it sits
 * (the context columns first) and by its publication (last), in document order.
 */
export function datasetRows(
  m: PublicMunicipality,
  years: PublishedYear[],
  rowsOf: (direction: ReportDirection, year: number) => Row[],
): Row[] {
  const rows: Row[] = [];
  for (const y of years) {
    const publication = publicationOf(y);
    for (const { place, direction } of placesOf(y)) {
      const context = contextOf(m, y, place);
      for (const r of rowsOf(direction, y.data.year))
        rows.push({ ...context, ...r, ...publication });
    }
  }
  return rows;
}

function indicatorRows(ind: ReportIndicator, projectSymbol: string | null): Row[] {
  const v = ind.value;
  const head: Row = {
    projekt_symbol: projectSymbol,
    wskaznik_id: ind.id,
    wskaznik: ind.name,
    jednostka: ind.unit,
    wartosc_docelowa: ind.target,
    wartosc: v?.total ?? null,
    wartosc_status: statusOf(v?.total ?? null, v?.withheld),
    wartosc_szacunkowa: v ? v.approximate : null,
  };
  const contributions = v?.contributions ?? [];
  if (contributions.length === 0)
    return [{ ...head, instytucja: null, wklad: null, wklad_status: "" }];
  return contributions.map((c) => ({
    ...head,
    instytucja: c.institution,
    wklad: c.value,
    wklad_status: statusOf(c.value, c.withheld),
  }));
}

/**
 * The rows of a direction's indicators and its projects' indicators, each indicator once, with
 * the symbol of the project it measures (null: the direction's own).
 */
export function eachIndicatorOnce(
  direction: ReportDirection,
  rowsOf: (ind: ReportIndicator, projectSymbol: string | null) => Row[],
): Row[] {
  const owner = new Map<string, string>();
  for (const p of direction.projects) for (const i of p.indicators) owner.set(i.id, p.symbol);
  const seen = new Set<string>();
  const all = [...direction.indicators, ...direction.projects.flatMap((p) => p.indicators)];
  return all.flatMap((ind) => {
    if (seen.has(ind.id)) return [];
    seen.add(ind.id);
    return rowsOf(ind, owner.get(ind.id) ?? null);
  });
}

export function indicatorValueRows(m: PublicMunicipality, years: PublishedYear[]): Row[] {
  return datasetRows(m, years, (direction) => eachIndicatorOnce(direction, indicatorRows));
}

function yearBudgetTotal(p: ReportProject, year: number): number | null {
  return p.budgets.find((b) => b.year === year)?.total ?? null;
}

function projectRow(p: ReportProject, year: number): Row {
  const c = p.card;
  return {
    projekt_symbol: p.symbol,
    projekt: p.title,
    realizowany_od: p.sinceYear,
    status: c ? (CARD_STATUS_LABELS[c.status] ?? c.status) : null,
    status_uzasadnienie: c?.statusReason ?? null,
    sprawozdawany_w: c?.reportedIn ?? null,
    cel_projektu: c?.goalText ?? null,
    ocena_celu: c?.goalVerdict ? (GOAL_VERDICT_LABELS[c.goalVerdict] ?? c.goalVerdict) : null,
    ocena_celu_uzasadnienie: c?.goalVerdictReason ?? null,
    adresaci: c?.addressees ?? null,
    realizatorzy: c?.implementers ?? null,
    etapy: c?.stages ?? null,
    efekty: c?.effects ?? null,
    wskazniki_opis: c?.indicatorsText ?? null,
    ocena: c?.evaluation ?? null,
    finansowanie: c?.funding ?? null,
    okres_realizacji: c?.timeframe ?? null,
    kontynuacja: c?.continuation ? (CONTINUATION_LABELS[c.continuation] ?? c.continuation) : null,
    budzet_ogolem: yearBudgetTotal(p, year),
    ...euColumns(euOfPublishedProject(p)),
  };
}

function euColumns(eu: ProjectEu | null): Row {
  const f = eu?.funding;
  return {
    ue_program: f?.programme ?? null,
    ue_os_priorytetowa: f?.priorityAxis ?? null,
    ue_dzialanie: f?.measure ?? null,
    ue_poddzialanie: f?.subMeasure ?? null,
    ue_fundusz: f?.fund ? EU_FUND_LABELS[f.fund]! : null,
    ue_numer_umowy: f?.agreementNumber ?? null,
    ue_komunikat: eu?.statement ?? null,
  };
}

export function projectRows(m: PublicMunicipality, years: PublishedYear[]): Row[] {
  return datasetRows(m, years, (direction, year) =>
    direction.projects.map((p) => projectRow(p, year)),
  );
}

export function budgetRows(m: PublicMunicipality, years: PublishedYear[]): Row[] {
  return datasetRows(m, years, (direction) =>
    direction.projects.flatMap((p) =>
      p.budgets.flatMap((b) =>
        b.parts.map((part) => ({
          projekt_symbol: p.symbol,
          projekt: p.title,
          budzet_rok: b.year,
          zrodlo_finansowania: part.label,
          kwota: part.amount,
          udzial_procent: part.percent,
        })),
      ),
    ),
  );
}
