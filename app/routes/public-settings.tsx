// The municipality's settings of its public pages: the accessibility statement's entity,
// contact details, dates and the architectural accessibility of the seat.
import { data, Form, redirect } from "react-router";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/public-settings";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextArea, TextField } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { statementPath } from "../components/public/paths.ts";
import { ConflictError } from "../domain/errors.ts";
import { getPublicSettings, savePublicSettings } from "../domain/publication/settings.ts";
import { authorize, canPublish } from "../policies/index.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { Button } from "../components/button/button.tsx";
import { optionalDate, DATE_HINT } from "../web/forms/fields.ts";

const text = z
  .string()
  .max(4000)
  .transform((s) => s.trim() || null);
const day = optionalDate("Wpisz datę, np. 25.03.2021.");
const schema = z.object({
  version: z.coerce.number().int().min(0),
  entityName: text,
  contactName: text,
  contactEmail: z
    .string()
    .trim()
    .refine(
      (s) => s === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(s),
      "Podaj poprawny adres e-mail, np. dostepnosc@gmina.pl.",
    )
    .transform((s) => s || null),
  contactPhone: text,
  address: text,
  architecturalAccessibility: text,
  sitePublishedOn: day,
  siteUpdatedOn: day,
  statementPreparedOn: day,
});

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canPublish(scope.actor), { hide: true });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      settings: await getPublicSettings({ scope }),
      saved: new URL(request.url).searchParams.get("zapisano") === "1",
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canPublish(scope.actor), { hide: true });
    const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) {
      return data(
        {
          errors: parsed.error.issues.map((i) => ({
            field: String(i.path[0] ?? ""),
            message: i.message,
          })),
        },
        { status: 400 },
      );
    }
    const { version, ...values } = parsed.data;
    try {
      await savePublicSettings({ scope, values, expectedVersion: version });
    } catch (error) {
      if (error instanceof ConflictError)
        return data({ errors: [{ field: "entityName", message: error.message }] }, { status: 409 });
      throw error;
    }
    return redirect(`/g/${scope.tenant.slug}/strona-publiczna?zapisano=1`);
  });
}

export default function PublicSettingsPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const s = d.settings;
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`Strona publiczna — ${d.tenant.name} — Busola`}</title>
      <PageHeader title="Strona publiczna: deklaracja dostępności" />
      <ErrorSummary errors={errors} />
      {d.saved ? (
        <p className="notice" role="status">
          Zapisano. <a href={statementPath(d.tenant.slug)}>Zobacz deklarację dostępności</a>.
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <input type="hidden" name="version" value={s.version} />
        <TextField
          name="entityName"
          label="Podmiot publiczny"
          hint="np. Miejski Ośrodek Pomocy Społecznej w …"
          defaultValue={s.entityName}
          error={err("entityName")}
        />
        <TextField
          name="contactName"
          label="Osoba do kontaktu w sprawie dostępności"
          defaultValue={s.contactName}
          error={err("contactName")}
        />
        <TextField
          name="contactEmail"
          type="email"
          label="Adres e-mail"
          defaultValue={s.contactEmail}
          error={err("contactEmail")}
        />
        <TextField
          name="contactPhone"
          type="tel"
          label="Telefon"
          defaultValue={s.contactPhone}
          error={err("contactPhone")}
        />
        <TextField
          name="address"
          label="Adres siedziby"
          defaultValue={s.address}
          error={err("address")}
        />
        <TextArea
          name="architecturalAccessibility"
          label="Dostępność architektoniczna"
          hint="Wejścia, windy, miejsca parkingowe, pętle indukcyjne, tłumacz języka migowego."
          defaultValue={s.architecturalAccessibility}
          error={err("architecturalAccessibility")}
        />
        <TextField
          name="sitePublishedOn"
          type="date"
          hint={DATE_HINT}
          label="Data publikacji strony"
          defaultValue={s.sitePublishedOn}
          error={err("sitePublishedOn")}
        />
        <TextField
          name="siteUpdatedOn"
          type="date"
          hint={DATE_HINT}
          label="Data ostatniej istotnej aktualizacji"
          defaultValue={s.siteUpdatedOn}
          error={err("siteUpdatedOn")}
        />
        <TextField
          name="statementPreparedOn"
          type="date"
          hint={DATE_HINT}
          label="Data sporządzenia deklaracji"
          defaultValue={s.statementPreparedOn}
          error={err("statementPreparedOn")}
        />
        <Button>Zapisz</Button>
      </Form>
    </main>
  );
}
