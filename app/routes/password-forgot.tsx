import { Form } from "react-router";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/password-forgot";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextField } from "../components/field/field.tsx";
import { requestPasswordReset } from "../domain/auth/password-reset.ts";
import { getServices } from "../services.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

const schema = z.object({
  email: z.string().trim().email("Wpisz poprawny adres e-mail, np. jan.kowalski@mops.pl."),
});

// Public by design: the answer is the same whether the account exists or not.
export async function action({ request }: Route.ActionArgs) {
  return formAction({
    request,
    schema,
    extra: { sent: false },
    act: async (v) => {
      await requestPasswordReset({ db: getServices().db, email: v.email });
      return formDone({ sent: true });
    },
  });
}

export default function PasswordForgot({ actionData }: Route.ComponentProps) {
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  return (
    <main id="main-content" className="container main main--narrow" tabIndex={-1}>
      <title>Nie pamiętasz hasła? — Busola</title>
      <h1>Nie pamiętasz hasła?</h1>
      {actionData?.sent ? (
        <div className="notice" role="status">
          <p>
            Jeśli konto z tym adresem istnieje, wysłaliśmy na nie link do ustawienia nowego hasła.
            Link jest ważny przez godzinę.
          </p>
        </div>
      ) : (
        <>
          <p>
            Podaj adres e-mail konta. Wyślemy na niego jednorazowy link do ustawienia nowego hasła.
          </p>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate>
            <CsrfInput token={root?.csrf ?? ""} />
            <TextField
              name="email"
              label="Adres e-mail"
              type="email"
              autoComplete="username"
              error={errors.find((e) => e.field === "email")?.message}
            />
            <Button>Wyślij link</Button>
          </Form>
        </>
      )}
      <p>
        <a href="/logowanie">Wróć do logowania</a>
      </p>
    </main>
  );
}
