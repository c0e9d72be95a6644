// "Nowa gmina": the system administrator creates a municipality, then is sent to its home,
// whose "first steps" begin with adding the coordinator (import issue, item 9).
import { Form, redirect } from "react-router";
import type { Route } from "./+types/municipality-new";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { SelectField, TextField } from "../components/field/field.tsx";
import { Button } from "../components/button/button.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { createMunicipality } from "../domain/municipality-setup.ts";
import { TENANT_KINDS } from "../domain/tenants.ts";
import { authorize, canCreateMunicipality } from "../policies/index.ts";
import { getServices } from "../services.ts";
import { requireUser, run } from "../web/auth.server.ts";
import { formAction } from "../web/forms/action.server.ts";
import { z } from "../web/forms/zod.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";

const kinds = Object.keys(TENANT_KINDS) as [
  keyof typeof TENANT_KINDS,
  ...(keyof typeof TENANT_KINDS)[],
];

const schema = z.object({
  teryt: z
    .string()
    .trim()
    .regex(/^\d{7}$/u, "Kod TERYT ma 7 cyfr, np. 2472011 (Ruda Śląska)."),
  name: z.string().trim().min(2, "Wpisz nazwę gminy, np. Ruda Śląska.").max(200),
  slug: z.string().trim().toLowerCase().min(2, "Wpisz adres, np. ruda-slaska.").max(80),
  kind: z.enum(kinds, { message: "Wybierz rodzaj jednostki." }),
  welfareCentreName: z
    .string()
    .trim()
    .max(300)
    .transform((v) => (v === "" ? null : v)),
});

async function requireAdmin(request: Request, context: Route.LoaderArgs["context"]) {
  const user = await requireUser(request, context);
  await run(async () => authorize(canCreateMunicipality(user), { hide: true }));
  return user;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(request, context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireAdmin(request, context);
  return formAction({
    request,
    schema,
    field: "teryt",
    act: async (fields) => {
      const tenant = await createMunicipality({
        db: getServices().db,
        actor: { userId: user.userId, name: user.name, isSystemAdmin: true, membership: null },
        fields,
      });
      throw redirect(`/g/${tenant.slug}`);
    },
  });
}

export default function MunicipalityNew({ actionData }: Route.ComponentProps) {
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const v = (actionData?.values ?? {}) as Record<string, string | undefined>;
  return (
    <main id="main-content" className="container main main--narrow" tabIndex={-1}>
      <title>Nowa gmina — Busola</title>
      <Breadcrumbs items={[{ label: "Twoje gminy", to: "/pulpit" }, { label: "Nowa gmina" }]} />
      <PageHeader title="Nowa gmina" />
      <p>
        Po utworzeniu gminy przejdziesz do jej strony z pierwszymi krokami: dodasz koordynatora,
        instytucje i pierwszy dokument.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <TextField
          name="teryt"
          label="Kod TERYT"
          hint="7 cyfr z rejestru TERC, np. 2472011 dla Rudy Śląskiej."
          error={err("teryt")}
          defaultValue={v.teryt}
          width={10}
          required
        />
        <TextField
          name="name"
          label="Nazwa gminy lub powiatu"
          hint="W mianowniku, np. Ruda Śląska."
          error={err("name")}
          defaultValue={v.name}
          required
        />
        <SelectField
          name="kind"
          label="Rodzaj jednostki"
          options={Object.entries(TENANT_KINDS).map(([value, label]) => ({ value, label }))}
          placeholder="Wybierz"
          error={err("kind")}
          defaultValue={v.kind}
          required
        />
        <TextField
          name="slug"
          label="Adres w systemie"
          hint="Małe litery bez polskich znaków, cyfry i łączniki, np. ruda-slaska — stanie się częścią adresów stron."
          error={err("slug")}
          defaultValue={v.slug}
          required
        />
        <TextField
          name="welfareCentreName"
          label="Ośrodek pomocy społecznej (nieobowiązkowe)"
          hint="Np. Miejski Ośrodek Pomocy Społecznej w Rudzie Śląskiej."
          error={err("welfareCentreName")}
          defaultValue={v.welfareCentreName}
        />
        <Button>Utwórz gminę</Button>
      </Form>
    </main>
  );
}
