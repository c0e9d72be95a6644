// The strategy tree of a document for a year, with per-node counts and statuses.
import { Form, Link } from "react-router";
import type { Route } from "./+types/document";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { StatusTag, type TagTone } from "../components/status-tag/status-tag.tsx";
import { SummaryList } from "../components/summary-list/summary-list.tsx";
import { labelInUnit } from "../format/units.ts";
import { labelOf } from "../domain/value-labels.ts";
import { getDocument, listReportingYears } from "../domain/documents.ts";
import { readDocumentLinks, type LinkedDocument } from "../domain/document-links.ts";
import { formatDate, formatNumber } from "../format/polish-numbers.ts";
import { getStrategyTree } from "../domain/strategy-tree.ts";
import {
  authorize,
  canEditStrategy,
  canReviewFindings,
  canViewStrategy,
} from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { cachedRead } from "../web/read-cache.server.ts";
import { allowPageCache } from "../web/page-cache/page-cache.server.ts";
import type { TenantScope } from "../domain/scope.ts";
import { Button } from "../components/button/button.tsx";
import { ExampleDataNotice } from "../components/example-data/example-data.tsx";
import { TargetStatusTag } from "../components/target-status/target-status.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, user } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    // A function of the URL, the viewer and the data: the page cache may keep it (decision 037).
    allowPageCache(context, scope, user);
    const requested = Number(new URL(request.url).searchParams.get("rok"));
    return cachedRead(scope, `document:${params.document}:${requested}`, () =>
      documentPage(scope, params.document, requested),
    );
  });
}

async function documentPage(scope: TenantScope, idOrSlug: string, requested: number) {
  const doc = await getDocument({ scope, idOrSlug });
  const years = await listReportingYears({ scope, documentId: doc.id });
  const year =
    Number.isInteger(requested) && requested > 1990 && requested < 2200
      ? requested
      : (years[0] ?? doc.periodEnd);
  const [tree, links] = await Promise.all([
    getStrategyTree({ scope, documentId: doc.id, year }),
    readDocumentLinks({ scope, documentId: doc.id }),
  ]);
  return {
    tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
    canEdit: canEditStrategy(scope.actor),
    canReviewFindings: canReviewFindings(scope.actor),
    doc: {
      id: doc.id,
      slug: doc.slug,
      title: doc.title,
      kind: labelOf("documentKind", doc.kind),
      period: `${doc.periodStart}–${doc.periodEnd}`,
      resolution: doc.resolutionNumber
        ? `Uchwała nr ${doc.resolutionNumber}${doc.resolutionDate ? ` z dnia ${formatDate(doc.resolutionDate)}` : ""}`
        : null,
    },
    year,
    years: [...new Set([...years, year])].sort((a, b) => b - a),
    exampleYears: doc.exampleYears,
    tree,
    links: LINK_ROWS.map(([key, label]) => ({
      label,
      documents: links[key].map((d) => ({ slug: d.slug, title: linkTitle(d) })),
    })).filter((row) => row.documents.length > 0),
  };
}

/** The document's links, both ways (decision 063), as its summary shows them. */
const LINK_ROWS = [
  ["implementedBy", "Realizowany przez"],
  ["implements", "Realizuje"],
  ["continues", "Kontynuuje"],
  ["continuedBy", "Kontynuowany przez"],
] as const;

function linkTitle(d: LinkedDocument): string {
  return `${d.title} (${d.periodStart}–${d.periodEnd})`;
}

const CARD_TAG: Record<string, { tone: TagTone; label: string }> = {
  carried_out: { tone: "green", label: "zrealizowany" },
  finished: { tone: "green", label: "zakończony" },
  not_carried_out: { tone: "red", label: "niezrealizowany" },
  reported_elsewhere: { tone: "blue", label: "w innym dokumencie" },
  missing: { tone: "grey", label: "brak karty" },
  hidden: { tone: "grey", label: "niedostępna" },
};

type DocumentData = Route.ComponentProps["loaderData"];
type TreeGoal = DocumentData["tree"][number];
type TreeDirection = TreeGoal["directions"][number];
/** What every node of the tree links with: the municipality's base path, the year, edit rights. */
type TreeContext = { base: string; year: number; canEdit: boolean };

