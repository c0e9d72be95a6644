// An indicator's value for a year: total, contributions per institution, breakdowns,
// last year's value, findings with acknowledgement, and the history of changes.
import { Form, Link } from "react-router";
import { documentCrumb, documentRef } from "../web/views/document-crumb.ts";
import { targetRows } from "../web/views/indicator-target.ts";
import { labelOf } from "../domain/value-labels.ts";
import { z } from "../web/forms/zod.ts";
import { UserInputError } from "../domain/errors.ts";
import type { Route } from "./+types/indicator-value";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { ChangeList } from "../components/change-list.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { FindingsPanel } from "../components/findings-panel.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { SummaryList } from "../components/summary-list/summary-list.tsx";
import { TextField } from "../components/field/field.tsx";
import { listHistory } from "../domain/audit.ts";
import {
  acknowledgeFinding,
  listAcknowledgements,
  withAcknowledgements,
} from "../domain/findings.ts";
import { formatNumber } from "../format/polish-numbers.ts";
import { getIndicatorValue, mayEnterValue } from "../domain/indicator-values/index.ts";
import { listInstitutions } from "../domain/institutions.ts";
import {
  canAcknowledgeFinding,
  canEditStrategy,
  authorize,
  canViewStrategy,
} from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { STALE_FINDING, findingComment } from "../web/forms/fields.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { historyView } from "../web/views/history.ts";
import { parseYear } from "../web/params.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { IndicatorHistory } from "../components/indicator-history.tsx";
import { renderCharts } from "../web/dashboard/render-charts.server.ts";
import { TargetStatusTag } from "../components/target-status/target-status.tsx";
import { ExampleDataTag } from "../components/example-data/example-data.tsx";
import { hasTarget } from "../domain/analytics/target-status.ts";
import { getIndicatorSeries } from "../domain/analytics/indicator-series.ts";
import { indicatorPageSpecs } from "../web/dashboard/dashboard-specs.ts";
import { Button, ButtonLink } from "../components/button/button.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    const year = parseYear(params.year);
    const view = await getIndicatorValue({ scope, indicatorId: params.indicator, year });
    const bundle = view.bundle;
    const acks = bundle
      ? await listAcknowledgements({ scope, entityIds: [bundle.value.id] })
      : new Map();
    const names = new Map(
      (await listInstitutions({ scope, archived: "all" })).map((i) => [
        i.id,
        i.shortName ?? i.name,
      ]),
    );
    const history =
      bundle && bundle.complete ? await listHistory({ scope, entityIds: [bundle.value.id] }) : [];
    const canAck = canAcknowledgeFinding(scope.actor, view.goal.id);
    const series = await getIndicatorSeries({ scope, indicatorId: view.indicator.id });
    const exampleYears = series.points.filter((p) => p.example).map((p) => p.year);
    const thisYear = series.points.find((p) => p.year === year);
    return {
      series: {
        rows: series.points.map((p) => ({
          year: p.year,
          total: p.total,
          approximate: p.approximate,
          complete: p.complete,
          change: p.change,
          status: p.status,
          example: p.example,
        })),
        hasTarget: hasTarget(series.indicator),
        charts: renderCharts(indicatorPageSpecs(series), exampleYears),
      },
      yearStatus: hasTarget(series.indicator) ? (thisYear?.status ?? "no_data") : null,
      exampleYear: thisYear?.example ?? false,
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      year,
      indicator: {
        id: view.indicator.id,
        name: view.indicator.name,
        unit: view.indicator.unit,
        target: view.indicator.target,
      },
      goal: { code: view.goal.code, title: view.goal.title },
      document: documentRef(view.document),
      direction: { code: view.direction.code, title: view.direction.title },
      value: bundle
        ? {
            id: bundle.value.id,
            total: bundle.value.total,
            approximate: bundle.value.approximate,
            remarks: bundle.value.remarks,
            complete: bundle.complete,
            published: bundle.value.published,
            contributions: bundle.contributions,
            breakdowns: bundle.breakdowns,
          }
        : null,
      previousTotal: view.previousTotal,
      targets: targetRows(view.indicator, bundle?.complete ? bundle.value.total : null),
      findings: bundle
        ? withAcknowledgements(bundle.findings, acks.get(bundle.value.id)).map((f) => ({
            ...f,
            acknowledged: f.acknowledged
              ? { ...f.acknowledged, at: f.acknowledged.at.toISOString() }
              : null,
          }))
        : [],
      canAck,
      canEdit: await mayEnterValue({
        scope,
        indicatorId: view.indicator.id,
        year,
        known: { indicator: view.indicator, goalId: view.goal.id, value: bundle?.value ?? null },
      }),
      canEditStructure: canEditStrategy(scope.actor),
      history: historyView(history, names),
    };
  });
}

// Each finding has its own comment field (`comment-<key>`), so ids stay unique on the page.
const ackSchema = findingComment(z.object({}));

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // The page-level gate; the domain checks the record's own policy (canEdit…/canView…).
    authorize(canViewStrategy(scope.actor), { hide: true });
    const year = parseYear(params.year);
    return formAction({
      request,
      schema: ackSchema,
      act: async (v) => {
        const view = await getIndicatorValue({
          scope,
          indicatorId: params.indicator,
          year,
          withPrevious: false,
        });
        const finding = view.bundle?.findings.find((f) => f.key === v.findingKey);
        if (!view.bundle || !finding)
          throw new UserInputError(STALE_FINDING, `comment-${v.findingKey}`, "stale");
        await acknowledgeFinding({
          scope,
          entityType: "indicator_value",
          entityId: view.bundle.value.id,
          goalId: view.goal.id,
          finding,
          comment: v.comment,
        });
        return formDone({});
      },
    });
  });
}

