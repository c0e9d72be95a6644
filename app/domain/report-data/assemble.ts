// Rows → report data: the goals with their directions, projects, cards, budgets and indicator
// values, the projects of the next year, and the open findings. Pure: the rows are read (and
// filtered by the reader's permissions) in load.ts.
import { projectEu } from "../eu-funding/of-project.ts";
import type { budgetParts, budgets, projectCards } from "../../db/schema.ts";
import { withAcknowledgements, type Acknowledgement } from "../findings.ts";
import type { ValueBundle } from "../indicator-values/index.ts";
import type { readDocumentStructure } from "../strategy-tree.ts";
import {
  checkBudget,
  checkProjectCard,
  type Finding,
  type ProjectCardInput,
} from "../validation/index.ts";
import type {
  NextYearEntry,
  ReportBudget,
  ReportCard,
  FindingTarget,
  ReportFinding,
  ReportGoal,
  ReportIndicator,
  ReportProject,
  ReportValue,
} from "./types.ts";

type Structure = Awaited<ReturnType<typeof readDocumentStructure>>;
type CardRow = typeof projectCards.$inferSelect;
type ProjectRow = Structure["projects"][number];
type IndicatorRow = Structure["indicators"][number];
type DirectionRow = Structure["directions"][number];

export type ReportRows = {
  year: number;
  structure: Structure;
  cardByProject: Map<string, CardRow>;
  /** The cards the reader may see (and, for a published-only report, published). */
  visibleCard: Map<string, CardRow>;
  links: {
    projectId: string;
    institutionId: string;
    role: string;
    name: string;
    shortName: string | null;
  }[];
  shownBudgets: (typeof budgets.$inferSelect)[];
  parts: (typeof budgetParts.$inferSelect)[];
  bundlesByYear: (readonly [number, Map<string, ValueBundle>])[];
  shownBundle: (b: ValueBundle | undefined) => ValueBundle | null;
  acks: Map<string, Acknowledgement[]>;
};

/** What the assembly collects on its way through the tree. */
type Collected = { findings: ReportFinding[]; nextYear: NextYearEntry[]; unpublished: number };

export function assembleGoals(rows: ReportRows): Collected & { goals: ReportGoal[] } {
  const out: Collected = { findings: [], nextYear: [], unpublished: 0 };
  const { goals, directions } = rows.structure;
  const reportGoals = goals.map((goal) => {
    const from = out.findings.length;
    const goalDirections = directions
      .filter((d) => d.strategicGoalId === goal.id)
      .map((d) => directionOf(rows, out, d));
    for (const f of out.findings.slice(from)) {
      f.goal = goal.code;
      f.goalId = goal.id;
    }
    return {
      code: goal.code,
      title: goal.title,
      coordinatorName: goal.coordinatorName,
      coordinatorPosition: goal.coordinatorPosition,
      directions: goalDirections,
    };
  });
  return { goals: reportGoals, ...out };
}

function targetOf(
  entityType: FindingTarget["entityType"],
  entityId: string,
  f: Finding,
): FindingTarget {
  return { entityType, entityId, key: f.key, rule: f.code };
}

function openFindings(rows: ReportRows, entityId: string, findings: Finding[]) {
  return withAcknowledgements(findings, rows.acks.get(entityId)).filter((f) => !f.acknowledged);
}

function directionOf(rows: ReportRows, out: Collected, d: DirectionRow) {
  const { year } = rows;
  const dirIndicators = rows.structure.indicators.filter((i) => i.operationalGoalId === d.id);
  const built = new Map(dirIndicators.map((i) => [i.id, indicatorOf(rows, out, i, d.code)]));
  const dirProjects = rows.structure.projects
    .filter((p) => p.operationalGoalId === d.id)
    .filter((p) => {
      if (p.sinceYear !== null && p.sinceYear > year) {
        if (p.sinceYear === year + 1) {
          out.nextYear.push({ symbol: p.symbol, title: p.title, kind: "new", previousTitle: null });
        }
        return false;
      }
      return true;
    })
    .map((p) => projectOf(rows, out, p, dirIndicators, built));
  return {
    code: d.code,
    title: d.title,
    actionLines: d.actionLines,
    projects: dirProjects,
    indicators: dirIndicators.map((i) => built.get(i.id)!),
  };
}

