// Create (id "nowy", ?kierunek=<direction id>) or edit a project: symbol, title, institutions.
import { EditPage } from "../components/edit-page.tsx";
import { institutionLabel } from "../format/names.ts";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/project-form";
import { fieldId, SelectField, TextField } from "../components/field/field.tsx";
import { listInstitutions } from "../domain/institutions.ts";
import type { TenantScope } from "../domain/scope.ts";
import { projectContext } from "../domain/structure-context.ts";
import {
  createProject,
  projectInstitutionIds,
  updateProject,
} from "../domain/strategy-structure.ts";
import { optionalId, optionalYear, position, repeated, requiredText } from "../web/forms/fields.ts";
import { redirect } from "react-router";
import { formAction } from "../web/forms/action.server.ts";
import { asStrategyEditor, NEW } from "../web/forms/structure.server.ts";
import { useStructureForm } from "../web/hooks/use-structure-form.ts";

const schema = z.object({
  symbol: requiredText("Wpisz symbol projektu, np. C1K7.", 20),
  title: requiredText("Wpisz tytuł projektu.", 1000),
  sinceYear: optionalYear("Wpisz rok rozpoczęcia, np. 2004."),
  position,
  leadInstitutionId: optionalId,
  partnerInstitutionIds: repeated(z.string()),
});

function load(scope: TenantScope, id: string, url: URL) {
  return projectContext({
    scope,
    projectId: id === NEW ? null : id,
    directionId: url.searchParams.get("kierunek") ?? "",
  });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { project, direction, doc } = await load(scope, params.project, new URL(request.url));
    const links = project
      ? await projectInstitutionIds(scope, project.id)
      : { lead: null, partners: [] };
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { slug: doc.slug, title: doc.title },
      direction: { code: direction.code, title: direction.title },
      isNew: !project,
      version: project ? String(project.version) : "",
      institutions: (await listInstitutions({ scope })).map((i) => ({
        value: i.id,
        label: institutionLabel(i.name, i.shortName),
      })),
      values: {
        symbol: project?.symbol ?? direction.code,
        title: project?.title ?? "",
        sinceYear: project?.sinceYear ? String(project.sinceYear) : "",
        position: String(project?.position ?? 0),
        leadInstitutionId: links.lead ?? "",
      },
      partners: links.partners,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { project, direction, doc } = await load(scope, params.project, new URL(request.url));
    return formAction({
      request,
      schema,
      act: async (fields, sent) => {
        await (project
          ? updateProject({ scope, id: project.id, expectedVersion: sent.version ?? 0, fields })
          : createProject({ scope, directionId: direction.id, fields }));
        throw redirect(`/g/${scope.tenant.slug}/dokumenty/${doc.slug}`);
      },
    });
  });
}

export default function ProjectForm({ loaderData, actionData }: Route.ComponentProps) {
  const { values, err, frame } = useStructureForm(loaderData, actionData);
  const title = loaderData.isNew ? "Nowy projekt" : "Edycja projektu";
  const checked = new Set(loaderData.partners);
  return (
    <EditPage
      title={title}
      caption={`${loaderData.direction.code} ${loaderData.direction.title}`}
      {...frame}
    >
      <TextField
        name="symbol"
        label="Symbol"
        hint="Wspólny dla projektów jednego kierunku, np. C1K7."
        width={10}
        defaultValue={values.symbol}
        error={err("symbol")}
      />
      <TextField
        name="title"
        label="Tytuł projektu"
        defaultValue={values.title}
        error={err("title")}
      />
      <TextField
        name="sinceYear"
        label="Realizowany od roku"
        width={5}
        defaultValue={values.sinceYear}
        error={err("sinceYear")}
      />
      <SelectField
        name="leadInstitutionId"
        label="Realizator wiodący"
        placeholder="— nie wskazano —"
        options={loaderData.institutions}
        defaultValue={values.leadInstitutionId}
        error={err("leadInstitutionId")}
      />
      <fieldset className="fieldset" id={fieldId("partnerInstitutionIds")}>
        <legend className="fieldset__legend">Partnerzy</legend>
        {loaderData.institutions.map((i, n) => (
          <div className="checkbox" key={i.value}>
            <input
              className="checkbox__input"
              type="checkbox"
              id={`partner-${n}`}
              name="partnerInstitutionIds"
              value={i.value}
              defaultChecked={checked.has(i.value)}
            />
            <label className="checkbox__label" htmlFor={`partner-${n}`}>
              {i.label}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        name="position"
        label="Kolejność na liście"
        width={3}
        defaultValue={values.position}
        error={err("position")}
      />
    </EditPage>
  );
}
