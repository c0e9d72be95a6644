// The pages `npm run bench:scale` measures, each as its route's loader reads it: the same
// domain (and app/web data) functions in the same order, without HTTP and without rendering
// (charts and HTML are the process's CPU, not the database's; bench:server measures those).
// Every call resolves the tenant scope as a request does (findTenantWithActor). Each run picks
// another municipality, so per-tenant caches (the read cache) rarely help.
import type { Db } from "../../app/db/client.ts";
import { findEndpoint, endpointPage } from "../../app/api/endpoints.ts";
import { readComparison } from "../../app/domain/comparison/comparison.ts";
import { readDocumentLinks } from "../../app/domain/document-links.ts";
import { getDocument, listDocuments, listReportingYears } from "../../app/domain/documents.ts";
import { listAcknowledgements } from "../../app/domain/findings.ts";
import { listHistory } from "../../app/domain/audit.ts";
import { getIndicatorSeries } from "../../app/domain/analytics/indicator-series.ts";
import { getIndicatorValue, mayEnterValue } from "../../app/domain/indicator-values/index.ts";
import { listInstallation } from "../../app/domain/installation-overview.ts";
import { listInstitutions } from "../../app/domain/institutions.ts";
import { loadAllPublications, publicationStamp } from "../../app/domain/open-data/source.ts";
import { hasTasks } from "../../app/domain/rounds/partner-work.ts";
import type { TenantScope } from "../../app/domain/scope.ts";
import { getStrategyTree } from "../../app/domain/strategy-tree.ts";
import { findTenantWithActor } from "../../app/domain/tenants.ts";
import { loadDashboard } from "../../app/web/dashboard/dashboard-data.server.ts";
import { loadWorkOverview } from "../../app/web/dashboard/work-data.server.ts";
import { loadExplorer } from "../../app/web/explorer/explorer-data.server.ts";
import { dashboardBaseline } from "./dashboard-baseline.ts";
import { DOCUMENTS, MAPPED_CODES, municipalities, structure, type Shape } from "./shape.ts";

export type Page = {
  name: string;
  /** Reads every municipality by design: its sequential scans are reported, not failed. */
  wholeInstallation?: boolean;
  /** The reads `baselineOf` made before a change: printed as a ratio, never a goal. */
  baselineOf?: string;
  /** Only at one connection (a command, not a page). */
  single?: boolean;
  run: (db: Db, n: number) => Promise<unknown>;
};

const MIN_COUNT = 3;
const VOIVODESHIP_CODES = ["02", "12", "14", "24", "30"];
/** The API handler's answer cache (cachedAnswer in app/api/handler.server.ts), per stamp. */
const answers = new Map<string, string>();

/** One mapped code's comparison, as the public page reads it. */
function comparisonOf(db: Db, n: number, filter?: { voivodeship: string }) {
  const code = MAPPED_CODES[n % MAPPED_CODES.length]!;
  return readComparison({ db, actor: null, code, minCount: MIN_COUNT, filter });
}

/** The tenant home's reads, with the dashboard's own part given (today's or the baseline). */
async function tenantHome(scope: TenantScope, dashboard: (scope: TenantScope) => Promise<unknown>) {
  const docs = await listDocuments({ scope });
  await Promise.all(docs.map((d) => listReportingYears({ scope, documentId: d.id })));
  await listInstitutions({ scope });
  await Promise.all([dashboard(scope), loadWorkOverview(scope)]);
  return hasTasks(scope);
}

