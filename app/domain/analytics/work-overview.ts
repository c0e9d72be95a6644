// What each role has to do or watch next, for the municipality's home page (issue 12): the open
// rounds' completeness and the report year's open findings for those who review, the statutory
// deadlines ahead for those who run rounds, and a partner's own tasks and contributions. Every
// read goes through the rounds, report-data and series functions, so each sees only what the
// actor may open there (a goal coordinator their goals, a partner their institution).
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { indicatorContributions, indicatorValues, planDocuments } from "../../db/schema.ts";
import { canManageRounds, canViewRounds, ownInstitution } from "../../policies/index.ts";
import { upcomingDeadlines, type DeadlineRule } from "../calendar/statutory-deadlines.ts";
import { readReportData } from "../report-data/load.ts";
import type { Tally } from "../rounds/completeness.ts";
import { daysUntil, warsawDay } from "../rounds/round-dates.ts";
import { getRound, listRounds } from "../rounds/rounds.ts";
import { listMyTasks } from "../rounds/partner-work.ts";
import { inTenant, type TenantScope } from "../scope.ts";
import type { Severity } from "../validation/index.ts";
import { loadIndicatorSeries, type IndicatorSeries } from "./indicator-series.ts";

export type RoundProgress = {
  roundId: string;
  documentId: string;
  documentTitle: string;
  year: number;
  deadline: string;
  /** Days to the partners' deadline; negative once it has passed. */
  daysLeft: number;
  total: Tally;
  byGoal: Tally[];
  /** Institutions with items still owed or handed in late, most behind first. */
  behind: Tally[];
};

/** Rounds shown at most: a municipality seldom runs more than a few at once. */
const MAX_ROUNDS = 4;

/** The open rounds with their completeness, as far as the actor reviews them. */
export async function openRoundsProgress(opts: {
  scope: TenantScope;
  now?: Date;
}): Promise<RoundProgress[]> {
  const { scope } = opts;
  if (!canViewRounds(scope.actor)) return [];
  const open = (await listRounds({ scope })).filter((r) => r.round.status === "open");
  const rounds = await Promise.all(
    open.slice(0, MAX_ROUNDS).map(async (r) => ({
      r,
      detail: await getRound({ scope, roundId: r.round.id, now: opts.now }),
    })),
  );
  return rounds
    .filter(({ detail }) => detail.completeness.total.expected > 0)
    .map(({ r, detail }) => ({
      roundId: r.round.id,
      documentId: r.round.documentId,
      documentTitle: r.documentTitle,
      year: r.round.year,
      deadline: r.round.deadline,
      daysLeft: daysUntil(r.round.deadline, detail.today),
      total: detail.completeness.total,
      byGoal: detail.completeness.byGoal.sort((a, b) => a.label.localeCompare(b.label, "pl")),
      behind: detail.completeness.byInstitution
        .filter((t) => t.late > 0 || t.submitted < t.expected)
        .sort((a, b) => b.late - a.late || b.expected - b.submitted - (a.expected - a.submitted))
        .slice(0, 8),
    }));
}

export type FindingsByGoal = {
  documentTitle: string;
  year: number;
  total: number;
  /** Per goal code ("" for findings outside any goal), counts per severity. */
  goals: { goal: string; counts: Record<Severity, number> }[];
};

/**
 * The open findings of a document's report year (what the report would list), counted by goal
 * and severity — the same findings the draft report prints, for what the actor may see.
 */
export async function findingsByGoal(opts: {
  scope: TenantScope;
  documentId: string;
  year: number;
}): Promise<FindingsByGoal> {
  const data = await readReportData(opts);
  const byGoal = new Map<string, Record<Severity, number>>();
  for (const f of data.findings) {
    const key = f.goal ?? "";
    const counts = byGoal.get(key) ?? { error: 0, warning: 0, note: 0 };
    counts[f.severity] += 1;
    byGoal.set(key, counts);
  }
  return {
    documentTitle: data.document.title,
    year: opts.year,
    total: data.findings.length,
    goals: [...byGoal]
      .map(([goal, counts]) => ({ goal, counts }))
      .sort((a, b) => a.goal.localeCompare(b.goal, "pl", { numeric: true })),
  };
}