/** "w tym: dorośli 590, dzieci 24; płeć: K 9, M 15" — one group per dimension. */
function describeBreakdowns(
  items: { dimension: string; label: string; value: number | null }[],
): string {
  const groups = new Map<string, string[]>();
  for (const b of items) {
    const name = b.dimension === "of_which" ? "w tym" : labelOf("breakdownDimension", b.dimension);
    groups.set(name, [...(groups.get(name) ?? []), `${b.label} ${show(b.value)}`]);
  }
  return [...groups].map(([name, parts]) => `${name}: ${parts.join(", ")}`).join("; ");
}

function show(n: number | null, approximate = false): string {
  if (n === null) return "—";
  return `${approximate ? "ok. " : ""}${formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2 })}`;
}

export default function IndicatorValuePage({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, indicator, year, value } = loaderData;
  const base = `/g/${tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const change =
    value?.total != null && loaderData.previousTotal != null
      ? value.total - loaderData.previousTotal
      : null;
  return (
    <>
      <title>{`${indicator.name} — ${year} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Dokumenty", to: `${base}/dokumenty` },
          documentCrumb(base, loaderData.document, year),
          { label: `Wskaźnik — ${year}` },
        ]}
      />
      <PageHeader title={indicator.name} caption={`Wartość wskaźnika za rok ${year}`} />
      <ErrorSummary errors={errors} />
      {loaderData.exampleYear ? (
        <p>
          <ExampleDataTag /> Wartości za {year} r. są przykładowe — wygenerowane do demonstracji,
          nie pochodzą ze sprawozdania.
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "Cel strategiczny", value: `${loaderData.goal.code}. ${loaderData.goal.title}` },
          {
            key: "Cel operacyjny / kierunek",
            value: `${loaderData.direction.code} ${loaderData.direction.title}`,
          },
          { key: "Jednostka", value: indicator.unit || "—" },
          {
            key: `Wartość ${year}`,
            value: value
              ? value.complete
                ? show(value.total, value.approximate)
                : "widoczna po zatwierdzeniu przez koordynatora"
              : "brak danych",
          },
          ...loaderData.targets,
          ...(loaderData.yearStatus
            ? [
                {
                  key: `Względem celu w ${year} r.`,
                  value: <TargetStatusTag status={loaderData.yearStatus} />,
                },
              ]
            : []),
          ...(loaderData.previousTotal !== null
            ? [
                {
                  key: `Wartość ${year - 1}`,
                  value: `${show(loaderData.previousTotal)}${change !== null ? ` (zmiana: ${change > 0 ? "+" : ""}${show(change)})` : ""}`,
                },
              ]
            : []),
          ...(value?.remarks ? [{ key: "Uwagi", value: value.remarks }] : []),
        ]}
      />
      {loaderData.canEdit || loaderData.canEditStructure ? (
        <div className="button-group">
          {loaderData.canEdit ? (
            <ButtonLink to={`${base}/wskazniki/${indicator.id}/${year}/edycja`}>
              {value ? "Edytuj wartości" : `Wprowadź wartości za rok ${year}`}
            </ButtonLink>
          ) : null}
          {loaderData.canEditStructure ? (
            <Link to={`${base}/struktura/wskazniki/${indicator.id}`}>
              Zmień definicję wskaźnika
            </Link>
          ) : null}
        </div>
      ) : null}
      <IndicatorHistory unit={indicator.unit} {...loaderData.series} />
      {loaderData.series.rows.length > 0 ? (
        <p>
          <Link to={`${base}/analiza?w=${indicator.id}`}>
            Porównaj z innymi wskaźnikami w analizie wskaźników
          </Link>
        </p>
      ) : null}
      {value ? (
        <>
          <div className="table-wrapper" tabIndex={0}>
            <table className="table">
              <caption className="table__caption">Wartości przekazane przez instytucje</caption>
              <thead>
                <tr>
                  <th scope="col">Instytucja</th>
                  <th scope="col" className="num">
                    Wartość
                  </th>
                  <th scope="col">W tym / podział</th>
                  <th scope="col">Uwagi</th>
                </tr>
              </thead>
              <tbody>
                {value.contributions.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.institutionShort
                        ? `${c.institutionShort} — ${c.institutionName}`
                        : c.institutionName}
                    </td>
                    <td className="num">{show(c.value, c.approximate)}</td>
                    <td>{describeBreakdowns(c.breakdowns) || "—"}</td>
                    <td>{c.note ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {value.breakdowns.length > 0 ? (
            <div className="table-wrapper" tabIndex={0}>
              <table className="table">
                <caption className="table__caption">Podział wartości ogółem</caption>
                <thead>
                  <tr>
                    <th scope="col">Podział</th>
                    <th scope="col">Kategoria</th>
                    <th scope="col" className="num">
                      Wartość
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {value.breakdowns.map((b, i) => (
                    <tr key={i}>
                      <td>{labelOf("breakdownDimension", b.dimension)}</td>
                      <td>{b.label}</td>
                      <td className="num">{show(b.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <FindingsPanel
            findings={loaderData.findings}
            renderAcknowledge={
              loaderData.canAck
                ? (f) =>
                    f.acknowledged ? null : (
                      <Form method="post" className="ack-form">
                        <CsrfInput token={root?.csrf ?? ""} />
                        <input type="hidden" name="findingKey" value={f.key} />
                        <TextField
                          name={`comment-${f.key}`}
                          label="Komentarz do potwierdzenia"
                          error={errors.find((e) => e.field === `comment-${f.key}`)?.message}
                        />
                        <Button variant="secondary">Potwierdź uwagę</Button>
                      </Form>
                    )
                : undefined
            }
          />
          {value.complete ? (
            <>
              <h2>Historia zmian</h2>
              <ChangeList entries={loaderData.history} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
