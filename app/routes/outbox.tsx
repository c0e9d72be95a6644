import type { Route } from "./+types/outbox";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Timestamp } from "../components/timestamp.tsx";
import { listOutbox } from "../domain/mail/send.ts";
import { getMailTransport } from "../domain/mail/transport.ts";
import { authorize, canViewOutbox } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";

const STATUS = {
  outbox: "w skrzynce (bez SMTP)",
  sent: "wysłano",
  failed: "błąd wysyłki",
} as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewOutbox(scope.actor), { hide: true });
    const messages = await listOutbox({ db: scope.db, tenantId: scope.tenant.id });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      smtp: getMailTransport().kind === "smtp",
      messages: messages.map((m) => ({
        id: m.id,
        at: m.createdAt.toISOString(),
        to: m.to,
        subject: m.subject,
        text: m.text,
        status: STATUS[m.status as keyof typeof STATUS] ?? m.status,
        error: m.error,
      })),
    };
  });
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { tenant } = loaderData;
  const base = `/g/${tenant.slug}`;
  return (
    <>
      <title>{`Poczta wychodząca — ${tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: tenant.name, to: base }, { label: "Poczta wychodząca" }]} />
      <PageHeader title="Poczta wychodząca" />
      <p>
        {loaderData.smtp
          ? "Wiadomości są wysyłane przez serwer SMTP; poniżej dziennik wysłanych."
          : "Nie skonfigurowano serwera SMTP (BUSOLA_SMTP_URL): wiadomości nie wychodzą, tylko trafiają tutaj."}{" "}
        Linki jednorazowe (zaproszenia, ustawienie hasła) są ukryte: działają w imieniu adresata.
        Link zaproszenia widzi tylko zapraszający, zaraz po wysłaniu zaproszenia.
      </p>
      {loaderData.messages.length === 0 ? (
        <p>Brak wiadomości.</p>
      ) : (
        <ol className="card-list">
          {loaderData.messages.map((m) => (
            <li key={m.id} className="card-list__item">
              <h2 className="card-list__title">{m.subject}</h2>
              <p className="muted">
                Do: {m.to}. <Timestamp value={m.at} />. Status: {m.status}
                {m.error ? ` (${m.error})` : ""}.
              </p>
              <pre className="mail-text">{m.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
