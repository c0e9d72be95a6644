// The list endpoints of /api/v1: for each, its path, its description, the schema of its query
// and items, and how its items come out of the published data. The routes, the OpenAPI
// document and the contract test all read this one table.
import type { z } from "zod";
import {
  budgetResources,
  documentResources,
  goalResources,
  indicatorResources,
  municipalityResource,
  projectResources,
  publicationResources,
  yearResources,
} from "../domain/open-data/resources.ts";
import type { MunicipalityPublications } from "../domain/open-data/types.ts";
import { byKey, decodeCursor, encodeCursor, pageAfter, type Keyed } from "./cursor.ts";
import {
  BudgetLine,
  Document,
  Goal,
  Indicator,
  IndicatorQuery,
  ListQuery,
  Municipality,
  MunicipalityQuery,
  Project,
  Publication,
  Year,
  pageOf,
} from "./schemas.ts";

type Item = Keyed & {
  document?: string;
  year?: number;
  id?: string;
};

export type Endpoint = {
  /** The last segment of /api/v1/<name>. */
  name: string;
  summary: string;
  description: string;
  query: typeof ListQuery | typeof IndicatorQuery | typeof MunicipalityQuery;
  item: z.ZodType;
  items: (p: MunicipalityPublications) => Item[];
};

export const ENDPOINTS: Endpoint[] = [
  {
    name: "gminy",
    summary: "Gminy publikujące dane",
    description: "Jednostki, które opublikowały co najmniej jeden rok sprawozdawczy dokumentu.",
    query: MunicipalityQuery,
    item: Municipality,
    items: (p) => [municipalityResource(p)],
  },
  {
    name: "dokumenty",
    summary: "Dokumenty (strategie i programy)",
    description: "Dokumenty z co najmniej jednym opublikowanym rokiem, z okresem i uchwałą.",
    query: ListQuery,
    item: Document,
    items: documentResources,
  },
  {
    name: "lata",
    summary: "Opublikowane lata sprawozdawcze",
    description: "Lata dokumentów w obowiązującej (najnowszej niewycofanej) wersji publikacji.",
    query: ListQuery,
    item: Year,
    items: yearResources,
  },
  {
    name: "cele",
    summary: "Cele strategiczne z kierunkami działań",
    description: "Cele i kierunki działań (cele operacyjne) opublikowanego roku.",
    query: ListQuery,
    item: Goal,
    items: goalResources,
  },
  {
    name: "projekty",
    summary: "Projekty z kartami i budżetami",
    description: "Projekty opublikowanego roku z kartą realizacji i budżetem według źródeł.",
    query: ListQuery,
    item: Project,
    items: projectResources,
  },
  {
    name: "wskazniki",
    summary: "Wskaźniki z wartościami i wkładami instytucji",
    description:
      "Wskaźniki opublikowanego roku z wartością ogółem i wkładami instytucji. Małe liczby osób i rodzin są wstrzymane: wartość null i status withheld.",
    query: IndicatorQuery,
    item: Indicator,
    items: indicatorResources,
  },
  {
    name: "budzety",
    summary: "Budżety projektów według źródeł finansowania",
    description: "Jeden element to kwota jednego źródła finansowania w budżecie projektu.",
    query: ListQuery,
    item: BudgetLine,
    items: budgetResources,
  },
  {
    name: "publikacje",
    summary: "Rejestr publikacji",
    description:
      "Każda wersja publikacji roku dokumentu: kto i kiedy opublikował; wycofane z datą i powodem.",
    query: ListQuery,
    item: Publication,
    items: publicationResources,
  },
];

export function findEndpoint(name: string): Endpoint | undefined {
  return ENDPOINTS.find((e) => e.name === name);
}

export type ListQueryValues = Partial<z.infer<typeof IndicatorQuery>> & { limit: number };

export function matchesMunicipality(p: MunicipalityPublications, gmina: string): boolean {
  return p.municipality.slug === gmina || p.municipality.teryt === gmina;
}

/** The filtered, sorted items of an endpoint (before paging). */
export function endpointItems(
  endpoint: Endpoint,
  all: MunicipalityPublications[],
  q: ListQueryValues,
): Item[] {
  const items: Item[] = [];
  for (const p of all) {
    if (q.gmina !== undefined && !matchesMunicipality(p, q.gmina)) continue;
    for (const item of endpoint.items(p)) {
      if (q.dokument !== undefined && item.document !== q.dokument) continue;
      if (q.rok !== undefined && item.year !== q.rok) continue;
      if (q.wskaznik !== undefined && item.id !== q.wskaznik) continue;
      items.push(item);
    }
  }
  return items.sort(byKey);
}

export class BadCursorError extends Error {}

/** One page of an endpoint, shaped by its schema; `next` is the URL of the next page. */
export function endpointPage(
  endpoint: Endpoint,
  all: MunicipalityPublications[],
  q: ListQueryValues,
  url: URL,
): { data: unknown[]; next: string | null } {
  const after = q.kursor === undefined ? null : decodeCursor(q.kursor);
  if (q.kursor !== undefined && after === null) throw new BadCursorError();
  const { items, nextKey } = pageAfter(endpointItems(endpoint, all, q), after, q.limit);
  let next: string | null = null;
  if (nextKey !== null) {
    const u = new URL(url.pathname, "http://x");
    for (const [k, v] of url.searchParams) if (k !== "kursor") u.searchParams.set(k, v);
    u.searchParams.set("kursor", encodeCursor(nextKey));
    next = `${u.pathname}${u.search}`;
  }
  return pageOf(endpoint.item).parse({ data: items, next });
}
