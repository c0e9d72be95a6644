import { Form } from "react-router";
import type { Route } from "./+types/outbox";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { Button } from "../components/button/button.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Timestamp } from "../components/timestamp.tsx";
import { listAttempts, resendMessage } from "../domain/mail/delivery.ts";
import { listOutbox } from "../domain/mail/send.ts";
import { labelOf } from "../domain/value-labels.ts";
import { getMailTransport } from "../domain/mail/transport.ts";
import { authorize, canViewOutbox } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { z } from "../web/forms/zod.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";

const resendSchema = z.object({ messageId: z.string().uuid("Wybierz wiadomość z listy.") });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewOutbox(scope.actor), { hide: true });
    const messages = await listOutbox({ db: scope.db, tenantId: scope.tenant.id });
    const attempts = await listAttempts({ db: scope.db, messageIds: messages.map((m) => m.id) });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      smtp: getMailTransport().kind === "smtp",
      messages: messages.map((m) => ({
        id: m.id,
        at: m.createdAt.toISOString(),
        to: m.to,
        subject: m.subject,
        text: m.text,
        status: m.status,
        statusLabel: labelOf("outboxStatus", m.status),
        error: m.error,
        nextAttemptAt: m.status === "queued" ? (m.nextAttemptAt?.toISOString() ?? null) : null,
        sentAt: m.sentAt?.toISOString() ?? null,
        attempts: attempts
          .filter((a) => a.messageId === m.id)
          .map((a) => ({ at: a.at.toISOString(), ok: a.ok, error: a.error })),
      })),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewOutbox(scope.actor));
    return formAction({
      request,
      schema: resendSchema,
      field: "messageId",
      extra: { resent: false },
      act: async (v) => {
        await resendMessage({ scope, messageId: v.messageId });
        return formDone({ resent: true });
      },
    });
  });
}

export default function Outbox({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant } = loaderData;
  const root = useRootData();
  const base = `/g/${tenant.slug}`;
  const failed = loaderData.messages.filter((m) => m.status === "failed").length;
  return (
    <>
      <title>{`Poczta wychodząca — ${tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: tenant.name, to: base }, { label: "Poczta wychodząca" }]} />
      <PageHeader title="Poczta wychodząca" />
      <ErrorSummary errors={actionData?.errors ?? []} />
      {actionData?.resent ? (
        <p className="notice" role="status">
          Wiadomość wróciła do kolejki i zostanie wysłana ponownie.
        </p>
      ) : null}
      <p>
        {loaderData.smtp
          ? "Wiadomości są wysyłane przez serwer SMTP. Gdy serwer odmówi albo zerwie połączenie, Busola ponawia próbę (po 1, 5 i 30 minutach, po 2 i po 6 godzinach); wiadomość, której nie udało się wysłać, można wysłać ponownie."
          : "Nie skonfigurowano serwera SMTP (BUSOLA_SMTP_URL): wiadomości nie wychodzą, tylko trafiają tutaj."}{" "}
        Linki jednorazowe (zaproszenia, ustawienie hasła) są ukryte: działają w imieniu adresata.
        Link zaproszenia widzi tylko zapraszający, zaraz po wysłaniu zaproszenia.
      </p>
      {failed > 0 ? (
        <p className="notice">
          Nie wysłano {failed === 1 ? "1 wiadomości" : `${failed} wiadomości`} — poniżej przyczyna i
          przycisk „Wyślij ponownie”.
        </p>
      ) : null}
      {loaderData.messages.length === 0 ? (
        <p>Brak wiadomości.</p>
      ) : (
        <ol className="card-list">
          {loaderData.messages.map((m) => (
            <li key={m.id} className="card-list__item">
              <h2 className="card-list__title">{m.subject}</h2>
              <p className="muted">
                Do: {m.to}. Utworzono: <Timestamp value={m.at} />. Status: {m.statusLabel}
                {m.sentAt ? (
                  <>
                    {" "}
                    (<Timestamp value={m.sentAt} />)
                  </>
                ) : null}
                {m.nextAttemptAt ? (
                  <>
                    ; następna próba: <Timestamp value={m.nextAttemptAt} />
                  </>
                ) : null}
                .
              </p>
              {m.attempts.length > 0 ? (
                <details>
                  <summary>Próby wysłania: {m.attempts.length}</summary>
                  <ul>
                    {m.attempts.map((a, i) => (
                      <li key={i}>
                        <Timestamp value={a.at} /> —{" "}
                        {a.ok ? "przyjęta przez serwer" : `błąd: ${a.error ?? "nieznany"}`}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {m.status === "failed" ? (
                <Form method="post">
                  <CsrfInput token={root?.csrf ?? ""} />
                  <input type="hidden" name="messageId" value={m.id} />
                  <Button variant="secondary">Wyślij ponownie</Button>
                </Form>
              ) : null}
              <pre className="mail-text">{m.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
