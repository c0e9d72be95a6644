import { Form, redirect } from "react-router";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/invitation";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextField } from "../components/field/field.tsx";
import { MIN_PASSWORD_LENGTH } from "../domain/auth/password-policy.ts";
import { createSession } from "../domain/auth/sessions.ts";
import { acceptInvitation, describeInvitation } from "../domain/rounds/invitations.ts";
import { UserInputError } from "../domain/errors.ts";
import { getServices } from "../services.ts";
import { sessionCookie } from "../web/cookies.server.ts";
import { formAction } from "../web/forms/action.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

const schema = z
  .object({
    name: z.string().trim().max(200).default(""),
    password: z.string().default(""),
    password2: z.string().default(""),
  })
  .refine((v) => v.password === v.password2, {
    path: ["password2"],
    message: "Hasła nie są takie same.",
  });

// The link itself is the credential (single use, expiring); no policy applies before it.
export async function loader({ params }: Route.LoaderArgs) {
  const invitation = await describeInvitation({ db: getServices().db, token: params.token });
  return { invitation };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, config } = getServices();
  return formAction({
    request,
    schema,
    field: "password",
    act: async (v) => {
      const invitation = await describeInvitation({ db, token: params.token });
      if (invitation && !invitation.hasAccount && !v.name)
        throw new UserInputError("Wpisz imię i nazwisko.", "name");
      const result = await acceptInvitation({ db, token: params.token, ...v });
      if (!result.newAccount)
        throw redirect(`/logowanie?next=/g/${result.tenantSlug}/moje-zadania`);
      const session = await createSession({
        db,
        userId: result.userId,
        hours: config.sessionHours,
      });
      throw redirect(`/g/${result.tenantSlug}/moje-zadania`, {
        headers: { "Set-Cookie": await sessionCookie().serialize(session.token) },
      });
    },
  });
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const inv = loaderData.invitation;
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <main id="main-content" className="container main main--narrow" tabIndex={-1}>
      <title>Zaproszenie — Busola</title>
      <p className="caption">Busola — monitoring strategii i programów polityki społecznej</p>
      <h1>Zaproszenie</h1>
      {!inv ? (
        <p>
          Ten link wygasł albo został już użyty. Poproś koordynatora o nowe zaproszenie albo{" "}
          <a href="/logowanie">zaloguj się</a>.
        </p>
      ) : (
        <>
          <p>
            {inv.tenantName}: zaproszenie do przekazywania danych w imieniu instytucji{" "}
            <strong>{inv.institutionName}</strong> dla adresu {inv.email}.
          </p>
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate>
            <CsrfInput token={root?.csrf ?? ""} />
            {inv.hasAccount ? (
              <p>Masz już konto w Busoli. Przyjmij zaproszenie i zaloguj się swoim hasłem.</p>
            ) : (
              <>
                <TextField
                  name="name"
                  label="Imię i nazwisko"
                  autoComplete="name"
                  defaultValue={actionData?.values.name ?? inv.name}
                  error={err("name")}
                />
                <TextField
                  name="password"
                  label="Hasło"
                  type="password"
                  autoComplete="new-password"
                  hint={`Co najmniej ${MIN_PASSWORD_LENGTH} znaków.`}
                  error={err("password")}
                />
                <TextField
                  name="password2"
                  label="Powtórz hasło"
                  type="password"
                  autoComplete="new-password"
                  error={err("password2")}
                />
              </>
            )}
            <Button>Przyjmij zaproszenie</Button>
          </Form>
        </>
      )}
    </main>
  );
}