export function pages(shape: Shape): Page[] {
  const all = municipalities(shape.municipalities);
  const lastYear = shape.years.at(-1)!;
  const pick = (n: number) => {
    // A stride that is prime to the count visits every municipality before repeating.
    const t = (n * 7919) % all.length;
    return { t, m: all[t]!, ids: structure(shape, t) };
  };
  const scopeOf = async (db: Db, n: number): Promise<{ scope: TenantScope; t: number }> => {
    const { t, m, ids } = pick(n);
    const user = {
      sessionId: "",
      userId: ids.user,
      email: `koordynator-${m.teryt}@scale.busola`,
      name: `Koordynator ${m.name}`,
      isSystemAdmin: false,
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    const found = await findTenantWithActor(db, m.slug, user);
    if (!found) throw new Error(`no municipality ${m.slug}`);
    return { scope: { db, tenant: found.tenant, actor: found.actor }, t };
  };
  return [
    {
      name: "dashboard (tenant home)",
      run: async (db, n) => tenantHome((await scopeOf(db, n)).scope, loadDashboard),
    },
    {
      // Five municipalities over and over: the dashboard's figures and the findings come from
      // the per-data-version cache after the first visit (a repeat visit, no change between).
      name: "dashboard (repeat visit)",
      run: async (db, n) => tenantHome((await scopeOf(db, n % 5)).scope, loadDashboard),
    },
    {
      name: "dashboard before 072 (baseline)",
      baselineOf: "dashboard (tenant home)",
      run: async (db, n) => tenantHome((await scopeOf(db, n)).scope, dashboardBaseline),
    },
    {
      name: "tree (document page)",
      run: async (db, n) => {
        const { scope } = await scopeOf(db, n);
        const doc = await getDocument({
          scope,
          idOrSlug: n % DOCUMENTS === 0 ? "strategia" : "program-przemoc",
        });
        const years = await listReportingYears({ scope, documentId: doc.id });
        const year = years[0] ?? doc.periodEnd;
        return Promise.all([
          getStrategyTree({ scope, documentId: doc.id, year }),
          readDocumentLinks({ scope, documentId: doc.id }),
        ]);
      },
    },
    {
      name: "indicator page",
      run: async (db, n) => {
        const { scope, t } = await scopeOf(db, n);
        const ids = structure(shape, t);
        const year = shape.years[n % shape.years.length]!;
        const view = await getIndicatorValue({
          scope,
          indicatorId: ids.indicator(n % ids.indicators),
          year,
        });
        const bundle = view.bundle;
        if (bundle) await listAcknowledgements({ scope, entityIds: [bundle.value.id] });
        await listInstitutions({ scope, archived: "all" });
        if (bundle?.complete) await listHistory({ scope, entityIds: [bundle.value.id] });
        await getIndicatorSeries({ scope, indicatorId: view.indicator.id });
        return mayEnterValue({ scope, indicatorId: view.indicator.id, year });
      },
    },
    {
      name: "explorer query",
      run: async (db, n) => {
        const { scope, t } = await scopeOf(db, n);
        const ids = structure(shape, t);
        const url = new URL("http://bench/g/x/analiza");
        for (let k = 0; k < 5; k++)
          url.searchParams.append("w", ids.indicator((n + k * 37) % ids.indicators));
        url.searchParams.set("od", String(shape.years[0]));
        url.searchParams.set("do", String(lastYear));
        url.searchParams.append("podzial", "sex");
        return loadExplorer(scope, url);
      },
    },
    {
      name: "comparison page",
      // One code across every municipality that publishes it (and their populations).
      wholeInstallation: true,
      run: (db, n) => comparisonOf(db, n),
    },
    {
      name: "comparison, one voivodeship",
      // The page narrowed as a resident would (decision 075): one voivodeship, every year.
      wholeInstallation: true,
      run: (db, n) =>
        comparisonOf(db, n, { voivodeship: VOIVODESHIP_CODES[n % VOIVODESHIP_CODES.length]! }),
    },
    {
      name: "public API list (wskazniki)",
      wholeInstallation: true,
      run: async (db) => {
        // As routes/api/list.ts through publicGet: the stamp on every request, the answer
        // built once per stamp (the first run, "first ms", is that build) and then kept.
        const stamp = await publicationStamp(db);
        let body = answers.get(stamp);
        if (!body) {
          const everything = await loadAllPublications({ db, stamp, minCount: MIN_COUNT });
          const url = new URL("http://bench/api/v1/wskazniki?limit=100");
          const page = endpointPage(findEndpoint("wskazniki")!, everything, { limit: 100 }, url);
          body = JSON.stringify(page);
          answers.set(stamp, body);
        }
        return body;
      },
    },
    {
      name: "busola list --json (in process)",
      wholeInstallation: true,
      single: true,
      run: async (db) => JSON.stringify(await listInstallation({ db }), null, 2),
    },
  ];
}
