import { Form, Link } from "react-router";
import { institutionLabel } from "../format/names.ts";
import { labelOf } from "../domain/value-labels.ts";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/members";
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { RadioGroup, SelectField, TextField } from "../components/field/field.tsx";
import { Notice } from "../components/notification/notification.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Table } from "../components/table/table.tsx";
import { ROLES } from "../domain/actor.ts";
import { MIN_PASSWORD_LENGTH } from "../domain/auth/password-policy.ts";
import { sendPasswordResetToMember } from "../domain/auth/password-reset.ts";
import { listInstitutions } from "../domain/institutions.ts";
import { addMember, listMembers } from "../domain/members.ts";
import { listStrategicGoals } from "../domain/structure-context.ts";
import {
  authorize,
  canArchive,
  canDeletePermanently,
  canManageMembers,
} from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { fieldOf, formAction, formDone, UNKNOWN_INTENT } from "../web/forms/action.server.ts";
import { optionalId } from "../web/forms/fields.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

// Two forms post here, told apart by their `intent`: adding a member and a member's password
// reset (a button per row). One schema, so the form is read and parsed once.
const addSchema = z
  .object({
    intent: z.literal("add"),
    email: z.string().trim().email("Wpisz poprawny adres e-mail, np. jan.kowalski@mops.pl."),
    name: z.string().trim().min(1, "Wpisz imię i nazwisko."),
    password: z
      .string()
      .transform((v) => (v === "" ? null : v))
      .refine(
        (v) => v === null || v.length >= MIN_PASSWORD_LENGTH,
        `Hasło musi mieć co najmniej ${MIN_PASSWORD_LENGTH} znaków.`,
      ),
    role: z.enum(ROLES, { message: "Wybierz rolę." }),
    institutionId: optionalId,
    goalId: optionalId,
  })
  .refine((v) => v.role !== "partner" || v.institutionId, {
    path: ["institutionId"],
    message: "Realizator musi być przypisany do instytucji.",
  })
  .refine((v) => v.role !== "goal_coordinator" || v.goalId, {
    path: ["goalId"],
    message: "Wybierz cel strategiczny, który ta osoba koordynuje.",
  });

const resetSchema = z.object({
  intent: z.literal("reset-password"),
  membershipId: z.string().min(1, "Nie wskazano osoby."),
  email: z.string().default(""),
});

const schema = z.discriminatedUnion("intent", [addSchema, resetSchema], {
  message: UNKNOWN_INTENT,
});

async function options(scope: Parameters<typeof listMembers>[0]["scope"]) {
  const insts = await listInstitutions({ scope });
  const goals = await listStrategicGoals({ scope });
  return {
    institutions: insts.map((i) => ({
      value: i.id,
      label: institutionLabel(i.name, i.shortName),
    })),
    goals: goals.map((g) => ({ value: g.id, label: `${g.code}. ${g.title}` })),
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManageMembers(scope.actor));
    const members = await listMembers({ scope });
    // "?osoba=<membership>" opens the archive section for one person (a link in their row).
    const chosen = members.find(
      (m) => m.membershipId === new URL(request.url).searchParams.get("osoba"),
    );
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      members: members.map((m) => ({
        ...m,
        role: labelOf("role", m.role),
        // One's own access cannot be archived (the domain refuses it too).
        archivable: canArchive(scope.actor, "member") && m.userId !== scope.actor.userId,
      })),
      archive:
        chosen && chosen.userId !== scope.actor.userId
          ? {
              id: chosen.membershipId,
              name: chosen.name,
              canDelete: canDeletePermanently(scope.actor, "member"),
            }
          : null,
      ...(await options(scope)),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManageMembers(scope.actor));
    return formAction({
      request,
      schema,
      field: "email",
      extra: { added: null as string | null, reset: null as string | null },
      act: async (v) => {
        if (v.intent === "reset-password") {
          await fieldOf("reset", () =>
            sendPasswordResetToMember({ scope, membershipId: v.membershipId }),
          );
          return formDone({ added: null as string | null, reset: v.email as string | null });
        }
        await addMember({
          scope,
          email: v.email,
          name: v.name,
          password: v.password,
          role: v.role,
          institutionId: v.role === "partner" ? v.institutionId : null,
          goalIds: v.role === "goal_coordinator" && v.goalId ? [v.goalId] : [],
        });
        return formDone({ added: v.email as string | null, reset: null as string | null });
      },
    });
  });
}

