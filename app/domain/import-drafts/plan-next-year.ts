// The list of projects submitted for next year in the plan: the projects of this import (or
// stored ones) that continue, and the new ones with the direction their symbol names.
import type { ImportProposal } from "../../report-reader/types.ts";
import { codeKey, nameKey } from "./matching.ts";
import type { ExistingStructure, GoalPlan, NextYearPlan, PlanItem, ProjectPlan } from "./plan.ts";

export function planNextYear(opts: {
  proposal: ImportProposal;
  existing: ExistingStructure;
  goals: GoalPlan[];
  projects: ProjectPlan[];
  items: PlanItem[];
}): NextYearPlan[] {
  const { existing, goals, projects, items } = opts;
  return opts.proposal.nextYearProjects.map((n, index) => {
    const title = nameKey(n.title);
    const sameSymbol = (s: string) => !n.symbol || codeKey(s) === codeKey(n.symbol);
    const inImport =
      projects.find((p) => sameSymbol(p.proposal.symbol) && nameKey(p.proposal.title) === title) ??
      null;
    const stored = inImport
      ? null
      : (existing.projects.find((e) => sameSymbol(e.symbol) && nameKey(e.title) === title) ?? null);
    const direction =
      inImport || stored || !n.symbol
        ? null
        : (goals.flatMap((g) => g.directions).find((d) => codeKey(d.code) === codeKey(n.symbol!)) ??
          null);
    const plan: NextYearPlan = {
      key: `n:${index}`,
      symbol: n.symbol,
      title: n.title,
      continuesProjectKey: inImport?.key ?? null,
      continuesExistingId: stored?.id ?? null,
      directionKey: direction?.key ?? null,
    };
    const continues = inImport || stored;
    items.push({
      key: plan.key,
      section: "next_year",
      label: `${n.symbol ? `${n.symbol} ` : ""}${n.title}`,
      action: continues ? "unchanged" : "create",
      changes: continues ? ["Kontynuacja projektu z roku sprawozdania."] : [],
      source: null,
      uncertain:
        continues || direction
          ? []
          : ["Nie wiadomo, do którego kierunku działań należy — projekt nie zostanie utworzony."],
      findings: [],
    });
    return plan;
  });
}
