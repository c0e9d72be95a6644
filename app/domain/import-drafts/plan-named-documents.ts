// The documents a report names with their adopting act (issue 14 item 7) in the plan: each
// matched to the municipality's documents by its resolution number or its title and period,
// proposed as a new document where there is none, and linked to the imported one — a program
// implements the strategy; the strategy a program report names is implemented by it. The
// reported document itself, named in its own introduction, is left out. Pure.
import type { ImportProposal } from "../../report-reader/types.ts";
import { formatDate } from "../../format/polish-dates.ts";
import type { ExistingDocument, ExistingStructure } from "./existing-structure.ts";
import { nameKey } from "./matching.ts";
import type { PlanItem } from "./plan.ts";
import { slugify } from "./document-defaults.ts";

export type NamedDocumentPlan = {
  key: string;
  title: string;
  kind: string;
  periodStart: number;
  periodEnd: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  /** The stored document it is; null: created on saving, under `slug`. */
  existingId: string | null;
  slug: string;
  /** The link is "implements": from the named document to the imported one, or back. */
  namedImplementsImported: boolean;
};

const numberKey = (n: string | null | undefined) =>
  (n ?? "")
    .replace(/\s+/gu, "")
    .replace(/^nr\.?/iu, "")
    .toUpperCase();

function sameDocument(
  named: { title: string; period: { start: number; end: number }; number: string | null },
  doc: Pick<ExistingDocument, "title" | "periodStart" | "periodEnd" | "resolutionNumber">,
): boolean {
  if (named.number && numberKey(doc.resolutionNumber) === numberKey(named.number)) return true;
  return (
    nameKey(doc.title) === nameKey(named.title) &&
    doc.periodStart === named.period.start &&
    doc.periodEnd === named.period.end
  );
}

/** A short address: the title's capitals and the period ("gpwr-2019-2021", "gpprpa-2021"), made unique. */
function uniqueSlug(title: string, start: number, end: number, taken: Set<string>): string {
  const initials = title
    .split(/\s+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
  const years = start === end ? `${start}` : `${start}-${end}`;
  const base = slugify(`${initials.length >= 2 ? initials : title} ${years}`) || "dokument";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

export function planNamedDocuments(opts: {
  proposal: ImportProposal;
  existing: ExistingStructure;
  items: PlanItem[];
}): NamedDocumentPlan[] {
  const { proposal, existing, items } = opts;
  const documents = existing.documents ?? [];
  const target = documents.find((d) => d.id === existing.documentId) ?? null;
  const own = proposal.document;
  const taken = new Set(documents.map((d) => d.slug));
  const out: NamedDocumentPlan[] = [];
  for (const [index, named] of (proposal.namedDocuments ?? []).entries()) {
    const facts = {
      title: named.title,
      period: named.period,
      number: named.resolution?.number ?? null,
    };
    // The reported document, named in its own introduction.
    const isOwn =
      (target !== null && sameDocument(facts, target)) ||
      (!!facts.number && numberKey(own.resolution?.number) === numberKey(facts.number));
    if (isOwn) continue;
    const stored = documents.find((d) => sameDocument(facts, d)) ?? null;
    if (stored && stored.id === existing.documentId) continue;
    const namedImplementsImported = named.kind !== "strategy";
    const plan: NamedDocumentPlan = {
      key: `l:${index}`,
      title: stored?.title ?? named.title,
      kind: stored?.kind ?? named.kind,
      periodStart: named.period.start,
      periodEnd: named.period.end,
      resolutionNumber: named.resolution?.number ?? null,
      resolutionDate: named.resolution?.date ?? null,
      existingId: stored?.id ?? null,
      slug: stored?.slug ?? uniqueSlug(named.title, named.period.start, named.period.end, taken),
      namedImplementsImported,
    };
    out.push(plan);
    const linked = stored !== null && (existing.linkedDocumentIds?.has(stored.id) ?? false);
    // "Przyjęty: XXI/112/2019 z 28.10.2019 r." — the date's "r." ends the sentence.
    const act = named.resolution
      ? `Przyjęty: ${named.resolution.number}${named.resolution.date ? ` z ${formatDate(named.resolution.date)}` : "."}`
      : null;
    items.push({
      key: plan.key,
      section: "document",
      label: plan.title,
      action: !stored ? "create" : linked ? "unchanged" : "update",
      changes: [
        `Okres: ${plan.periodStart === plan.periodEnd ? plan.periodStart : `${plan.periodStart}–${plan.periodEnd}`}.`,
        ...(act ? [act] : []),
        stored
          ? linked
            ? "Dokument jest już powiązany z importowanym."
            : "Istniejący dokument zostanie powiązany z importowanym."
          : "Nowy dokument, powiązany z importowanym.",
        namedImplementsImported
          ? "Realizuje importowany dokument."
          : "Importowany dokument go realizuje.",
      ],
      source: named.source ?? null,
      uncertain: named.resolution
        ? []
        : ["Nie odczytano uchwały ani zarządzenia, którym dokument przyjęto."],
      findings: [],
    });
  }
  return out;
}
