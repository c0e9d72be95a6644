import { Form, redirect } from "react-router";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/password-reset";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextField } from "../components/field/field.tsx";
import { MIN_PASSWORD_LENGTH } from "../domain/auth/password-policy.ts";
import { resetPassword } from "../domain/auth/password-reset.ts";
import { findValidToken } from "../domain/auth/tokens.ts";
import { getServices } from "../services.ts";
import { formAction } from "../web/forms/action.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

const schema = z
  .object({ password: z.string().default(""), password2: z.string().default("") })
  .refine((v) => v.password === v.password2, {
    path: ["password2"],
    message: "Hasła nie są takie same.",
  });

// The link is the credential (single use, one hour); no session is needed.
export async function loader({ params }: Route.LoaderArgs) {
  const row = await findValidToken({
    db: getServices().db,
    token: params.token,
    purpose: "password_reset",
  });
  return { valid: !!row };
}

export async function action({ request, params }: Route.ActionArgs) {
  return formAction({
    request,
    schema,
    field: "password",
    act: async (v) => {
      await resetPassword({ db: getServices().db, token: params.token, password: v.password });
      throw redirect("/logowanie?haslo=1");
    },
  });
}

export default function PasswordReset({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <main id="main-content" className="container main main--narrow" tabIndex={-1}>
      <title>Nowe hasło — Busola</title>
      <h1>Ustaw nowe hasło</h1>
      {!loaderData.valid ? (
        <p>
          Ten link wygasł albo został już użyty. <a href="/haslo">Poproś o nowy link</a>.
        </p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate>
            <CsrfInput token={root?.csrf ?? ""} />
            <TextField
              name="password"
              label="Nowe hasło"
              type="password"
              autoComplete="new-password"
              hint={`Co najmniej ${MIN_PASSWORD_LENGTH} znaków.`}
              error={err("password")}
            />
            <TextField
              name="password2"
              label="Powtórz nowe hasło"
              type="password"
              autoComplete="new-password"
              error={err("password2")}
            />
            <Button>Ustaw hasło</Button>
          </Form>
        </>
      )}
    </main>
  );
}
