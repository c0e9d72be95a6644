// The "what next" part of a municipality's home page, per role (issue 12): open rounds with
// their completeness and the report year's open findings (coordinators, goal coordinators),
// statutory deadlines (coordinators), a partner's tasks and contributions. Figures come from the
// domain; this shapes them into chart specs. The findings need the whole report's data, so
// they are read through the per-data-version cache (decision 007).
import type { ChartSpec } from "../../components/chart/chart-spec.ts";
import {
  findingsByGoal,
  openRoundsProgress,
  partnerOverview,
  upcomingDocumentDeadlines,
  type FindingsByGoal,
  type PartnerOverview,
  type RoundProgress,
  type UpcomingDeadline,
} from "../../domain/analytics/work-overview.ts";
import type { IndicatorSeries } from "../../domain/analytics/indicator-series.ts";
import type { TenantScope } from "../../domain/scope.ts";
import { labelOf } from "../../domain/value-labels.ts";
import { cachedRead } from "../read-cache.server.ts";

export type WorkOverview = {
  rounds: (RoundProgress & { findings: FindingsByGoal; specs: ChartSpec[] })[];
  deadlines: UpcomingDeadline[];
  partner:
    (Omit<PartnerOverview, "series"> & { specs: ChartSpec[]; exampleYears: number[] }) | null;
};

export function roundProgressSpec(r: RoundProgress): ChartSpec {
  return {
    kind: "stacked-bar",
    title: `Postęp rundy ${r.year} r. według celów — ${r.documentTitle}`,
    unit: "pozycje",
    categoryLabel: "Cel strategiczny",
    categories: r.byGoal.map((g) => g.label),
    series: [
      { name: "zatwierdzono", values: r.byGoal.map((g) => g.accepted) },
      { name: "do sprawdzenia", values: r.byGoal.map((g) => g.submitted - g.accepted) },
      { name: "do przekazania", values: r.byGoal.map((g) => g.expected - g.submitted) },
    ],
  };
}

export function findingsSpec(f: FindingsByGoal): ChartSpec {
  const severities = (["error", "warning", "note"] as const).filter((s) =>
    f.goals.some((g) => g.counts[s] > 0),
  );
  return {
    kind: "stacked-bar",
    title: `Otwarte uwagi sprawdzania według celów, ${f.year} r. — ${f.documentTitle}`,
    unit: "uwagi",
    categoryLabel: "Cel strategiczny",
    categories: f.goals.map((g) => g.goal || "poza celami"),
    series: severities.map((s) => ({
      name: labelOf("severity", s),
      values: f.goals.map((g) => g.counts[s]),
    })),
  };
}

/**
 * One institution's contributions to an indicator, every year from its first one to the
 * series' last: a year it gave nothing for (or with no value at all) stays on the axis as
 * "brak danych", so a gap is not drawn as continuity.
 */
export function ownContributionSpec(s: IndicatorSeries, institutionId: string): ChartSpec {
  const own = new Map<number, { name: string; value: number | null }>();
  for (const p of s.points) {
    const c = p.contributions.find((x) => x.institutionId === institutionId);
    if (c) own.set(p.year, { name: c.name, value: c.value });
  }
  const first = Math.min(...own.keys());
  const last = Math.max(...s.points.map((p) => p.year));
  const years = own.size === 0 ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const name = own.get(first)?.name ?? "instytucja";
  return {
    kind: "bar",
    title: `${s.indicator.name} — wartości przekazane przez ${name}`,
    unit: s.indicator.unit,
    categoryLabel: "Rok",
    categories: years.map(String),
    series: [{ name, values: years.map((y) => own.get(y)?.value ?? null) }],
    valueLabels: true,
  };
}

export async function loadWorkOverview(scope: TenantScope, now?: Date): Promise<WorkOverview> {
  const [rounds, deadlines, partner] = await Promise.all([
    openRoundsProgress({ scope, now }),
    upcomingDocumentDeadlines({ scope, now }),
    partnerOverview({ scope }),
  ]);
  const withFindings = await Promise.all(
    rounds.map(async (r) => {
      const findings = await cachedRead(scope, `findings-by-goal|${r.documentId}|${r.year}`, () =>
        findingsByGoal({ scope, documentId: r.documentId, year: r.year }),
      );
      const specs = [roundProgressSpec(r)];
      if (findings.total > 0) specs.push(findingsSpec(findings));
      return { ...r, findings, specs };
    }),
  );
  return {
    rounds: withFindings,
    deadlines,
    partner: partner && {
      tasks: partner.tasks,
      nextDeadline: partner.nextDeadline,
      institutionId: partner.institutionId,
      specs: partner.series.map((s) => ownContributionSpec(s, partner.institutionId)),
      exampleYears: [
        ...new Set(
          partner.series.flatMap((s) => s.points.filter((p) => p.example).map((p) => p.year)),
        ),
      ].sort((a, b) => a - b),
    },
  };
}
