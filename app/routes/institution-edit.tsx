import { redirect } from "react-router";
import { EditPage, errorFor } from "../components/edit-page.tsx";
import type { Route } from "./+types/institution-edit";
import { ChangeList } from "../components/change-list.tsx";
import { SelectField, TextField } from "../components/field/field.tsx";
import { listHistory } from "../domain/audit.ts";
import { getInstitution, updateInstitution } from "../domain/institutions.ts";
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { authorize, canManageInstitutions } from "../policies/index.ts";
import { archiveState } from "../web/archive.server.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction } from "../web/forms/action.server.ts";
import { historyView } from "../web/views/history.ts";
import { institutionSchema, kindOptions } from "../web/forms/institution.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { useFormValues } from "../web/hooks/use-form-values.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManageInstitutions(scope.actor));
    const row = await getInstitution({ scope, id: params.institution });
    const history = await listHistory({ scope, entityType: "institution", entityIds: [row.id] });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      institution: {
        id: row.id,
        name: row.name,
        shortName: row.shortName ?? "",
        kind: row.kind,
        version: String(row.version),
      },
      history: historyView(history),
      archive: archiveState(
        scope,
        "institution",
        row,
        `/g/${scope.tenant.slug}/instytucje/${row.id}`,
      ),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canManageInstitutions(scope.actor));
    return formAction({
      request,
      schema: institutionSchema,
      act: async (fields, sent) => {
        await updateInstitution({
          scope,
          id: params.institution,
          expectedVersion: sent.version ?? 0,
          fields,
        });
        throw redirect(`/g/${scope.tenant.slug}/instytucje`);
      },
    });
  });
}

export default function InstitutionEdit({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  const i = loaderData.institution;
  const { values, version } = useFormValues(actionData, { values: i, version: i.version });
  const errors = actionData?.errors ?? [];
  const err = errorFor(errors);
  return (
    <EditPage
      title={i.name}
      caption="Edycja instytucji"
      breadcrumbs={[
        { label: loaderData.tenant.name, to: base },
        { label: "Instytucje", to: `${base}/instytucje` },
      ]}
      conflict={actionData?.conflict}
      errors={errors}
      csrf={root?.csrf ?? ""}
      version={version}
      cancelTo={`${base}/instytucje`}
      after={
        <>
          {loaderData.archive ? (
            <ArchiveSection
              {...loaderData.archive}
              version={i.version}
              csrf={root?.csrf ?? ""}
              back={`${base}/instytucje`}
            />
          ) : null}
          <h2>Historia zmian</h2>
          <ChangeList entries={loaderData.history} />
        </>
      }
    >
      <TextField name="name" label="Pełna nazwa" defaultValue={values.name} error={err("name")} />
      <TextField
        name="shortName"
        label="Skrót używany w tabelach"
        width={10}
        defaultValue={values.shortName}
        error={err("shortName")}
      />
      <SelectField
        name="kind"
        label="Rodzaj"
        options={kindOptions}
        defaultValue={values.kind}
        error={err("kind")}
      />
    </EditPage>
  );
}
