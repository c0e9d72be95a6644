import { Form, Link } from "react-router";
import { labelOf } from "../domain/value-labels.ts";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/round";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { SelectField, TextField } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { RoundStatus, TallyTable } from "../components/round-status.tsx";
import { InstitutionWorkbooks, RoundClosing } from "../components/round-closing.tsx";
import { closeRound, reopenRound, roundHistory } from "../domain/rounds/round-closing.ts";
import { historyView } from "../web/views/history.ts";
import { formatDate } from "../format/polish-dates.ts";
import { daysUntil, describeDaysLeft } from "../domain/rounds/round-dates.ts";
import { invitePartner } from "../domain/rounds/invitations.ts";
import { sendRemindersNow } from "../domain/rounds/reminders.ts";
import {
  addAssignment,
  assignmentOptions,
  getRound,
  removeAssignment,
} from "../domain/rounds/rounds.ts";
import { authorize, canManageRounds, canViewRounds } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import {
  formAction,
  formDone,
  fieldOf,
  UNKNOWN_INTENT,
  type FormAnswer,
} from "../web/forms/action.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";
import { RoundBulkAdd } from "../components/round-bulk-add.tsx";
import { addCardAssignmentsInBulk, roundGoals } from "../domain/rounds/bulk-assignments.ts";

const schema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add"),
      target: z
        .string({ message: "Wybierz kartę projektu albo wskaźnik." })
        .regex(/^(card|contribution):.+$/, "Wybierz kartę projektu albo wskaźnik."),
      institutionId: z.string({ message: "Wybierz instytucję." }).min(1, "Wybierz instytucję."),
    }),
    z.object({
      intent: z.literal("bulk"),
      bulkGoalId: z.string().default(""),
      bulkInstitutionId: z.string().default(""),
    }),
    z.object({ intent: z.literal("remove"), assignmentId: z.string().optional() }),
    z.object({
      intent: z.literal("invite"),
      inviteInstitutionId: z
        .string({ message: "Wybierz instytucję." })
        .min(1, "Wybierz instytucję."),
      email: z
        .string({ message: "Wpisz poprawny adres e-mail, np. jan.kowalski@pup.pl." })
        .trim()
        .email("Wpisz poprawny adres e-mail, np. jan.kowalski@pup.pl."),
      name: z.string().trim().max(200).default(""),
    }),
    z.object({ intent: z.literal("remind") }),
    z.object({ intent: z.literal("close") }),
    z.object({ intent: z.literal("reopen"), reason: z.string().default("") }),
  ],
  { message: UNKNOWN_INTENT },
);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewRounds(scope.actor), { hide: true });
    const view = await getRound({ scope, roundId: params.round });
    const options = view.canManage
      ? await assignmentOptions({ scope, documentId: view.document.id })
      : { targets: [], institutions: [] };
    const goals = view.canManage
      ? (await roundGoals({ scope, documentId: view.document.id })).map((g) => ({
          value: g.id,
          label: `${g.code} ${g.title}`,
        }))
      : [];
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      round: {
        id: view.round.id,
        year: view.round.year,
        deadline: formatDate(view.round.deadline),
        daysLeft: describeDaysLeft(daysUntil(view.round.deadline, view.today)),
        threshold: view.round.changeThreshold,
        open: view.round.status !== "closed",
        version: String(view.round.version),
      },
      history: historyView(await roundHistory({ scope, roundId: view.round.id })),
      document: view.document.title,
      completeness: view.completeness,
      assignments: view.assignments.map((a) => ({
        id: a.id,
        kind: labelOf("assignmentKind", a.kind),
        label: a.kind === "card" ? `${a.symbol ?? ""} ${a.title}` : a.title,
        institution: a.institutionName,
        goal: a.goalCode,
        status: a.status,
        removable: a.status !== "submitted" && a.status !== "accepted",
      })),
      canManage: view.canManage,
      // One workbook per institution with items: a coordinator may prepare it for a partner.
      workbooks: view.canManage
        ? [...new Map(view.assignments.map((a) => [a.institutionId, a.institutionName]))]
            .map(([id, name]) => ({ id, name }))
            .sort((a, b) => a.name.localeCompare(b.name, "pl"))
        : [],
      ...options,
      goals,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManageRounds(scope.actor));
    const done = (message: string) => formDone({ done: message as string | null });
    return formAction({
      request,
      schema,
      extra: { done: null as string | null },
      act: async (v, sent) => {
        const expectedVersion = sent.version ?? 0;
        switch (v.intent) {
          case "close":
            await closeRound({ scope, roundId: params.round, expectedVersion });
            return done("Zamknięto rundę.");
          case "reopen":
            await fieldOf("reason", () =>
              reopenRound({ scope, roundId: params.round, expectedVersion, reason: v.reason }),
            );
            return done("Otwarto rundę ponownie.");
          case "add": {
            const [kind, targetId] = v.target.split(":") as ["card" | "contribution", string];
            await fieldOf("target", () =>
              addAssignment({
                scope,
                roundId: params.round,
                kind,
                targetId,
                institutionId: v.institutionId,
              }),
            );
            return done("Dodano zadanie.");
          }
          case "bulk": {
            const r = await addCardAssignmentsInBulk({
              scope,
              roundId: params.round,
              goalId: v.bulkGoalId || null,
              institutionId: v.bulkInstitutionId || null,
            });
            return done(
              `Dodano zadania: ${r.added}.${r.alreadyThere > 0 ? ` Już w rundzie: ${r.alreadyThere}.` : ""}`,
            );
          }
          case "remove":
            await fieldOf("target", () =>
              removeAssignment({ scope, assignmentId: v.assignmentId ?? "" }),
            );
            return done("Usunięto zadanie.");
          case "invite": {
            const { linkForInviter: link } = await fieldOf("email", () =>
              invitePartner({
                scope,
                institutionId: v.inviteInstitutionId,
                email: v.email,
                name: v.name,
              }),
            );
            return done(
              `Wysłano zaproszenie na adres ${v.email}.` +
                (link
                  ? ` Nie skonfigurowano serwera SMTP, więc wiadomość nie wyszła: przekaż osobie ten jednorazowy link (nie pokażemy go ponownie): ${link}`
                  : ""),
            );
          }
          case "remind": {
            const r = await sendRemindersNow({ scope, roundId: params.round });
            return done(
              r.assignments === 0
                ? "Nie wysłano przypomnień: wszystko przekazano albo przypomnienia wysłano już dziś."
                : `Wysłano przypomnienia: ${r.messages} (pozycje: ${r.assignments}).`,
            );
          }
        }
      },
    });
  });
}

