// The first administrator's set-up page: it exists only while there is no administrator.
import { Form, redirect } from "react-router";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/setup";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextField } from "../components/field/field.tsx";
import { Button } from "../components/button/button.tsx";
import { MIN_PASSWORD_LENGTH } from "../domain/auth/password-policy.ts";
import { countSystemAdmins, createUser } from "../domain/users.ts";
import { getServices } from "../services.ts";
import { formAction } from "../web/forms/action.server.ts";
import { notFound } from "../web/auth.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";

const schema = z
  .object({
    name: z.string().trim().min(1, "Wpisz imię i nazwisko."),
    email: z.string().trim().email("Wpisz poprawny adres e-mail, np. jan.kowalski@mops.pl."),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Hasło musi mieć co najmniej ${MIN_PASSWORD_LENGTH} znaków.`),
    password2: z.string(),
  })
  .refine((v) => v.password === v.password2, {
    path: ["password2"],
    message: "Hasła nie są takie same.",
  });

async function requireNoAdmin() {
  if ((await countSystemAdmins(getServices().db)) > 0) throw notFound();
}

export async function loader() {
  await requireNoAdmin();
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  await requireNoAdmin();
  return formAction({
    request,
    schema,
    field: "email",
    act: async (v) => {
      await createUser({ db: getServices().db, ...v, isSystemAdmin: true });
      throw redirect("/logowanie");
    },
  });
}

export default function Setup({ actionData }: Route.ComponentProps) {
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const v = actionData?.values ?? {};
  return (
    <main id="main-content" className="container main main--narrow" tabIndex={-1}>
      <title>Pierwsze uruchomienie — Busola</title>
      <h1>Utwórz konto administratora</h1>
      <p>Ta strona jest dostępna tylko do utworzenia pierwszego administratora.</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <TextField
          name="name"
          label="Imię i nazwisko"
          autoComplete="name"
          defaultValue={v.name}
          error={err("name")}
        />
        <TextField
          name="email"
          label="Adres e-mail"
          type="email"
          autoComplete="username"
          defaultValue={v.email}
          error={err("email")}
        />
        <TextField
          name="password"
          label="Hasło"
          hint={`Co najmniej ${MIN_PASSWORD_LENGTH} znaków.`}
          type="password"
          autoComplete="new-password"
          error={err("password")}
        />
        <TextField
          name="password2"
          label="Powtórz hasło"
          type="password"
          autoComplete="new-password"
          error={err("password2")}
        />
        <Button>Utwórz konto</Button>
      </Form>
    </main>
  );
}
