// What saving an import proposal would do, item by item: create, add the year to something
// already stored, change it, or leave it as it is — with the source passage, the parser's doubts
// and the validation findings beside each item. Pure: the proposal and a snapshot of what the
// target document already holds in, the plan out. The review page shows it; commit.ts carries it out.
import type {
  BudgetPart,
  ImportProposal,
  ProposedIndicator,
  ProposedProject,
  SourceRef,
} from "../../report-reader/types.ts";
import { checkBudget, checkIndicatorValue } from "../validation/index.ts";
import type { BreakdownInput, Finding } from "../validation/types.ts";
import { codeKey, nameKey } from "./matching.ts";
import { planNextYear } from "./plan-next-year.ts";
import { cardChanges } from "./card-changes.ts";
import {
  planInstitutions,
  type InstitutionPlan,
  type ProjectInstitutionPlan,
} from "./plan-institutions.ts";
import { planNamedDocuments, type NamedDocumentPlan } from "./plan-named-documents.ts";
import type { ExistingStructure } from "./existing-structure.ts";

export type { CardSnapshot, ExistingDocument, ExistingStructure } from "./existing-structure.ts";
export { EMPTY_STRUCTURE } from "./existing-structure.ts";

/**
 * create: new in the document; add_year: stored, the imported year is new; update: the year is
 * stored and the document says something else; unchanged: nothing to save.
 */
export type PlanAction = "create" | "add_year" | "update" | "unchanged";

export type PlanItem = {
  key: string;
  section: "goal" | "direction" | "project" | "indicator" | "next_year" | "document";
  label: string;
  action: PlanAction;
  /** Polish: what differs from the stored data. */
  changes: string[];
  source: SourceRef | null;
  uncertain: string[];
  findings: Finding[];
};

export type GoalPlan = {
  key: string;
  code: string;
  title: string;
  coordinatorName: string | null;
  coordinatorPosition: string | null;
  existingId: string | null;
  directions: DirectionPlan[];
};

export type DirectionPlan = {
  key: string;
  code: string;
  title: string;
  actionLines: string[];
  existingId: string | null;
};

export type ProjectPlan = {
  key: string;
  proposal: ProposedProject;
  directionKey: string;
  existingId: string | null;
  existingCardId: string | null;
};

export type IndicatorPlan = {
  key: string;
  proposal: ProposedIndicator;
  directionKey: string;
  projectKey: string | null;
  existingId: string | null;
  existingValueId: string | null;
};

export type NextYearPlan = {
  key: string;
  symbol: string | null;
  title: string;
  /** The project of this import (or stored) that continues; null: a new project next year. */
  continuesProjectKey: string | null;
  continuesExistingId: string | null;
  directionKey: string | null;
};

export type ImportPlan = {
  year: number;
  goals: GoalPlan[];
  projects: ProjectPlan[];
  indicators: IndicatorPlan[];
  nextYear: NextYearPlan[];
  /** Documents the report names, to link (and create where new). */
  namedDocuments: NamedDocumentPlan[];
  /** Institutions named in contributions and cards, by institutionKey of each written form. */
  institutions: Map<string, InstitutionPlan>;
  /** The cards' implementers as links of projects to institutions. */
  projectInstitutions: ProjectInstitutionPlan[];
  items: PlanItem[];
};

const ORPHAN_GOAL = { code: "P", title: "Projekty" };
const ORPHAN_DIRECTION_TITLE = "Projekty i wskaźniki bez przypisanego kierunku działań";

/** "Karina Kaczyńska -Zastępca Dyrektora …" → name and position. */
export function splitCoordinator(text: string | null): {
  name: string | null;
  position: string | null;
} {
  if (!text) return { name: null, position: null };
  const m = /^(.+?)\s*(?:\s[-–—]\s?|[-–—]\s|,\s)(.+)$/u.exec(text.trim());
  if (!m) return { name: text.trim(), position: null };
  return { name: m[1]!.trim(), position: m[2]!.trim() };
}

