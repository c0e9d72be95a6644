// A project's card for a year: fields, institutions, budget, findings (with acknowledgement)
// and the history of changes.
import { Form, Link } from "react-router";
import { documentCrumb, documentRef } from "../web/views/document-crumb.ts";
import { z } from "../web/forms/zod.ts";
import { UserInputError } from "../domain/errors.ts";
import type { Route } from "./+types/project-card";
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
import { formatMoney, formatPercent } from "../format/polish-numbers.ts";
import { CARD_FIELDS, CARD_FIELD_LABELS, getProjectCard } from "../domain/project-cards.ts";
import { cardFieldText } from "../domain/value-labels.ts";
import {
  canAcknowledgeFinding,
  canEditStrategy,
  authorize,
  canViewStrategy,
} from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { cachedRead } from "../web/read-cache.server.ts";
import { allowPageCache } from "../web/page-cache/page-cache.server.ts";
import type { TenantScope } from "../domain/scope.ts";
import { STALE_FINDING, findingComment } from "../web/forms/fields.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { historyView } from "../web/views/history.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { parseYear } from "../web/params.server.ts";
import { Button, ButtonLink } from "../components/button/button.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, user } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // The page-level gate; the domain checks the record's own policy (canEdit…/canView…).
    authorize(canViewStrategy(scope.actor), { hide: true });
    // A function of the URL, the viewer and the data: the page cache may keep it (decision 037).
    allowPageCache(context, scope, user);
    const year = parseYear(params.year);
    return cachedRead(scope, `card:${params.project}:${year}`, () =>
      cardPage(scope, params.project, year),
    );
  });
}

async function cardPage(scope: TenantScope, projectId: string, year: number) {
  const view = await getProjectCard({ scope, projectId, year });
  const entityIds = [...(view.card ? [view.card.id] : []), ...view.budgets.map((b) => b.id)];
  const acks = await listAcknowledgements({ scope, entityIds });
  // This year's card and budgets only: other years' cards may not be visible to this actor.
  const history = await listHistory({ scope, entityIds });
  const canAck = canAcknowledgeFinding(scope.actor, view.goal.id);
  return {
    tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
    year,
    project: {
      id: view.project.id,
      symbol: view.project.symbol,
      title: view.project.title,
      sinceYear: view.project.sinceYear,
    },
    goal: { code: view.goal.code, title: view.goal.title },
    document: documentRef(view.document),
    direction: { code: view.direction.code, title: view.direction.title },
    institutions: view.links.map((l) => ({
      name: l.institution.name,
      role: l.role === "lead" ? "realizator wiodący" : "partner",
    })),
    card: view.card
      ? CARD_FIELDS.map((f) => ({
          field: f,
          label: CARD_FIELD_LABELS[f],
          value: cardFieldText(f, view.card![f]),
        })).filter((r) => r.value !== null)
      : null,
    cardId: view.card?.id ?? null,
    years: view.years,
    findings: withAcknowledgements(
      view.findings,
      view.card ? acks.get(view.card.id) : undefined,
    ).map((f) => ({
      ...f,
      acknowledged: f.acknowledged
        ? { ...f.acknowledged, at: f.acknowledged.at.toISOString() }
        : null,
    })),
    budgets: view.budgets.map((b) => ({
      ...b,
      findings: withAcknowledgements(b.findings, acks.get(b.id)).map((f) => ({
        ...f,
        acknowledged: f.acknowledged
          ? { ...f.acknowledged, at: f.acknowledged.at.toISOString() }
          : null,
      })),
    })),
    canEdit: view.canEdit,
    canEditStructure: canEditStrategy(scope.actor),
    canAck,
    history: historyView(history),
  };
}

// Each finding has its own comment field (`comment-<key>`), so ids stay unique on the page.
const ackSchema = findingComment(
  z.object({ entity: z.enum(["project_card", "budget"]), entityId: z.uuid() }),
);

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // The page-level gate; acknowledgeFinding checks canAcknowledgeFinding.
    authorize(canViewStrategy(scope.actor), { hide: true });
    const year = parseYear(params.year);
    return formAction({
      request,
      schema: ackSchema,
      act: async (v) => {
        const field = `comment-${v.findingKey}`;
        const view = await getProjectCard({ scope, projectId: params.project, year });
        const findings =
          v.entity === "project_card" && view.card?.id === v.entityId
            ? view.findings
            : (view.budgets.find((b) => b.id === v.entityId)?.findings ?? []);
        const finding = findings.find((f) => f.key === v.findingKey);
        if (!finding) throw new UserInputError(STALE_FINDING, field, "stale");
        await acknowledgeFinding({
          scope,
          entityType: v.entity,
          entityId: v.entityId,
          goalId: view.goal.id,
          finding,
          comment: v.comment,
        });
        return formDone({});
      },
    });
  });
}