function ProjectsTable({ d, at }: { d: TreeDirection; at: TreeContext }) {
  const { base, year } = at;
  if (d.projects.length === 0) return null;
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="table table--compact">
        <caption className="visually-hidden">{`Projekty kierunku ${d.code}`}</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Projekt</th>
            <th scope="col">Karta {year}</th>
            <th scope="col" className="num">
              Uwagi
            </th>
          </tr>
        </thead>
        <tbody>
          {d.projects.map((p) => {
            const tag = CARD_TAG[p.cardStatus]!;
            return (
              <tr key={p.id}>
                <td>{p.symbol}</td>
                <td>
                  <Link to={`${base}/projekty/${p.id}/${year}`}>
                    {p.title || `Projekt bez nazwy ${p.symbol}`.trim()}
                  </Link>
                </td>
                <td>
                  <StatusTag tone={tag.tone}>{tag.label}</StatusTag>
                </td>
                <td className="num">{p.findings}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function IndicatorsTable({ d, at }: { d: TreeDirection; at: TreeContext }) {
  const { base, year } = at;
  if (d.indicators.length === 0) return null;
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="table table--compact">
        <caption className="visually-hidden">{`Wskaźniki kierunku ${d.code}`}</caption>
        <thead>
          <tr>
            <th scope="col">Wskaźnik</th>
            <th scope="col" className="num">
              Wartość {year}
            </th>
            <th scope="col">Stan realizacji celu</th>
            <th scope="col" className="num">
              Uwagi
            </th>
          </tr>
        </thead>
        <tbody>
          {d.indicators.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`${base}/wskazniki/${i.id}/${year}`}>{i.name}</Link>
              </td>
              <td className="num">
                {i.total !== null
                  ? labelInUnit(formatNumber(i.total), i.unit)
                  : i.hasValue
                    ? "—"
                    : "brak danych"}
              </td>
              <td>
                {i.status ? (
                  <TargetStatusTag status={i.status} />
                ) : (
                  <span className="muted">bez wartości docelowej</span>
                )}
              </td>
              <td className="num">{i.findings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DirectionNode({ d, at }: { d: TreeDirection; at: TreeContext }) {
  const { base } = at;
  return (
    <li className="tree__direction">
      <h4>
        {d.code} {d.title}
      </h4>
      {d.actionLines.length > 0 ? (
        <details>
          <summary>Proponowane kierunki działań ({d.actionLines.length})</summary>
          <ul>
            {d.actionLines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <ProjectsTable d={d} at={at} />
      <IndicatorsTable d={d} at={at} />
      {at.canEdit ? (
        <p className="no-print">
          <Link to={`${base}/struktura/kierunki/${d.id}`}>
            Edytuj kierunek<span className="visually-hidden"> {d.code}</span>
          </Link>
          {" · "}
          <Link to={`${base}/struktura/projekty/nowy?kierunek=${d.id}`}>
            Dodaj projekt<span className="visually-hidden"> do kierunku {d.code}</span>
          </Link>
          {" · "}
          <Link to={`${base}/struktura/wskazniki/nowy?kierunek=${d.id}`}>
            Dodaj wskaźnik<span className="visually-hidden"> do kierunku {d.code}</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function GoalNode({ goal, at }: { goal: TreeGoal; at: TreeContext }) {
  const { base } = at;
  return (
    <li className="tree__goal">
      <h3>
        Cel strategiczny {goal.code}. {goal.title}
      </h3>
      {at.canEdit ? (
        <p className="no-print">
          <Link to={`${base}/struktura/cele/${goal.id}`}>
            Edytuj cel<span className="visually-hidden"> {goal.code}</span>
          </Link>
          {" · "}
          <Link to={`${base}/struktura/kierunki/nowy?cel=${goal.id}`}>
            Dodaj kierunek działań
            <span className="visually-hidden"> do celu {goal.code}</span>
          </Link>
        </p>
      ) : null}
      {goal.coordinatorName ? (
        <p className="muted">
          Koordynator: {goal.coordinatorName}
          {goal.coordinatorPosition ? ` — ${goal.coordinatorPosition}` : ""}
        </p>
      ) : null}
      <p>
        Projekty: {goal.counts.projects} (zrealizowane: {goal.counts.carriedOut}, niezrealizowane:{" "}
        {goal.counts.notCarriedOut}
        {goal.counts.reportedElsewhere > 0
          ? `, w innym dokumencie: ${goal.counts.reportedElsewhere}`
          : ""}
        , bez karty: {goal.counts.missing}
        {goal.counts.hidden > 0 ? `, niedostępne: ${goal.counts.hidden}` : ""}); wskaźniki:{" "}
        {goal.counts.indicators};{" "}
        {goal.counts.findings > 0 ? (
          <StatusTag tone="yellow">{`uwagi walidacji: ${goal.counts.findings}`}</StatusTag>
        ) : (
          "bez uwag walidacji"
        )}
      </p>
      <ul className="tree__children">
        {goal.directions.map((d) => (
          <DirectionNode key={d.id} d={d} at={at} />
        ))}
      </ul>
    </li>
  );
}

export default function DocumentPage({ loaderData }: Route.ComponentProps) {
  const { tenant, doc, year, tree } = loaderData;
  const base = `/g/${tenant.slug}`;
  const at = { base, year, canEdit: loaderData.canEdit };
  return (
    <>
      <title>{`${doc.title} — ${year} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Dokumenty", to: `${base}/dokumenty` },
          { label: doc.title },
        ]}
      />
      <PageHeader title={doc.title} caption={`${doc.kind}, ${doc.period}`} />
      <SummaryList
        rows={[
          ...(doc.resolution ? [{ key: "Podstawa", value: doc.resolution }] : []),
          ...loaderData.links.map((row) => ({
            key: row.label,
            value: (
              <ul className="linked-documents">
                {row.documents.map((d) => (
                  <li key={d.slug}>
                    <Link to={`${base}/dokumenty/${d.slug}`}>{d.title}</Link>
                  </li>
                ))}
              </ul>
            ),
          })),
        ]}
      />
      <Form method="get" className="inline-form">
        <label className="label label--inline" htmlFor="rok">
          Rok sprawozdawczy
        </label>{" "}
        <select id="rok" name="rok" defaultValue={String(year)} className="select">
          {loaderData.years.map((y) => (
            <option key={y} value={y}>
              {loaderData.exampleYears.includes(y) ? `${y} (dane przykładowe)` : y}
            </option>
          ))}
        </select>{" "}
        <Button variant="secondary" small>
          Pokaż
        </Button>
      </Form>
      <p>
        <Link to={`${base}/dokumenty/${doc.slug}/raport?rok=${year}`}>
          Sprawozdanie za rok {year} (DOCX, PDF, HTML)
        </Link>
        {loaderData.canReviewFindings ? (
          <>
            {" · "}
            <Link to={`${base}/dokumenty/${doc.slug}/uwagi?rok=${year}`}>
              Uwagi do sprawdzenia za rok {year}
            </Link>
          </>
        ) : null}
      </p>
      {loaderData.canEdit ? (
        <p>
          <Link to={`${base}/struktura/dokumenty/${doc.slug}`}>Edytuj dane dokumentu</Link>
          {" · "}
          <Link to={`${base}/dokumenty/${doc.slug}/nowy-okres`}>
            Rozpocznij nowy okres jako kopię tego dokumentu
          </Link>
        </p>
      ) : null}
      {loaderData.canEdit ? (
        <p>
          <Link to={`${base}/dokumenty/${doc.slug}/publikacja?rok=${year}`}>
            Opublikuj rok {year} na stronie publicznej
          </Link>{" "}
          · <Link to={`${base}/strona-publiczna`}>Ustawienia strony publicznej</Link>
        </p>
      ) : null}
      <h2>Drzewo celów — rok {year}</h2>
      <ExampleDataNotice years={loaderData.exampleYears.includes(year) ? [year] : []} />
      {loaderData.canEdit ? (
        <p>
          <Link to={`${base}/struktura/cele/nowy?dokument=${doc.id}`}>Dodaj cel strategiczny</Link>
        </p>
      ) : null}
      {tree.length === 0 ? <p>Ten dokument nie ma jeszcze celów strategicznych.</p> : null}
      <ul className="tree">
        {tree.map((goal) => (
          <GoalNode key={goal.id} goal={goal} at={at} />
        ))}
      </ul>
    </>
  );
}