function projectOf(
  rows: ReportRows,
  out: Collected,
  p: ProjectRow,
  dirIndicators: IndicatorRow[],
  built: Map<string, ReportIndicator>,
): ReportProject {
  const row = rows.visibleCard.get(p.id);
  const subject = `${p.symbol} ${p.title}`;
  let card: ReportCard | null = null;
  if (row) {
    if (!row.published) out.unpublished += 1;
    for (const f of openFindings(rows, row.id, checkProjectCard(row as ProjectCardInput))) {
      out.findings.push({
        subject: `${subject} — karta projektu`,
        severity: f.severity,
        message: f.message,
        target: targetOf("project_card", row.id, f),
      });
    }
    card = cardOf(row);
    if (row.continuation === "yes" || row.continuation === "renamed") {
      const renamed = row.continuation === "renamed" && !!row.nextYearTitle?.trim();
      out.nextYear.push({
        symbol: p.symbol,
        title: renamed ? row.nextYearTitle!.trim() : p.title,
        kind: renamed ? "renamed" : "continued",
        previousTitle: renamed ? p.title : null,
      });
    }
  } else if (!rows.cardByProject.has(p.id)) {
    out.findings.push({
      subject,
      severity: "warning",
      message: `Brak karty projektu za ${rows.year} r.`,
    });
  }
  const projectLinks = rows.links
    .filter((l) => l.projectId === p.id)
    .sort((a, b) => (a.role === b.role ? 0 : a.role === "lead" ? -1 : 1));
  const budgets = card ? budgetsOf(rows, out, p.id, subject) : [];
  // The funding text and the budget's source names both say where EU money comes from.
  const fundingText = [card?.funding, ...budgets.flatMap((b) => b.parts.map((x) => x.label))]
    .filter(Boolean)
    .join(". ");
  return {
    id: p.id,
    symbol: p.symbol,
    title: p.title,
    sinceYear: p.sinceYear,
    institutions: projectLinks.map((l) => l.shortName ?? l.name),
    card,
    budgets,
    indicators: dirIndicators.filter((i) => i.projectId === p.id).map((i) => built.get(i.id)!),
    eu: projectEu(p, fundingText || null),
  };
}

function cardOf(row: CardRow): ReportCard {
  return {
    status: row.status as ReportCard["status"],
    statusReason: row.statusReason,
    reportedIn: row.reportedIn,
    goalText: row.goalText,
    goalVerdict: row.goalVerdict,
    goalVerdictReason: row.goalVerdictReason,
    addressees: row.addressees,
    implementers: row.implementers,
    stages: row.stages,
    effects: row.effects,
    indicatorsText: row.indicatorsText,
    evaluation: row.evaluation,
    funding: row.funding,
    timeframe: row.timeframe,
    continuation: row.continuation,
    nextYearTitle: row.nextYearTitle,
    published: row.published,
  };
}

function budgetsOf(
  rows: ReportRows,
  out: Collected,
  projectId: string,
  subject: string,
): ReportBudget[] {
  return rows.shownBudgets
    .filter((b) => b.projectId === projectId)
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
    .map((b) => {
      const ps = rows.parts
        .filter((p) => p.budgetId === b.id)
        .map((p) => ({ label: p.sourceLabel, amount: p.amount, percent: p.percent }));
      for (const f of openFindings(rows, b.id, checkBudget({ total: b.total, parts: ps }))) {
        out.findings.push({
          subject: `${subject} — budżet`,
          severity: f.severity,
          message: f.message,
          target: targetOf("budget", b.id, f),
        });
      }
      return { year: b.year, total: b.total, parts: ps };
    });
}

function indicatorOf(
  rows: ReportRows,
  out: Collected,
  i: IndicatorRow,
  subject: string,
): ReportIndicator {
  const bundle = rows.shownBundle(rows.bundlesByYear.find(([y]) => y === rows.year)?.[1].get(i.id));
  let value: ReportValue | null = null;
  if (bundle) {
    if (!bundle.value.published) out.unpublished += 1;
    for (const f of openFindings(rows, bundle.value.id, bundle.findings)) {
      out.findings.push({
        subject: `${subject} — wskaźnik „${i.name}”`,
        severity: f.severity,
        message: f.message,
        target: targetOf("indicator_value", bundle.value.id, f),
      });
    }
    value = {
      total: bundle.complete ? bundle.value.total : null,
      approximate: bundle.value.approximate,
      remarks: bundle.value.remarks,
      published: bundle.value.published,
      contributions: bundle.contributions.map((c) => ({
        institution: c.institutionShort ?? c.institutionName,
        aliases: [c.institutionName, ...(c.institutionShort ? [c.institutionShort] : [])],
        value: c.value,
        approximate: c.approximate,
        note: c.note,
        parts: c.breakdowns,
      })),
      parts: bundle.breakdowns,
    };
  }
  const history = rows.bundlesByYear
    .map(([y, map]) => {
      const b = rows.shownBundle(map.get(i.id));
      return b && b.complete && b.value.total !== null
        ? { year: y, total: b.value.total, approximate: b.value.approximate }
        : null;
    })
    .filter((h) => h !== null)
    .sort((a, b) => a.year - b.year);
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    kind: i.kind,
    target: i.target,
    direction: i.direction,
    baseline: i.baseline,
    baselineYear: i.baselineYear,
    value,
    history,
  };
}