export default function ProjectCardPage({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, project, year } = loaderData;
  const base = `/g/${tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const ackForm = (entity: "project_card" | "budget", entityId: string) =>
    loaderData.canAck
      ? (f: { key: string; acknowledged?: unknown }) =>
          f.acknowledged ? null : (
            <Form method="post" className="ack-form">
              <CsrfInput token={root?.csrf ?? ""} />
              <input type="hidden" name="entity" value={entity} />
              <input type="hidden" name="entityId" value={entityId} />
              <input type="hidden" name="findingKey" value={f.key} />
              <TextField
                name={`comment-${f.key}`}
                label="Komentarz do potwierdzenia"
                error={errors.find((e) => e.field === `comment-${f.key}`)?.message}
              />
              <Button variant="secondary" name="comment-submit">
                Potwierdź uwagę
              </Button>
            </Form>
          )
      : undefined;
  return (
    <>
      <title>{`${project.title} [${project.symbol}] — ${year} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Dokumenty", to: `${base}/dokumenty` },
          documentCrumb(base, loaderData.document, year),
          { label: `${project.symbol} — karta ${year}` },
        ]}
      />
      <PageHeader
        title={`${project.title} [${project.symbol}]`}
        caption={`Karta projektu za rok ${year}`}
      />
      <ErrorSummary errors={errors} />
      <SummaryList
        rows={[
          { key: "Cel strategiczny", value: `${loaderData.goal.code}. ${loaderData.goal.title}` },
          {
            key: "Kierunek działań",
            value: `${loaderData.direction.code} ${loaderData.direction.title}`,
          },
          {
            key: "Instytucje",
            value: loaderData.institutions.map((i) => `${i.name} (${i.role})`).join("; ") || "—",
          },
          ...(project.sinceYear
            ? [{ key: "Realizowany od", value: `${project.sinceYear} r.` }]
            : []),
        ]}
      />
      {loaderData.years.length > 1 ? (
        <p>
          Inne lata:{" "}
          {loaderData.years
            .filter((y) => y !== year)
            .map((y, i) => (
              <span key={y}>
                {i > 0 ? ", " : ""}
                <Link to={`${base}/projekty/${project.id}/${y}`}>{y}</Link>
              </span>
            ))}
        </p>
      ) : null}
      {loaderData.canEdit ? (
        <div className="button-group">
          <ButtonLink to={`${base}/projekty/${project.id}/${year}/edycja`}>
            {loaderData.card ? "Edytuj kartę" : `Utwórz kartę za rok ${year}`}
          </ButtonLink>
          {loaderData.canEditStructure ? (
            <Link to={`${base}/struktura/projekty/${project.id}`}>
              Zmień nazwę, symbol lub instytucje projektu
            </Link>
          ) : null}
        </div>
      ) : null}
      <h2>Karta projektu</h2>
      {loaderData.card ? (
        <dl className="summary-list">
          {loaderData.card.map((row) => (
            <div className="summary-list__row" key={row.field}>
              <dt className="summary-list__key">{row.label}</dt>
              <dd className="summary-list__value preserve-lines">{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>Nie ma jeszcze karty tego projektu za rok {year}.</p>
      )}
      {loaderData.card ? (
        <FindingsPanel
          findings={loaderData.findings}
          renderAcknowledge={ackForm("project_card", loaderData.cardId!)}
        />
      ) : null}
      <h2>Budżet</h2>
      {loaderData.canEdit ? (
        <p className="no-print">
          <Link to={`${base}/projekty/${project.id}/${year}/budzet`}>
            Edytuj budżet na rok {year}
          </Link>
          {" · "}
          <Link to={`${base}/projekty/${project.id}/${year}/budzet?zakres=calosc`}>
            Edytuj budżet całego projektu
          </Link>
        </p>
      ) : null}
      {loaderData.budgets.length === 0 ? <p>Brak danych o budżecie.</p> : null}
      {loaderData.budgets.map((b) => (
        <section key={b.id}>
          <div className="table-wrapper" tabIndex={0}>
            <table className="table">
              <caption className="table__caption">
                {b.year ? `Budżet na rok ${b.year}` : "Budżet całego projektu"}
                {b.total !== null ? ` — ogółem ${formatMoney(b.total)}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Źródło finansowania</th>
                  <th scope="col" className="num">
                    Kwota
                  </th>
                  <th scope="col" className="num">
                    Udział podany
                  </th>
                </tr>
              </thead>
              <tbody>
                {b.parts.map((p, i) => (
                  <tr key={i}>
                    <td>{p.sourceLabel}</td>
                    <td className="num">{p.amount !== null ? formatMoney(p.amount) : "—"}</td>
                    <td className="num">{p.percent !== null ? formatPercent(p.percent) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <FindingsPanel
            findings={b.findings}
            headingLevel={3}
            renderAcknowledge={ackForm("budget", b.id)}
          />
        </section>
      ))}
      <h2>Historia zmian</h2>
      <ChangeList entries={loaderData.history} />
    </>
  );
}
