// A reviewer's decisions on an import plan: items rejected, and corrections typed over what the
// parser read. Pure: the plan and the decisions in, the plan to save out. Rejecting a goal or a
// direction rejects what hangs on it — nothing is saved without its place in the structure.
import { splitCoordinator, type ImportPlan } from "./plan.ts";

export type ItemCorrection = {
  title?: string;
  symbol?: string;
  coordinator?: string;
  name?: string;
  unit?: string;
  value?: number | null;
  target?: number | null;
};

export type ImportDecisions = {
  rejected: string[];
  corrections: Record<string, ItemCorrection>;
};

export const NO_DECISIONS: ImportDecisions = { rejected: [], corrections: {} };

export function applyDecisions(plan: ImportPlan, decisions: ImportDecisions): ImportPlan {
  const rejected = new Set(decisions.rejected);
  const fix = (key: string) => decisions.corrections[key] ?? {};

  const goals = plan.goals
    .filter((g) => !rejected.has(g.key))
    .map((g) => {
      const c = fix(g.key);
      const coordinator =
        c.coordinator !== undefined ? splitCoordinator(c.coordinator || null) : null;
      return {
        ...g,
        title: c.title ?? g.title,
        coordinatorName: coordinator ? coordinator.name : g.coordinatorName,
        coordinatorPosition: coordinator ? coordinator.position : g.coordinatorPosition,
        directions: g.directions
          .filter((d) => !rejected.has(d.key))
          .map((d) => ({ ...d, title: fix(d.key).title ?? d.title })),
      };
    });
  const liveDirections = new Set(goals.flatMap((g) => g.directions.map((d) => d.key)));

  const projects = plan.projects
    .filter((p) => !rejected.has(p.key) && liveDirections.has(p.directionKey))
    .map((p) => {
      const c = fix(p.key);
      return {
        ...p,
        proposal: {
          ...p.proposal,
          title: c.title ?? p.proposal.title,
          symbol: c.symbol ?? p.proposal.symbol,
        },
      };
    });
  const liveProjects = new Set(projects.map((p) => p.key));

  const indicators = plan.indicators
    .filter(
      (i) =>
        !rejected.has(i.key) &&
        liveDirections.has(i.directionKey) &&
        (i.projectKey === null || liveProjects.has(i.projectKey)),
    )
    .map((i) => {
      const c = fix(i.key);
      return {
        ...i,
        proposal: {
          ...i.proposal,
          name: c.name ?? i.proposal.name,
          unit: c.unit ?? i.proposal.unit,
          value: c.value !== undefined ? c.value : i.proposal.value,
          target: c.target !== undefined ? c.target : i.proposal.target,
        },
      };
    });

  const nextYear = plan.nextYear
    .filter((n) => !rejected.has(n.key))
    .map((n) => ({
      ...n,
      title: fix(n.key).title ?? n.title,
      continuesProjectKey:
        n.continuesProjectKey && liveProjects.has(n.continuesProjectKey)
          ? n.continuesProjectKey
          : null,
      directionKey: n.directionKey && liveDirections.has(n.directionKey) ? n.directionKey : null,
    }));

  // A stored document keeps its title: the correction names only a new one.
  const namedDocuments = plan.namedDocuments
    .filter((d) => !rejected.has(d.key))
    .map((d) => ({ ...d, title: d.existingId ? d.title : (fix(d.key).title ?? d.title) }));

  return {
    ...plan,
    goals,
    projects,
    indicators,
    nextYear,
    namedDocuments,
    items: plan.items.filter((item) => !rejected.has(item.key)),
  };
}
