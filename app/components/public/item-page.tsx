// The frame of a published project's or indicator's page: title, canonical address, the path
// back to the year, where the item sits in the strategy, its heading and the publication facts.
import type { ReactNode } from "react";
import { Breadcrumbs } from "../breadcrumbs/breadcrumbs.tsx";
import type { SummaryRow } from "../summary-list/summary-list.tsx";
import { municipalityPath, yearPath } from "./paths.ts";
import { PublicationFacts, type PublicationFactsProps } from "./publication-facts.tsx";

/** Where a published item sits: what every item page's loader returns besides the item. */
export type ItemPlace = {
  tenant: { slug: string; name: string };
  facts: PublicationFactsProps;
  year: number;
  document: { slug: string };
  goal: { code: string; title: string };
  direction: { code: string; title: string };
  canonical: string;
};

export function PublicItemPage(props: {
  place: ItemPlace;
  /** The document title (browser tab, search results). */
  title: string;
  heading: string;
  /** The last breadcrumb: the item itself. */
  crumb: string;
  children: ReactNode;
}) {
  const { tenant, year, document, goal, direction } = props.place;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{props.title}</title>
      <link rel="canonical" href={props.place.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          { label: tenant.name, to: municipalityPath(tenant.slug) },
          { label: `${year} r.`, to: yearPath(tenant.slug, document.slug, year) },
          { label: props.crumb },
        ]}
      />
      <p className="caption">
        {goal.code}. {goal.title} — {direction.code} {direction.title}
      </p>
      <h1>{props.heading}</h1>
      <PublicationFacts {...props.place.facts} />
      {props.children}
    </main>
  );
}

/** Summary rows of free texts, without the ones nobody filled in. */
export function filledRows(
  rows: { key: string; value: string | null | undefined }[],
): SummaryRow[] {
  return rows
    .filter((row): row is { key: string; value: string } => !!row.value?.trim())
    .map((row) => ({ key: row.key, value: row.value, prose: true }));
}

/** A chart rendered on the server, with its text alternative. */
export function PublicChart({ chart }: { chart: { svg: string; alt: string } | null }) {
  if (!chart) return null;
  return (
    <div
      className="public-chart"
      role="img"
      aria-label={chart.alt}
      dangerouslySetInnerHTML={{ __html: chart.svg }}
    />
  );
}