export type UpcomingDeadline = {
  documentTitle: string;
  rule: DeadlineRule;
  /** The year reported on. */
  year: number;
  date: string;
  daysLeft: number;
};

/** How far ahead the home page looks for deadlines. */
const DEADLINE_HORIZON_DAYS = 180;

/** The statutory deadlines of the municipality's documents in the next half-year. */
export async function upcomingDocumentDeadlines(opts: {
  scope: TenantScope;
  now?: Date;
}): Promise<UpcomingDeadline[]> {
  const { scope } = opts;
  if (!canManageRounds(scope.actor)) return [];
  const today = warsawDay(opts.now ?? new Date());
  const docs = await scope.db
    .select({ title: planDocuments.title, kind: planDocuments.kind })
    .from(planDocuments)
    .where(inTenant(scope, planDocuments, isNull(planDocuments.archivedAt)));
  // A rule shared by several documents (the welfare centre's report) is listed once.
  const seen = new Set<string>();
  const out: UpcomingDeadline[] = [];
  for (const d of docs) {
    for (const dl of upcomingDeadlines(d.kind, today)) {
      const days = daysUntil(dl.date, today);
      if (days > DEADLINE_HORIZON_DAYS) continue;
      const key = `${dl.rule.key}|${dl.year}|${dl.rule.forCouncil ? "" : d.title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        documentTitle: d.title,
        rule: dl.rule,
        year: dl.year,
        date: dl.date,
        daysLeft: days,
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export type PartnerOverview = {
  /** Items still owed (not started, in progress), under review, returned, accepted. */
  tasks: { open: number; submitted: number; returned: number; accepted: number };
  /** The nearest deadline of a task still to be handed in. */
  nextDeadline: string | null;
  /** The indicators the institution reported to most often, with their series. */
  series: IndicatorSeries[];
  institutionId: string;
};

/** A partner's tasks at a glance and their institution's contributions over the years. */
export async function partnerOverview(opts: {
  scope: TenantScope;
  limit?: number;
}): Promise<PartnerOverview | null> {
  const { scope } = opts;
  const own = ownInstitution(scope.actor);
  if (!own) return null;
  const tasks = await listMyTasks({ scope });
  const tally = { open: 0, submitted: 0, returned: 0, accepted: 0 };
  let nextDeadline: string | null = null;
  for (const t of tasks) {
    if (t.status === "accepted") tally.accepted++;
    else if (t.status === "submitted") tally.submitted++;
    else if (t.status === "returned") tally.returned++;
    else tally.open++;
    if (t.status !== "accepted" && t.status !== "submitted") {
      if (nextDeadline === null || t.deadline < nextDeadline) nextDeadline = t.deadline;
    }
  }
  const often = await scope.db
    .select({ id: indicatorValues.indicatorId, years: count() })
    .from(indicatorContributions)
    .innerJoin(
      indicatorValues,
      and(
        eq(indicatorValues.tenantId, indicatorContributions.tenantId),
        eq(indicatorValues.id, indicatorContributions.valueId),
      ),
    )
    .where(inTenant(scope, indicatorContributions, eq(indicatorContributions.institutionId, own)))
    .groupBy(indicatorValues.indicatorId)
    .orderBy(desc(count()), indicatorValues.indicatorId);
  const ids = often
    .filter((r) => r.years >= 2)
    .slice(0, opts.limit ?? 3)
    .map((r) => r.id);
  const series = ids.length
    ? await loadIndicatorSeries({ scope, indicatorIds: ids })
    : new Map<string, IndicatorSeries>();
  return {
    tasks: tally,
    nextDeadline,
    series: ids.map((id) => series.get(id)).filter((s): s is IndicatorSeries => !!s),
    institutionId: own,
  };
}