export default function RoundPage({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, round } = loaderData;
  const base = `/g/${tenant.slug}`;
  const a = actionData as FormAnswer<{ done: string | null }> | undefined;
  const errors = a?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const values = a?.values ?? {};
  const csrf = <CsrfInput token={root?.csrf ?? ""} />;
  const title = `Runda ${round.year}`;
  return (
    <>
      <title>{`${title}: ${loaderData.document} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Sprawozdawczość", to: `${base}/sprawozdawczosc` },
          { label: title },
        ]}
      />
      <PageHeader title={title} caption={loaderData.document} />
      {round.open ? null : (
        <p className="notice">
          <strong>Runda zamknięta.</strong> Realizatorzy nie mogą już zmieniać danych.
        </p>
      )}
      <p>
        Termin dla realizatorów: {round.deadline} ({round.daysLeft}). Zmiana względem poprzedniego
        roku większa niż {round.threshold}% wymaga wyjaśnienia.
      </p>
      {a?.done ? (
        <div className="notice" role="status">
          <p>{a.done}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <h2>Kompletność</h2>
      <TallyTable caption="Razem" first="Zakres" rows={[loaderData.completeness.total]} />
      <TallyTable
        caption="Według instytucji"
        first="Instytucja"
        rows={loaderData.completeness.byInstitution}
      />
      <TallyTable caption="Według celów" first="Cel" rows={loaderData.completeness.byGoal} />
      <h2>Zadania</h2>
      {loaderData.assignments.length === 0 ? (
        <p>Brak zadań w tej rundzie.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Kto co przekazuje w tej rundzie</caption>
            <thead>
              <tr>
                <th scope="col">Cel</th>
                <th scope="col">Zadanie</th>
                <th scope="col">Instytucja</th>
                <th scope="col">Status</th>
                {loaderData.canManage ? <th scope="col">Usuń</th> : null}
              </tr>
            </thead>
            <tbody>
              {loaderData.assignments.map((x) => (
                <tr key={x.id}>
                  <td>{x.goal}</td>
                  <td>
                    <Link to={`${base}/sprawozdawczosc/${round.id}/${x.id}`}>{x.label}</Link>{" "}
                    <span className="muted">({x.kind})</span>
                  </td>
                  <td>{x.institution}</td>
                  <td>
                    <RoundStatus status={x.status} />
                  </td>
                  {loaderData.canManage ? (
                    <td>
                      {x.removable ? (
                        <Form method="post">
                          {csrf}
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="assignmentId" value={x.id} />
                          <Button variant="secondary">
                            Usuń
                            <span className="visually-hidden">{` ${x.label} — ${x.institution}`}</span>
                          </Button>
                        </Form>
                      ) : (
                        "—"
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InstitutionWorkbooks base={base} roundId={round.id} workbooks={loaderData.workbooks} />
      <RoundClosing
        open={round.open}
        canManage={loaderData.canManage}
        hidden={(intent) => (
          <>
            {csrf}
            <input type="hidden" name="intent" value={intent} />
            <input type="hidden" name="version" value={a?.version || round.version} />
          </>
        )}
        reason={values.reason}
        reasonError={err("reason")}
        history={loaderData.history}
      />
      {loaderData.canManage && round.open ? (
        <>
          <h2>Dodaj zadanie</h2>
          <Form method="post" noValidate>
            {csrf}
            <input type="hidden" name="intent" value="add" />
            <SelectField
              name="target"
              label="Karta projektu lub wskaźnik"
              placeholder="— wybierz —"
              options={loaderData.targets}
              defaultValue={values.target}
              error={err("target")}
            />
            <SelectField
              name="institutionId"
              label="Instytucja"
              placeholder="— wybierz —"
              options={loaderData.institutions}
              defaultValue={values.institutionId}
              error={err("institutionId")}
            />
            <Button>Dodaj zadanie</Button>
          </Form>
          <RoundBulkAdd
            csrf={csrf}
            goals={loaderData.goals}
            institutions={loaderData.institutions}
            values={values}
            err={err}
          />
          <h2>Zaproś osobę z instytucji</h2>
          <p>Osoba dostanie jednorazowy link, ustawi hasło i zobaczy zadania swojej instytucji.</p>
          <Form method="post" noValidate>
            {csrf}
            <input type="hidden" name="intent" value="invite" />
            <SelectField
              name="inviteInstitutionId"
              label="Instytucja zapraszanej osoby"
              placeholder="— wybierz —"
              options={loaderData.institutions}
              defaultValue={values.inviteInstitutionId}
              error={err("inviteInstitutionId")}
            />
            <TextField
              name="email"
              label="Adres e-mail"
              type="email"
              autoComplete="off"
              defaultValue={values.email}
              error={err("email")}
            />
            <TextField
              name="name"
              label="Imię i nazwisko (opcjonalnie)"
              defaultValue={values.name}
              error={err("name")}
            />
            <Button>Wyślij zaproszenie</Button>
          </Form>
          <h2>Przypomnienia</h2>
          <p>
            Przypomnienia wychodzą same w ustalone dni przed terminem i po nim do instytucji, które
            nie przekazały danych. Możesz też wysłać je teraz.
          </p>
          <Form method="post">
            {csrf}
            <input type="hidden" name="intent" value="remind" />
            <Button variant="secondary">Wyślij przypomnienia teraz</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
