// A project's EU co-financing for the report data (and so for its published snapshot): the
// coordinator's structured fields, or else what the year's card says in its funding text.
import { euFundingFromText } from "./from-text.ts";
import { effectiveEuFunding, euStatement } from "./statement.ts";
import { EU_FUNDS, type EuFund, type EuFunding } from "./types.ts";

export type ProjectEu = {
  funding: EuFunding;
  /** "fields": entered by the coordinator; "text": read from the card's funding text. */
  source: "fields" | "text";
  statement: string;
};

type ProjectEuColumns = {
  euProgramme: string | null;
  euPriorityAxis: string | null;
  euMeasure: string | null;
  euSubMeasure: string | null;
  euFund: string | null;
  euAgreementNumber: string | null;
  sinceYear: number | null;
};

function asFund(value: string | null): EuFund | null {
  return value && (EU_FUNDS as readonly string[]).includes(value) ? (value as EuFund) : null;
}

export function euFundingOfColumns(p: ProjectEuColumns): EuFunding {
  return {
    programme: p.euProgramme,
    priorityAxis: p.euPriorityAxis,
    measure: p.euMeasure,
    subMeasure: p.euSubMeasure,
    fund: asFund(p.euFund),
    agreementNumber: p.euAgreementNumber,
  };
}

export function projectEu(p: ProjectEuColumns, cardFunding: string | null): ProjectEu | null {
  const found = effectiveEuFunding(euFundingOfColumns(p), [euFundingFromText(cardFunding)]);
  if (!found) return null;
  return { ...found, statement: euStatement(found.funding, p.sinceYear)! };
}

const NO_COLUMNS: ProjectEuColumns = {
  euProgramme: null,
  euPriorityAxis: null,
  euMeasure: null,
  euSubMeasure: null,
  euFund: null,
  euAgreementNumber: null,
  sinceYear: null,
};

/**
 * A published project's EU co-financing: what its snapshot recorded, or — for snapshots
 * published before the fields existed — what its card's funding text and budget sources say.
 */
export function euOfPublishedProject(project: {
  sinceYear: number | null;
  eu?: ProjectEu | null;
  card: { funding: string | null } | null;
  budgets: { parts: { label: string }[] }[];
}): ProjectEu | null {
  if (project.eu !== undefined) return project.eu;
  const sources = project.budgets.flatMap((b) => b.parts.map((p) => p.label)).join("; ");
  const text = [project.card?.funding, sources].filter(Boolean).join(". ");
  return projectEu({ ...NO_COLUMNS, sinceYear: project.sinceYear }, text || null);
}
