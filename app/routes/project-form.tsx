// Create (id "nowy", ?kierunek=<direction id>) or edit a project: symbol, title, institutions.
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { EditPage } from "../components/edit-page.tsx";
import { archiveState } from "../web/archive.server.ts";
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
  type ProjectFields,
} from "../domain/strategy-structure.ts";
import {
  optionalId,
  optionalText,
  optionalYear,
  position,
  repeated,
  requiredText,
} from "../web/forms/fields.ts";
import { EU_FUNDS } from "../domain/eu-funding/types.ts";
import { ENUMERATIONS } from "../domain/value-labels.ts";
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
  euProgramme: optionalText(500),
  euPriorityAxis: optionalText(500),
  euMeasure: optionalText(500),
  euSubMeasure: optionalText(500),
  euFund: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.enum(EU_FUNDS, { message: "Wybierz fundusz z listy." }).nullable(),
  ),
  euAgreementNumber: optionalText(100),
});

type Sent = z.infer<typeof schema>;

function projectFields(sent: Sent): ProjectFields {
  return {
    symbol: sent.symbol,
    title: sent.title,
    sinceYear: sent.sinceYear,
    position: sent.position,
    leadInstitutionId: sent.leadInstitutionId,
    partnerInstitutionIds: sent.partnerInstitutionIds,
    eu: {
      programme: sent.euProgramme,
      priorityAxis: sent.euPriorityAxis,
      measure: sent.euMeasure,
      subMeasure: sent.euSubMeasure,
      fund: sent.euFund,
      agreementNumber: sent.euAgreementNumber,
    },
  };
}

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
      archive: archiveState(
        scope,
        "project",
        project,
        `/g/${scope.tenant.slug}/struktura/projekty/${params.project}`,
      ),
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
        euProgramme: project?.euProgramme ?? "",
        euPriorityAxis: project?.euPriorityAxis ?? "",
        euMeasure: project?.euMeasure ?? "",
        euSubMeasure: project?.euSubMeasure ?? "",
        euFund: project?.euFund ?? "",
        euAgreementNumber: project?.euAgreementNumber ?? "",
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
      act: async (parsed, sent) => {
        const fields = projectFields(parsed);
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
      after={
        loaderData.archive ? (
          <ArchiveSection
            {...loaderData.archive}
            version={loaderData.version}
            csrf={frame.csrf}
            back={frame.cancelTo}
          />
        ) : null
      }
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
      <div className="form-group">
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
      </div>
      <EuFundingFields values={values} err={err} />
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

const FUND_OPTIONS = EU_FUNDS.map((value) => ({ value, label: ENUMERATIONS.euFund[value]! }));

function EuFundingFields({
  values,
  err,
}: {
  values: Record<string, string | undefined>;
  err: (name: string) => string | undefined;
}) {
  const text = (name: string, label: string, hint?: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      defaultValue={values[name]}
      error={err(name)}
    />
  );
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Dofinansowanie z Unii Europejskiej</legend>
      <p className="hint">
        Wypełnij tylko dla projektu współfinansowanego ze środków UE. Strona publiczna projektu
        pokaże te dane i wymagany komunikat o współfinansowaniu.
      </p>
      {text(
        "euProgramme",
        "Program",
        "np. Fundusze Europejskie dla Śląskiego 2021–2027 albo Regionalny Program Operacyjny Województwa Śląskiego na lata 2014–2020",
      )}
      {text("euPriorityAxis", "Oś priorytetowa (priorytet)", "np. IX Włączenie społeczne")}
      {text("euMeasure", "Działanie", "np. 9.1 Aktywna integracja")}
      {text("euSubMeasure", "Poddziałanie")}
      <SelectField
        name="euFund"
        label="Fundusz"
        placeholder="— nie dotyczy —"
        options={FUND_OPTIONS}
        defaultValue={values.euFund}
        error={err("euFund")}
      />
      {text("euAgreementNumber", "Numer umowy o dofinansowanie", "np. RPSL.09.02.01-24-0123/19")}
    </fieldset>
  );
}
