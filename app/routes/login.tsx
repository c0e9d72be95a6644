import { Form, redirect } from "react-router";
import { UserInputError } from "../domain/errors.ts";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/login";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextField } from "../components/field/field.tsx";
import { signIn } from "../domain/auth/sign-in.ts";
import { countSystemAdmins } from "../domain/users.ts";
import { getServices } from "../services.ts";
import { sessionCookie } from "../web/cookies.server.ts";
import { getSessionUser } from "../web/auth.server.ts";
import { CLIENT_ADDRESS_HEADER } from "../server/http.ts";
import { formAction } from "../web/forms/action.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { safeNext } from "../web/safe-next.ts";
import { Button } from "../components/button/button.tsx";

const schema = z.object({
  email: z.string().default("").pipe(z.string().trim().min(1, "Wpisz adres e-mail.")),
  password: z.string().default("").pipe(z.string().min(1, "Wpisz hasło.")),
  next: z.string().optional(),
  przywroc: z.string().optional(),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (await getSessionUser(request, context))
    throw redirect(safeNext(url.searchParams.get("next")));
  const needsSetup = (await countSystemAdmins(getServices().db)) === 0;
  return {
    next: url.searchParams.get("next") ?? "",
    restore: url.searchParams.get("przywroc") ?? "",
    expired: url.searchParams.get("wygasla") === "1",
    passwordChanged: url.searchParams.get("haslo") === "1",
    needsSetup,
    demo: getServices().config.demo,
  };
}

export async function action({ request }: Route.ActionArgs) {
  return formAction({
    request,
    schema,
    field: "email",
    act: async (v) => {
      const { config, db } = getServices();
      const result = await signIn({
        db,
        email: v.email,
        password: v.password,
        clientAddress: request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown",
        limit: config.login,
        sessionHours: config.sessionHours,
      });
      if (!result.ok)
        throw new UserInputError(
          result.message,
          "email",
          result.reason === "locked" ? "too_many" : "invalid",
          result.reason === "locked" ? result.retryAfterSeconds : undefined,
        );
      // The session cookie lives as long as the browser; the server expires and renews the session.
      let target = safeNext(v.next);
      if (v.przywroc)
        target += `${target.includes("?") ? "&" : "?"}przywroc=${encodeURIComponent(v.przywroc)}`;
      throw redirect(target, {
        headers: { "Set-Cookie": await sessionCookie().serialize(result.token) },
      });
    },
  });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const errors = actionData?.errors ?? [];
  const errorFor = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <main id="main-content" className="container main main--narrow" tabIndex={-1}>
      <title>Logowanie — Busola</title>
      <p className="caption">Busola — monitoring strategii i programów polityki społecznej</p>
      <h1>Zaloguj się</h1>
      {loaderData.expired ? (
        <div className="notice" role="status">
          <p>
            Twoja sesja wygasła. Zaloguj się ponownie — wrócisz na tę samą stronę
            {loaderData.restore
              ? ", a formularz zostanie wypełniony wpisanymi wcześniej danymi"
              : ""}
            .
          </p>
        </div>
      ) : null}
      {loaderData.passwordChanged ? (
        <div className="notice" role="status">
          <p>Ustawiono nowe hasło. Zaloguj się nim.</p>
        </div>
      ) : null}
      {loaderData.needsSetup ? (
        <p>
          Nie ma jeszcze administratora. <a href="/konfiguracja">Utwórz konto administratora</a>.
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <input type="hidden" name="next" value={loaderData.next} />
        {loaderData.restore ? (
          <input type="hidden" name="przywroc" value={loaderData.restore} />
        ) : null}
        <TextField
          name="email"
          label="Adres e-mail"
          type="email"
          autoComplete="username"
          defaultValue={actionData?.values.email?.trim()}
          error={errorFor("email")}
          spellCheck={false}
        />
        <TextField
          name="password"
          label="Hasło"
          type="password"
          autoComplete="current-password"
          error={errorFor("password")}
        />
        <Button>Zaloguj się</Button>
      </Form>
      <p>
        <a href="/haslo">Nie pamiętasz hasła?</a>
      </p>
      {loaderData.demo ? (
        <p className="hint">
          Wersja demonstracyjna: konta wypisane w konsoli przy starcie, np.
          koordynator@ruda-slaska.demo, hasło <code>busola-demo</code>.
        </p>
      ) : null}
    </main>
  );
}
