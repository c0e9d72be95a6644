// What a new document made from an imported report is called and covers, proposed from the
// report's own title ("Sprawozdanie z realizacji Strategii … na lata 2014-2021") — the reviewer
// can change every field.
import type { ImportProposal } from "../../report-reader/types.ts";
import type { DocumentFields } from "../strategy-structure.ts";

const KIND_BY_WORDS: [RegExp, string][] = [
  [/wspierania rodziny|wspieraniu rodziny/iu, "family_support"],
  [/przemocy/iu, "violence_prevention"],
  [/alkohol|uzależnie/iu, "alcohol"],
  [/niepełnospraw/iu, "disability"],
  [/organizacj\p{L}* pozarządow|współpracy/iu, "ngo_cooperation"],
  [/strategi/iu, "strategy"],
];

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/gu, "l")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, 60)
    .replace(/-+$/u, "");
}

export function documentDefaults(proposal: ImportProposal, year: number): DocumentFields {
  const reportTitle = proposal.document.title ?? "";
  const title =
    reportTitle
      .replace(
        /^(?:roczne\s+)?(?:sprawozdanie|raport|informacja)\s+(?:z\s+realizacji|z\s+wykonania)\s+/iu,
        "",
      )
      .replace(/\s+za\s+rok\s+\d{4}\s*r?\.?$/iu, "")
      .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
      .trim() || "Dokument z importu";
  const facts = proposal.document;
  const period = /(?:lat[ao]?|okres)\s+(\d{4})\s*[-–—]\s*(\d{4})/iu.exec(reportTitle);
  const periodStart = facts.period?.start ?? (period ? Number(period[1]) : year);
  const periodEnd = facts.period?.end ?? (period ? Number(period[2]) : year);
  const kind = facts.program ?? KIND_BY_WORDS.find(([re]) => re.test(title))?.[1] ?? "other";
  const initials = title
    .split(/\s+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
  const slug = slugify(
    `${initials.length >= 2 ? initials : title.split(/\s+/u)[0]} ${periodStart}-${periodEnd}`,
  );
  return {
    kind,
    title,
    slug: slug || `dokument-${year}`,
    periodStart,
    periodEnd,
    resolutionNumber: facts.resolution?.number ?? null,
    resolutionDate: facts.resolution?.date ?? null,
    status: "in_force",
  };
}
