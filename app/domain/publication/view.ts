// Finding things in a public view and summing up a goal's progress. Pure; safe in the browser.
import type {
  ReportDirection,
  ReportGoal,
  ReportIndicator,
  ReportProject,
} from "../../reports/model.ts";
import type { IndicatorFacts, PublicSnapshot } from "./types.ts";

export function findProject(
  view: PublicSnapshot,
  id: string,
): { goal: ReportGoal; direction: ReportDirection; project: ReportProject } | null {
  for (const goal of view.goals) {
    for (const direction of goal.directions) {
      const project = direction.projects.find((p) => p.id === id);
      if (project) return { goal, direction, project };
    }
  }
  return null;
}

export function findIndicator(
  view: PublicSnapshot,
  id: string,
): {
  goal: ReportGoal;
  direction: ReportDirection;
  indicator: ReportIndicator;
  facts: IndicatorFacts | undefined;
} | null {
  for (const goal of view.goals) {
    for (const direction of goal.directions) {
      const indicator = direction.indicators.find((i) => i.id === id);
      if (indicator) return { goal, direction, indicator, facts: view.indicatorFacts[id] };
    }
  }
  return null;
}

/** Whether an indicator's value meets its target; null where there is no target or value. */
export function onTarget(
  indicator: ReportIndicator,
  facts: IndicatorFacts | undefined,
): boolean | null {
  const total = indicator.value?.total;
  if (indicator.target === null || total === null || total === undefined) return null;
  return facts?.direction === "decrease" ? total <= indicator.target : total >= indicator.target;
}

export type GoalProgress = {
  carriedOut: number;
  notCarriedOut: number;
  finished: number;
  elsewhere: number;
  withoutCard: number;
  onTarget: number;
  offTarget: number;
};

export function goalProgress(
  goal: ReportGoal,
  facts: Record<string, IndicatorFacts>,
): GoalProgress {
  const p: GoalProgress = {
    carriedOut: 0,
    notCarriedOut: 0,
    finished: 0,
    elsewhere: 0,
    withoutCard: 0,
    onTarget: 0,
    offTarget: 0,
  };
  for (const d of goal.directions) {
    for (const project of d.projects) {
      const status = project.card?.status;
      if (status === "carried_out") p.carriedOut += 1;
      else if (status === "not_carried_out") p.notCarriedOut += 1;
      else if (status === "finished") p.finished += 1;
      else if (status === "reported_elsewhere") p.elsewhere += 1;
      else p.withoutCard += 1;
    }
    for (const ind of d.indicators) {
      const t = onTarget(ind, facts[ind.id]);
      if (t === true) p.onTarget += 1;
      else if (t === false) p.offTarget += 1;
    }
  }
  return p;
}
