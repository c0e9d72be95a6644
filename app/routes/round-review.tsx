import { Form, Link, redirect } from "react-router";
import { targetRows } from "../web/views/indicator-target.ts";
import { numberInUnit } from "../format/units.ts";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/round-review";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { ConflictNotice } from "../components/conflict-notice.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextArea } from "../components/field/field.tsx";
import { FindingsPanel } from "../components/findings-panel.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { RoundStatus } from "../components/round-status.tsx";
import { SummaryList } from "../components/summary-list/summary-list.tsx";
import { Table } from "../components/table/table.tsx";
import { CARD_FIELD_LABELS, cardFieldText } from "../domain/value-labels.ts";
import { ChangeList } from "../components/change-list.tsx";
import {
  acceptAssignment,
  getReviewItem,
  reopenAssignment,
  returnAssignment,
} from "../domain/rounds/review.ts";
import { authorize, canViewRounds } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import {
  formAction,
  fieldOf,
  UNKNOWN_INTENT,
  type FormAnswer,
} from "../web/forms/action.server.ts";
import { historyView } from "../web/views/history.ts";
import { cardRows, showChange, showNumber } from "../web/views/round-item.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewRounds(scope.actor), { hide: true });
    const item = await getReviewItem({ scope, assignmentId: params.assignment });
    if (item.assignment.roundId !== params.round)
      throw redirect(
        `/g/${scope.tenant.slug}/sprawozdawczosc/${item.assignment.roundId}/${item.assignment.id}`,
      );
    const a = item.assignment;
    const rows =
      item.kind === "card"
        ? cardRows(item.card)
        : [
            {
              key: `Wartość instytucji za ${item.round.year} r.`,
              value: numberInUnit(showNumber(item.contribution?.value), item.indicator.unit),
            },
            {
              key: `Wartość za ${item.round.year - 1} r.`,
              value: numberInUnit(showNumber(item.change.previous), item.indicator.unit),
            },
            { key: "Zmiana", value: showChange(item.change) },
            { key: "Opis instytucji", value: item.contribution?.note ?? "—" },
            // Against the indicator's target: a contribution is a part of the total, so no share.
            ...targetRows(item.indicator, null),
          ];
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      roundId: item.round.id,
      year: item.round.year,
      item: {
        id: a.id,
        title: a.kind === "card" ? `${a.symbol ?? ""} ${a.title}` : a.title,
        kind: a.kind,
        institution: a.institutionName,
        status: a.status,
        version: String(a.version),
        explanation: a.explanation,
        returnComment: a.returnComment,
        needsExplanation: item.kind === "contribution" && item.change.needsExplanation,
      },
      rows,
      differences:
        item.kind === "card"
          ? item.differences.map((d) => ({
              field: CARD_FIELD_LABELS[d.field],
              before: d.before === null ? "—" : (cardFieldText(d.field, d.before) ?? d.before),
              after: d.after === null ? "—" : (cardFieldText(d.field, d.after) ?? d.after),
              same: d.same,
            }))
          : [],
      findings: item.findings,
      history: historyView(item.history),
      canManage: item.canManage,
    };
  });
}

const schema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("accept") }),
    z.object({ intent: z.literal("return"), comment: z.string().default("") }),
    z.object({ intent: z.literal("reopen"), reason: z.string().default("") }),
  ],
  { message: UNKNOWN_INTENT },
);

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewRounds(scope.actor), { hide: true });
    return formAction({
      request,
      schema,
      field: "comment",
      extra: { done: null as string | null },
      act: async (v, sent) => {
        const base = { scope, assignmentId: params.assignment, expectedVersion: sent.version ?? 0 };
        if (v.intent === "accept") await acceptAssignment(base);
        else if (v.intent === "return") await returnAssignment({ ...base, comment: v.comment });
        else await fieldOf("reason", () => reopenAssignment({ ...base, reason: v.reason }));
        throw redirect(
          `/g/${scope.tenant.slug}/sprawozdawczosc/${params.round}/${params.assignment}?zapisano=1`,
        );
      },
    });
  });
}

export default function RoundReview({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, item } = loaderData;
  const base = `/g/${tenant.slug}`;
  const a = actionData as FormAnswer<{ done: string | null }> | undefined;
  const errors = a?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const version = a?.version || item.version;
  const hidden = (intent: string) => (
    <>
      <CsrfInput token={root?.csrf ?? ""} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <>
      <title>{`Sprawdzenie: ${item.title} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Sprawozdawczość", to: `${base}/sprawozdawczosc` },
          {
            label: `Runda ${loaderData.year}`,
            to: `${base}/sprawozdawczosc/${loaderData.roundId}`,
          },
          { label: item.title },
        ]}
      />
      <PageHeader title={item.title} caption={`${item.institution} — rok ${loaderData.year}`} />
      <p>
        Status: <RoundStatus status={item.status} />
      </p>
      {a?.conflict ? <ConflictNotice {...a.conflict} /> : null}
      <ErrorSummary errors={errors} />
      {item.returnComment && item.status === "returned" ? (
        <p>
          <strong>Komentarz do zwrotu:</strong> {item.returnComment}
        </p>
      ) : null}
      <h2>Przekazane dane</h2>
      {loaderData.rows.length === 0 ? (
        <p>Nic jeszcze nie wpisano.</p>
      ) : (
        <SummaryList rows={loaderData.rows} />
      )}
      {item.kind === "contribution" ? (
        <p>
          <strong>Wyjaśnienie zmiany:</strong>{" "}
          {item.explanation ?? (item.needsExplanation ? "brak (wymagane przy przekazaniu)" : "—")}
        </p>
      ) : null}
      {loaderData.differences.length > 0 ? (
        <Table
          caption={`Karta za ${loaderData.year} r. wobec karty za ${loaderData.year - 1} r.`}
          headers={["Pole", `${loaderData.year - 1} r.`, `${loaderData.year} r.`, "Zmiana"]}
        >
          {loaderData.differences.map((d) => (
            <tr key={d.field}>
              <th scope="row">{d.field}</th>
              <td className="preserve-lines">{d.before}</td>
              <td className="preserve-lines">{d.after}</td>
              <td>{d.same ? "bez zmian — ten sam tekst co przed rokiem" : "zmieniono"}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <FindingsPanel findings={loaderData.findings} />
      {item.status === "submitted" ? (
        <>
          <h2>Decyzja</h2>
          <Form method="post">
            {hidden("accept")}
            <Button>Zatwierdź</Button>
          </Form>
          <Form method="post" noValidate>
            {hidden("return")}
            <TextArea
              name="comment"
              label="Co trzeba poprawić"
              hint="Komentarz zobaczy realizator; dostanie też wiadomość e-mail."
              defaultValue={a?.values.comment}
              error={err("comment")}
            />
            <Button variant="secondary">Zwróć do poprawy</Button>
          </Form>
        </>
      ) : null}
      {item.status === "accepted" && loaderData.canManage ? (
        <>
          <h2>Ponowne otwarcie</h2>
          <Form method="post" noValidate>
            {hidden("reopen")}
            <TextArea
              name="reason"
              label="Powód ponownego otwarcia"
              defaultValue={a?.values.reason}
              error={err("reason")}
            />
            <Button variant="secondary">Otwórz ponownie</Button>
          </Form>
        </>
      ) : null}
      <h2>Historia</h2>
      <ChangeList entries={loaderData.history} />
      <p>
        <Link to={`${base}/sprawozdawczosc/${loaderData.roundId}`}>Wróć do rundy</Link>
      </p>
    </>
  );
}