type Member = Route.ComponentProps["loaderData"]["members"][number];

/** The people with access, each with a button that mails them a link to set a new password. */
function MemberTable({ members, csrf }: { members: Member[]; csrf: string }) {
  return (
    <Table
      caption="Osoby z dostępem do gminy"
      captionHidden
      headers={["Osoba", "E-mail", "Rola", "Instytucja / cele", "Hasło", "Dostęp"]}
    >
      {members.map((m) => (
        <tr key={m.membershipId}>
          <td>
            {m.name}
            {m.disabled ? " (konto wyłączone)" : ""}
          </td>
          <td>{m.email}</td>
          <td>{m.role}</td>
          <td>{m.institution ?? (m.goals.length ? `cele: ${m.goals.join(", ")}` : "—")}</td>
          <td>
            {m.disabled ? (
              "—"
            ) : (
              <Form method="post">
                <CsrfInput token={csrf} />
                <input type="hidden" name="intent" value="reset-password" />
                <input type="hidden" name="membershipId" value={m.membershipId} />
                <input type="hidden" name="email" value={m.email} />
                <Button variant="secondary">
                  Wyślij link do nowego hasła
                  <span className="visually-hidden">: {m.name}</span>
                </Button>
              </Form>
            )}
          </td>
          <td>
            {m.archivable ? (
              <Link to={`?osoba=${m.membershipId}#archiwizacja`}>
                Archiwizuj dostęp<span className="visually-hidden">: {m.name}</span>
              </Link>
            ) : (
              "—"
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export default function Members({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  return (
    <>
      <title>{`Użytkownicy — ${loaderData.tenant.name} — Busola`}</title>
      <Breadcrumbs
        items={[{ label: loaderData.tenant.name, to: base }, { label: "Użytkownicy" }]}
      />
      <PageHeader title="Użytkownicy i role" />
      {actionData?.reset ? (
        <Notice announce>
          <p>
            Wysłano link do ustawienia nowego hasła na adres {actionData.reset}. Link zna tylko
            adresat; wysyłkę zapisano w historii zmian.
          </p>
        </Notice>
      ) : null}
      {actionData?.added ? (
        <Notice announce>
          <p>Nadano dostęp: {actionData.added}.</p>
        </Notice>
      ) : null}
      <MemberTable members={loaderData.members} csrf={root?.csrf ?? ""} />
      {loaderData.archive ? (
        <ArchiveSection
          tenantSlug={loaderData.tenant.slug}
          kind="member"
          id={loaderData.archive.id}
          version="0"
          csrf={root?.csrf ?? ""}
          back={`${base}/uzytkownicy`}
          canDelete={loaderData.archive.canDelete}
          title={`Archiwizuj dostęp: ${loaderData.archive.name}`}
          intro="Osoba straci dostęp do gminy; to, co zmieniła, zostaje w historii. Dostęp można przywrócić ze strony „Zarchiwizowane”."
        />
      ) : null}
      <h2>Nadaj dostęp</h2>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <input type="hidden" name="intent" value="add" />
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
          label="Imię i nazwisko"
          defaultValue={values.name}
          error={err("name")}
        />
        <TextField
          name="password"
          label="Hasło początkowe"
          hint={`Tylko dla nowego konta; co najmniej ${MIN_PASSWORD_LENGTH} znaków. Przekaż je osobie bezpiecznym kanałem.`}
          type="password"
          autoComplete="new-password"
          error={err("password")}
        />
        <RadioGroup
          name="role"
          label="Rola"
          options={ROLES.map((r) => ({ value: r, label: labelOf("role", r) }))}
          defaultValue={values.role ?? "viewer"}
          error={err("role")}
        />
        <SelectField
          name="institutionId"
          label="Instytucja (dla realizatora)"
          placeholder="— brak —"
          options={loaderData.institutions}
          defaultValue={values.institutionId}
          error={err("institutionId")}
        />
        <SelectField
          name="goalId"
          label="Cel strategiczny (dla koordynatora celu)"
          placeholder="— brak —"
          options={loaderData.goals}
          defaultValue={values.goalId}
          error={err("goalId")}
        />
        <Button>Nadaj dostęp</Button>
      </Form>
    </>
  );
}
