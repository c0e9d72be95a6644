// The plan of the documents a report names (issue 14 item 7), pure: the reported document
// named in its own introduction is left out; a strategy named by a program report is the one
// the program implements; a stored document is matched by its resolution, or by its title and
// period; new ones get addresses that are free.
import { describe, expect, it } from "vitest";
import { planNamedDocuments } from "../../../app/domain/import-drafts/plan-named-documents.ts";
import { EMPTY_STRUCTURE, type PlanItem } from "../../../app/domain/import-drafts/plan.ts";
import type { ImportProposal } from "../../../app/report-reader/types.ts";

const proposal = (over: Partial<ImportProposal>): ImportProposal => ({
  document: { kind: "program_report", title: null, municipality: null, year: 2021 },
  goals: [],
  projects: [],
  indicators: [],
  nextYearProjects: [],
  warnings: [],
  ...over,
});

const program = {
  title: "Gminny Program Wspierania Rodziny na lata 2019-2021",
  kind: "family_support",
  period: { start: 2019, end: 2021 },
  resolution: { number: "XXI/112/2019", date: "2019-10-28", body: "Rada Miasta Kłodzka" },
};
const strategy = {
  title: "Strategia Rozwiązywania Problemów Społecznych Miasta Kłodzka na lata 2016-2025",
  kind: "strategy",
  period: { start: 2016, end: 2025 },
  resolution: { number: "XIX/150/2016", date: "2016-03-31", body: "Rada Miasta Kłodzka" },
};

describe("the plan of named documents", () => {
  it("leaves out the reported document and links a named strategy the other way", () => {
    const items: PlanItem[] = [];
    const plans = planNamedDocuments({
      proposal: proposal({
        document: {
          kind: "program_report",
          title: "Sprawozdanie z realizacji Gminnego Programu Wspierania Rodziny",
          municipality: null,
          year: 2021,
          resolution: { number: "XXI / 112/2019", date: null, body: null },
        },
        namedDocuments: [program, strategy],
      }),
      existing: { ...EMPTY_STRUCTURE, documents: [], documentId: null },
      items,
    });
    expect(plans.map((p) => [p.title, p.namedImplementsImported])).toEqual([
      [strategy.title, false],
    ]);
    expect(items.map((i) => [i.section, i.action])).toEqual([["document", "create"]]);
    expect(items[0]!.changes).toContain("Importowany dokument go realizuje.");
  });

  it("matches stored documents by resolution or by title and period; new addresses are free", () => {
    const stored = {
      id: "d1",
      slug: "gpwr-2019-2021",
      title: "Program wspierania rodziny",
      kind: "family_support",
      periodStart: 2019,
      periodEnd: 2021,
      resolutionNumber: "Nr XXI/112/2019",
    };
    const sameTitle = {
      ...stored,
      id: "d2",
      slug: "srpsmk-2016-2025",
      title: strategy.title,
      kind: "strategy",
      periodStart: 2016,
      periodEnd: 2025,
      resolutionNumber: null,
    };
    const items: PlanItem[] = [];
    const other = {
      ...program,
      title: "Gminny Program Pomocy Wierzycielom na lata 2019-2021",
      resolution: null,
    };
    const plans = planNamedDocuments({
      proposal: proposal({ namedDocuments: [program, strategy, other] }),
      existing: {
        ...EMPTY_STRUCTURE,
        documents: [stored, sameTitle],
        documentId: "target",
        linkedDocumentIds: new Set(["d1"]),
      },
      items,
    });
    expect(plans.map((p) => p.existingId)).toEqual(["d1", "d2", null]);
    expect(items.map((i) => i.action)).toEqual(["unchanged", "update", "create"]);
    // "GPPW 2019-2021" is free; a clash would get "-2".
    expect(plans[2]!.slug).toBe("gppw-2019-2021");
    expect(items[2]!.uncertain).toEqual([
      "Nie odczytano uchwały ani zarządzenia, którym dokument przyjęto.",
    ]);
  });
});
