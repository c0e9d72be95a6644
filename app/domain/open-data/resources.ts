// The API's resources, built from published (suppressed) snapshots: municipalities,
// documents, years, goals, projects with cards and budgets, indicators with values and
// contributions, budget lines and the register of publications. Every list has a stable sort
// key (`key`) so a cursor can say "after this item" and stay valid across pages. Pure.
import { euOfPublishedProject, type ProjectEu } from "../eu-funding/of-project.ts";
import { TENANT_KINDS } from "../tenants.ts";
import type { ReportIndicator, ReportProject } from "../report-data/types.ts";
import { MISSING_STATUS, WITHHELD_STATUS } from "./rows.ts";
import type { MunicipalityPublications, PublishedYear } from "./types.ts";

export type ValueStatus = "reported" | "withheld" | "missing";
export const VALUE_STATUS_LABELS: Record<ValueStatus, string> = {
  reported: "",
  withheld: WITHHELD_STATUS,
  missing: MISSING_STATUS,
};

function status(value: number | null, withheld: boolean | undefined): ValueStatus {
  return withheld ? "withheld" : value === null ? "missing" : "reported";
}

const pad = (n: number) => String(n).padStart(6, "0");

type Keyed<T> = T & { key: string };

export function municipalityResource(p: MunicipalityPublications) {
  const m = p.municipality;
  return {
    key: m.slug,
    slug: m.slug,
    teryt: m.teryt,
    name: m.name,
    kind: m.kind,
    kindLabel: TENANT_KINDS[m.kind as keyof typeof TENANT_KINDS] ?? m.kind,
    documents: [...new Set(p.years.map((y) => y.data.document.slug))].length,
    lastPublishedAt:
      p.years
        .map((y) => y.publishedAt)
        .sort()
        .at(-1) ?? null,
  };
}

export function documentResources(p: MunicipalityPublications) {
  const byDoc = new Map<string, PublishedYear[]>();
  for (const y of p.years) {
    const list = byDoc.get(y.data.document.slug) ?? [];
    list.push(y);
    byDoc.set(y.data.document.slug, list);
  }
  return [...byDoc.values()].map((ys) => {
    const latest = [...ys].sort((a, b) => b.data.year - a.data.year)[0]!;
    const d = latest.data.document;
    return {
      key: `${p.municipality.slug}/${d.slug}`,
      municipality: p.municipality.slug,
      slug: d.slug,
      title: d.title,
      kind: d.kind,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      resolutionNumber: d.resolutionNumber,
      resolutionDate: d.resolutionDate,
      years: ys.map((y) => y.data.year).sort((a, b) => a - b),
    };
  });
}

function yearKey(p: MunicipalityPublications, y: PublishedYear): string {
  return `${p.municipality.slug}/${y.data.document.slug}/${pad(y.data.year)}`;
}

export function yearResources(p: MunicipalityPublications) {
  return p.years.map((y) => ({
    key: yearKey(p, y),
    municipality: p.municipality.slug,
    document: y.data.document.slug,
    year: y.data.year,
    publicationId: y.publicationId,
    version: y.version,
    publishedAt: y.publishedAt,
  }));
}

function context(p: MunicipalityPublications, y: PublishedYear) {
  return { municipality: p.municipality.slug, document: y.data.document.slug, year: y.data.year };
}

export function goalResources(p: MunicipalityPublications) {
  return p.years.flatMap((y) =>
    y.data.goals.map((g, i) => ({
      key: `${yearKey(p, y)}/${pad(i)}`,
      ...context(p, y),
      code: g.code,
      title: g.title,
      directions: g.directions.map((d) => ({ code: d.code, title: d.title })),
    })),
  );
}

function projectResource(project: ReportProject) {
  const c = project.card;
  return {
    id: project.id,
    symbol: project.symbol,
    title: project.title,
    sinceYear: project.sinceYear,
    card: c
      ? {
          status: c.status,
          statusReason: c.statusReason,
          reportedIn: c.reportedIn,
          goalText: c.goalText,
          goalVerdict: c.goalVerdict,
          goalVerdictReason: c.goalVerdictReason,
          addressees: c.addressees,
          implementers: c.implementers,
          stages: c.stages,
          effects: c.effects,
          indicatorsText: c.indicatorsText,
          evaluation: c.evaluation,
          funding: c.funding,
          timeframe: c.timeframe,
          continuation: c.continuation,
          nextYearTitle: c.nextYearTitle,
        }
      : null,
    budgets: project.budgets.map((b) => ({
      year: b.year,
      total: b.total,
      parts: b.parts.map((x) => ({ source: x.label, amount: x.amount, percent: x.percent })),
    })),
    eu: euResource(euOfPublishedProject(project)),
  };
}