export function planImport(opts: {
  proposal: ImportProposal;
  existing: ExistingStructure;
  year: number;
}): ImportPlan {
  const { proposal, existing, year } = opts;
  const items: PlanItem[] = [];
  const goals: GoalPlan[] = [];
  const goalByCode = new Map<string, GoalPlan>();
  const directionIndex = new Map<string, { goal: GoalPlan; direction: DirectionPlan }>();

  const matchGoal = (code: string, title: string) =>
    existing.goals.find((g) => codeKey(g.code) === codeKey(code)) ??
    (title ? existing.goals.find((g) => nameKey(g.title) === nameKey(title)) : undefined);

  const addGoal = (code: string, title: string, coordinator: string | null): GoalPlan => {
    const found = goalByCode.get(codeKey(code));
    if (found) return found;
    const stored = matchGoal(code, title);
    const { name, position } = splitCoordinator(coordinator);
    const goal: GoalPlan = {
      key: `g:${goals.length}`,
      code,
      title: title || stored?.title || "",
      coordinatorName: name,
      coordinatorPosition: position,
      existingId: stored?.id ?? null,
      directions: [],
    };
    goals.push(goal);
    goalByCode.set(codeKey(code), goal);
    const changes: string[] = [];
    if (stored && title && nameKey(stored.title) !== nameKey(title))
      changes.push(`Tytuł w dokumencie: „${title}” — zapisany tytuł „${stored.title}” zostaje.`);
    if (stored && coordinator && nameKey(stored.coordinator ?? "") !== nameKey(coordinator))
      changes.push(`Koordynator: „${stored.coordinator ?? "—"}” → „${coordinator}”.`);
    items.push({
      key: goal.key,
      section: "goal",
      label: `${code} ${goal.title}`.trim(),
      action: !stored ? "create" : changes.length > 0 ? "update" : "unchanged",
      changes,
      source: null,
      uncertain: goal.title ? [] : ["Nie znaleziono tytułu celu — uzupełnij go."],
      findings: [],
    });
    return goal;
  };

  const addDirection = (
    goal: GoalPlan,
    code: string,
    title: string,
    actionLines: string[],
  ): DirectionPlan => {
    const id = `${codeKey(goal.code)}/${codeKey(code)}`;
    const known = directionIndex.get(id);
    if (known) return known.direction;
    const stored = goal.existingId
      ? (existing.directions.find(
          (d) => d.goalId === goal.existingId && codeKey(d.code) === codeKey(code),
        ) ??
        (title
          ? existing.directions.find(
              (d) => d.goalId === goal.existingId && nameKey(d.title) === nameKey(title),
            )
          : undefined))
      : undefined;
    const direction: DirectionPlan = {
      key: `d:${goals.indexOf(goal)}.${goal.directions.length}`,
      code,
      title: title || stored?.title || "",
      actionLines,
      existingId: stored?.id ?? null,
    };
    goal.directions.push(direction);
    directionIndex.set(id, { goal, direction });
    items.push({
      key: direction.key,
      section: "direction",
      label: `${code} ${direction.title}`.trim(),
      action: stored ? "unchanged" : "create",
      changes: [],
      source: null,
      uncertain: direction.title ? [] : ["Nie znaleziono nazwy kierunku działań — uzupełnij ją."],
      findings: [],
    });
    return direction;
  };

  for (const g of proposal.goals) {
    const goal = addGoal(g.code, g.title, g.coordinator);
    for (const d of g.directions) addDirection(goal, d.code, d.title, d.actionLines);
  }

  /** The direction an item hangs on: its own, else its goal's catch-all, else the orphans'. */
  const directionFor = (goalCode: string | null, directionCode: string | null): DirectionPlan => {
    if (goalCode && directionCode) {
      const known = directionIndex.get(`${codeKey(goalCode)}/${codeKey(directionCode)}`);
      if (known) return known.direction;
    }
    if (!goalCode && directionCode) {
      for (const [id, v] of directionIndex)
        if (id.endsWith(`/${codeKey(directionCode)}`)) return v.direction;
    }
    const goal = goalCode
      ? addGoal(goalCode, "", null)
      : addGoal(ORPHAN_GOAL.code, ORPHAN_GOAL.title, null);
    if (goalCode && directionCode) return addDirection(goal, directionCode, "", []);
    return addDirection(goal, `${goal.code}.0`, ORPHAN_DIRECTION_TITLE, []);
  };

  // Projects: matched by symbol and name, or by name alone (symbols are shared by a direction).
  const projects: ProjectPlan[] = [];
  const takenProjects = new Set<string>();
  proposal.projects.forEach((p, index) => {
    const direction = directionFor(p.goalCode, p.directionCode);
    const title = nameKey(p.title);
    const candidates = existing.projects.filter((e) => !takenProjects.has(e.id));
    const stored =
      candidates.find(
        (e) => codeKey(e.symbol) === codeKey(p.symbol) && nameKey(e.title) === title,
      ) ?? candidates.find((e) => nameKey(e.title) === title);
    if (stored) takenProjects.add(stored.id);
    const card = stored ? existing.cards.get(stored.id) : undefined;
    const plan: ProjectPlan = {
      key: `p:${index}`,
      proposal: p,
      directionKey: direction.key,
      existingId: stored?.id ?? null,
      existingCardId: card?.id ?? null,
    };
    projects.push(plan);
    const changes = card ? cardChanges(card, p) : [];
    const findings = p.budget
      ? checkBudget({
          total: p.budget.total,
          parts: p.budget.parts
            .filter((part) => !isSubPart(part))
            .map((part) => ({ label: part.source, amount: part.amount, percent: part.percent })),
        })
      : [];
    items.push({
      key: plan.key,
      section: "project",
      label: `${p.symbol ? `${p.symbol} ` : ""}${p.title}`,
      action: !stored ? "create" : !card ? "add_year" : changes.length ? "update" : "unchanged",
      changes,
      source: p.source,
      uncertain: [],
      findings,
    });
  });

  const { institutions, projectInstitutions } = planInstitutions({
    proposal,
    stored: existing.institutions,
    projectKeys: projects.map((p) => p.key),
  });

  const indicators: IndicatorPlan[] = [];
  const takenIndicators = new Set<string>();
  proposal.indicators.forEach((ind, index) => {
    const project = ind.projectSymbol
      ? projects.find((p) => p.proposal.symbol === ind.projectSymbol)
      : undefined;
    const direction = project
      ? findDirection(goals, project.directionKey)
      : directionFor(ind.goalCode, ind.directionCode);
    const storedDirectionId = direction.existingId;
    const stored = storedDirectionId
      ? existing.indicators.find(
          (e) =>
            !takenIndicators.has(e.id) &&
            e.directionId === storedDirectionId &&
            nameKey(e.name) === nameKey(ind.name),
        )
      : undefined;
    if (stored) takenIndicators.add(stored.id);
    const value = stored ? existing.values.get(stored.id) : undefined;
    const plan: IndicatorPlan = {
      key: `i:${index}`,
      proposal: ind,
      directionKey: direction.key,
      projectKey: project?.key ?? null,
      existingId: stored?.id ?? null,
      existingValueId: value?.id ?? null,
    };
    indicators.push(plan);
    const changes: string[] = [];
    if (value && value.total !== ind.value)
      changes.push(`Wartość: ${value.total ?? "—"} → ${ind.value ?? "—"}.`);
    if (value && (value.remarks ?? "") !== (ind.remarks ?? "")) changes.push("Zmienione uwagi.");
    items.push({
      key: plan.key,
      section: "indicator",
      label: ind.name,
      action: !stored ? "create" : !value ? "add_year" : changes.length ? "update" : "unchanged",
      changes,
      source: ind.source,
      uncertain: ind.uncertain,
      findings: checkIndicatorValue({
        unit: ind.unit ?? "",
        total: ind.value,
        approximate: ind.approximate,
        contributions: ind.contributions.map((c) => ({
          institution: c.institution,
          value: c.value,
          approximate: c.approximate,
          breakdowns: c.ofWhich.map((o): BreakdownInput => ({
            dimension: "of_which",
            label: o.label,
            value: o.value,
          })),
        })),
      }),
    });
  });

  const nextYear = planNextYear({ proposal, existing, goals, projects, items });
  const namedDocuments = planNamedDocuments({ proposal, existing, items });

  return {
    year,
    goals,
    projects,
    indicators,
    nextYear,
    namedDocuments,
    institutions,
    projectInstitutions,
    items,
  };
}

export function findDirection(goals: GoalPlan[], key: string): DirectionPlan {
  for (const g of goals) for (const d of g.directions) if (d.key === key) return d;
  throw new Error(`Unknown direction ${key}`);
}

/** A "w tym" budget part: part of the one before it, never a leaf of the funding split. */
export function isSubPart(part: BudgetPart): boolean {
  return part.ofWhich === true || /^w tym\b/iu.test(part.source);
}
