// The structures of reports told in prose rather than in cards or indicator tables. Tried in
// order of the evidence they need: numbered program sections need at least two goals with
// directions under them; a project page needs exactly one project heading with a period or a
// total amount. Neither fires on a document that has cards or indicator tables (parse-text.ts
// calls this only when those found nothing).
import { parseProgramSections } from "./program-sections.ts";
import { parseProjectNarrative } from "./project-narrative.ts";
import type { ProposedGoal, ProposedIndicator, ProposedProject } from "./types.ts";

export type NarrativeStructure = "program_sections" | "project_page";

export type NarrativeResult = {
  structure: NarrativeStructure;
  goals: ProposedGoal[];
  projects: ProposedProject[];
  indicators: ProposedIndicator[];
  warnings: string[];
};

export function readNarrativeStructures(lines: string[]): NarrativeResult | null {
  const program = parseProgramSections(lines);
  if (program) return { structure: "program_sections", projects: [], ...program };
  const page = parseProjectNarrative(lines);
  if (page) return { structure: "project_page", goals: [], ...page };
  return null;
}