function euResource(eu: ProjectEu | null) {
  return eu ? { ...eu.funding, statement: eu.statement, source: eu.source } : null;
}

type Part = { dimension: string; label: string; value: number | null; withheld?: boolean };

function partResources(parts: Part[]) {
  return parts.map((x) => ({
    dimension: x.dimension,
    label: x.label,
    value: x.withheld ? null : x.value,
    status: status(x.value, x.withheld),
  }));
}

type Where = {
  municipality: string;
  document: string;
  year: number;
  goalCode: string;
  directionCode: string;
};

function* directionsOf(p: MunicipalityPublications) {
  for (const y of p.years) {
    for (const [gi, g] of y.data.goals.entries()) {
      for (const [di, d] of g.directions.entries()) {
        const where: Where = { ...context(p, y), goalCode: g.code, directionCode: d.code };
        yield { y, d, where, key: `${yearKey(p, y)}/${pad(gi)}/${pad(di)}` };
      }
    }
  }
}

export function projectResources(p: MunicipalityPublications) {
  const out: Keyed<Where & ReturnType<typeof projectResource>>[] = [];
  for (const { d, where, key } of directionsOf(p)) {
    d.projects.forEach((project, i) => {
      out.push({ key: `${key}/${pad(i)}`, ...where, ...projectResource(project) });
    });
  }
  return out;
}

function indicatorResource(ind: ReportIndicator, projectSymbol: string | null) {
  const v = ind.value;
  return {
    id: ind.id,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    projectSymbol,
    target: ind.target,
    value: v
      ? {
          total: v.total,
          status: status(v.total, v.withheld),
          approximate: v.approximate,
          parts: partResources(v.parts),
          contributions: v.contributions.map((c) => ({
            institution: c.institution,
            value: c.value,
            status: status(c.value, c.withheld),
            approximate: c.approximate,
            parts: partResources(c.parts),
          })),
        }
      : null,
  };
}

export function indicatorResources(p: MunicipalityPublications) {
  const out: Keyed<Where & ReturnType<typeof indicatorResource>>[] = [];
  for (const { d, where, key } of directionsOf(p)) {
    const owner = new Map<string, string>();
    for (const pr of d.projects) for (const i of pr.indicators) owner.set(i.id, pr.symbol);
    const seen = new Set<string>();
    const all = [...d.indicators, ...d.projects.flatMap((pr) => pr.indicators)];
    all.forEach((ind, i) => {
      if (seen.has(ind.id)) return;
      seen.add(ind.id);
      out.push({
        key: `${key}/${pad(i)}`,
        ...where,
        ...indicatorResource(ind, owner.get(ind.id) ?? null),
      });
    });
  }
  return out;
}

export function budgetResources(p: MunicipalityPublications) {
  return projectResources(p).flatMap((pr) =>
    pr.budgets.flatMap((b, bi) =>
      b.parts.map((part, i) => ({
        key: `${pr.key}/${pad(bi)}/${pad(i)}`,
        municipality: pr.municipality,
        document: pr.document,
        year: pr.year,
        projectId: pr.id,
        projectSymbol: pr.symbol,
        projectTitle: pr.title,
        budgetYear: b.year,
        source: part.source,
        amount: part.amount,
        percent: part.percent,
      })),
    ),
  );
}

export function publicationResources(p: MunicipalityPublications) {
  return p.register.map((e) => ({
    key: `${p.municipality.slug}/${e.documentSlug}/${pad(e.year)}/${pad(e.version)}`,
    municipality: p.municipality.slug,
    document: e.documentSlug,
    documentTitle: e.documentTitle,
    year: e.year,
    version: e.version,
    id: e.publicationId,
    producedBy: e.producedBy,
    producedAt: e.producedAt,
    publishedAt: e.publishedAt,
    publishedBy: e.publishedBy,
    withdrawn: e.withdrawnAt !== null,
    withdrawnAt: e.withdrawnAt,
    withdrawalReason: e.withdrawalReason,
  }));
}
