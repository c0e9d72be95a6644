import { redirect } from "react-router";
import { documentCrumb, documentRef } from "../web/views/document-crumb.ts";
import { EditPage, errorFor } from "../components/edit-page.tsx";
import type { Route } from "./+types/project-card-edit";
import { CardFields } from "../components/card-fields.tsx";
import { getProjectCard, saveProjectCard } from "../domain/project-cards.ts";
import { CARD_FIELDS, type CardFields as CardFieldValues } from "../domain/value-labels.ts";
import { cardSchema as schema } from "../web/forms/card.ts";
import { authorize, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction } from "../web/forms/action.server.ts";
import { parseYear } from "../web/params.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { useFormValues } from "../web/hooks/use-form-values.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    const year = parseYear(params.year);
    const view = await getProjectCard({ scope, projectId: params.project, year });
    authorize(view.canEdit);
    const values: Record<string, string> = {};
    for (const f of CARD_FIELDS) values[f] = view.card?.[f] ?? "";
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      document: documentRef(view.document),
      project: { id: view.project.id, symbol: view.project.symbol, title: view.project.title },
      year,
      version: view.card ? String(view.card.version) : "",
      values,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // The page-level gate; the domain checks the record's own policy (canEdit…/canView…).
    authorize(canViewStrategy(scope.actor), { hide: true });
    const year = parseYear(params.year);
    return formAction({
      request,
      schema,
      // Keep the user's text; the answer moves the form onto the saved version.
      yours: ({ version: _version, ...fields }) => fields,
      act: async ({ version, ...fields }) => {
        await saveProjectCard({
          scope,
          projectId: params.project,
          year,
          expectedVersion: version,
          fields: fields as CardFieldValues,
        });
        throw redirect(`/g/${scope.tenant.slug}/projekty/${params.project}/${year}?zapisano=1`);
      },
    });
  });
}

export default function ProjectCardEdit({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const { tenant, project, year } = loaderData;
  const base = `/g/${tenant.slug}`;
  const { values, version } = useFormValues(actionData, loaderData);
  const errors = actionData?.errors ?? [];
  const err = errorFor(errors);
  return (
    <EditPage
      title={`Karta projektu za rok ${year}`}
      documentTitle={`Edycja karty: ${project.title} — ${year}`}
      caption={`${project.title} [${project.symbol}]`}
      breadcrumbs={[
        { label: tenant.name, to: base },
        documentCrumb(base, loaderData.document, year),
        {
          label: `${project.symbol} — karta ${year}`,
          to: `${base}/projekty/${project.id}/${year}`,
        },
      ]}
      conflict={actionData?.conflict}
      errors={errors}
      csrf={root?.csrf ?? ""}
      version={version}
      submitLabel="Zapisz kartę"
      cancelTo={`${base}/projekty/${project.id}/${year}`}
      intro={
        <p>
          Kartę możesz zapisywać w dowolnym momencie — niezgodności zostaną pokazane jako uwagi, ale
          nie blokują zapisu.
        </p>
      }
    >
      <CardFields values={values} err={err} />
    </EditPage>
  );
}
