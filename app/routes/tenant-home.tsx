import { Link } from "react-router";
import { labelOf } from "../domain/value-labels.ts";
import type { Route } from "./+types/tenant-home";
import { PageHeader } from "../components/page-header.tsx";
import { listDocuments, listReportingYears } from "../domain/documents.ts";
import { listInstitutions } from "../domain/institutions.ts";
import {
  canEditStrategy,
  canImportReports,
  canManageMembers,
  canManageRounds,
  canViewOutbox,
  canViewRounds,
  canViewStrategy,
  authorize,
} from "../policies/index.ts";
import { hasTasks } from "../domain/rounds/partner-work.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { allowPageCache } from "../web/page-cache/page-cache.server.ts";
import { DashboardPanel } from "../components/dashboard-panel.tsx";
import { FirstSteps } from "../components/first-steps.tsx";
import { renderChart } from "../components/chart/render-chart.server.ts";
import { loadDashboard } from "../web/dashboard/dashboard-data.server.ts";
import { renderCharts } from "../web/dashboard/render-charts.server.ts";
import { loadWorkOverview } from "../web/dashboard/work-data.server.ts";
import {
  DeadlinesOverview,
  PartnerOverviewPanel,
  RoundsOverview,
} from "../components/work-overview.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, user } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    // A function of the viewer, the data and the day (days to deadlines): the page cache may
    // keep it (decisions 037, 076).
    allowPageCache(context, scope, user);
    const docs = await listDocuments({ scope });
    const withYears = await Promise.all(
      docs.map(async (d) => {
        const all = await listReportingYears({ scope, documentId: d.id });
        // The demo's generated years are listed apart, as such (decision 054).
        return {
          id: d.id,
          slug: d.slug,
          title: d.title,
          kind: labelOf("documentKind", d.kind),
          period: `${d.periodStart}–${d.periodEnd}`,
          years: all.filter((y) => !d.exampleYears.includes(y)),
          exampleYears: all.filter((y) => d.exampleYears.includes(y)),
        };
      }),
    );
    const institutions = await listInstitutions({ scope });
    const [dashboard, work] = await Promise.all([loadDashboard(scope), loadWorkOverview(scope)]);
    return {
      dashboard: {
        year: dashboard.year,
        charts: renderCharts(dashboard.specs, dashboard.exampleYears),
        movers: dashboard.movers,
        exampleYears: dashboard.exampleYears,
      },
      rounds: work.rounds.map((r) => ({
        roundId: r.roundId,
        documentTitle: r.documentTitle,
        year: r.year,
        deadline: r.deadline,
        daysLeft: r.daysLeft,
        total: r.total,
        behind: r.behind,
        findingsTotal: r.findings.total,
        charts: r.specs.map((spec) => renderChart(spec)),
      })),
      deadlines: work.deadlines.map((d) => ({
        what: d.rule.what,
        recipient: d.rule.recipient,
        basis: d.rule.basis,
        statutory: d.rule.statutory,
        year: d.year,
        date: d.date,
        daysLeft: d.daysLeft,
        documentTitle: d.documentTitle,
      })),
      partner: work.partner && {
        tasks: work.partner.tasks,
        nextDeadline: work.partner.nextDeadline,
        charts: renderCharts(work.partner.specs, work.partner.exampleYears),
        exampleYears: work.partner.exampleYears,
      },
      tenant: { name: scope.tenant.name, teryt: scope.tenant.teryt, slug: scope.tenant.slug },
      documents: withYears,
      institutionCount: institutions.length,
      canImport: canImportReports(scope.actor),
      canViewRounds: canViewRounds(scope.actor),
      hasTasks: await hasTasks(scope),
      canViewOutbox: canViewOutbox(scope.actor),
      firstSteps:
        docs.length === 0
          ? {
              canManageMembers: canManageMembers(scope.actor),
              canImport: canImportReports(scope.actor),
              canEditStrategy: canEditStrategy(scope.actor),
              canManageRounds: canManageRounds(scope.actor),
            }
          : null,
    };
  });
}

function YearLinks({ base, years }: { base: string; years: number[] }) {
  return years.map((y, i) => (
    <span key={y}>
      {i > 0 ? ", " : ""}
      <Link to={`${base}?rok=${y}`}>{y}</Link>
    </span>
  ));
}

export default function TenantHome({ loaderData }: Route.ComponentProps) {
  const { tenant, documents } = loaderData;
  return (
    <>
      <title>{`${tenant.name} — Busola`}</title>
      <PageHeader title={tenant.name} caption={`Kod TERYT ${tenant.teryt}`} />
      {loaderData.partner ? (
        <PartnerOverviewPanel tenantSlug={tenant.slug} partner={loaderData.partner} />
      ) : loaderData.hasTasks ? (
        <p>
          <Link to={`/g/${tenant.slug}/moje-zadania`}>Moje zadania</Link> — karty projektów i
          wartości wskaźników do przekazania
        </p>
      ) : null}
      <RoundsOverview tenantSlug={tenant.slug} rounds={loaderData.rounds} />
      <DeadlinesOverview deadlines={loaderData.deadlines} />
      {loaderData.canViewRounds ? (
        <p>
          <Link to={`/g/${tenant.slug}/sprawozdawczosc`}>Sprawozdawczość</Link> — rundy
          sprawozdawcze, kompletność i sprawdzanie
        </p>
      ) : null}
      {loaderData.firstSteps ? (
        <FirstSteps
          tenantSlug={tenant.slug}
          institutionCount={loaderData.institutionCount}
          {...loaderData.firstSteps}
        />
      ) : null}
      <DashboardPanel tenantSlug={tenant.slug} {...loaderData.dashboard} />
      <h2>Dokumenty strategiczne i programy</h2>
      {documents.length === 0 ? (
        <p>Nie dodano jeszcze żadnego dokumentu.</p>
      ) : (
        <ul className="card-list">
          {documents.map((d) => (
            <li key={d.id} className="card-list__item">
              <h3 className="card-list__title">
                <Link to={`/g/${tenant.slug}/dokumenty/${d.slug}`}>{d.title}</Link>
              </h3>
              <p className="muted">
                {d.kind}, okres {d.period}
              </p>
              {d.years.length > 0 ? (
                <p>
                  Lata sprawozdawcze:{" "}
                  <YearLinks base={`/g/${tenant.slug}/dokumenty/${d.slug}`} years={d.years} />
                </p>
              ) : null}
              {d.exampleYears.length > 0 ? (
                <p>
                  Lata z danymi przykładowymi (wygenerowanymi do demonstracji):{" "}
                  <YearLinks
                    base={`/g/${tenant.slug}/dokumenty/${d.slug}`}
                    years={d.exampleYears}
                  />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/g/${tenant.slug}/instytucje`}>
          Instytucje realizujące ({loaderData.institutionCount})
        </Link>
      </p>
      {loaderData.canViewOutbox ? (
        <p>
          <Link to={`/g/${tenant.slug}/poczta`}>Poczta wychodząca</Link>
        </p>
      ) : null}
      {loaderData.canImport ? (
        <p>
          <Link to={`/g/${tenant.slug}/import`}>Import sprawozdania z pliku (Word, PDF, HTML)</Link>
        </p>
      ) : null}
    </>
  );
}
