// Create (id "nowy", ?kierunek=<direction id>) or edit an indicator's definition.
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { archiveState } from "../web/archive.server.ts";
import { EditPage } from "../components/edit-page.tsx";
import type { Route } from "./+types/indicator-form";
import { NumberField, SelectField, TextField } from "../components/field/field.tsx";
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS, labelOptions } from "../domain/value-labels.ts";
import { DICTIONARY } from "../domain/comparison/dictionary.ts";
import {
  createIndicatorWithMapping,
  updateIndicatorWithMapping,
} from "../domain/comparison/mapping.ts";
import { canMapToDictionary } from "../policies/index.ts";
import { indicatorFormSchema as schema } from "../web/forms/indicator.ts";
import type { TenantScope } from "../domain/scope.ts";
import { indicatorContext } from "../domain/structure-context.ts";
import { redirect } from "react-router";
import { formAction } from "../web/forms/action.server.ts";
import { asStrategyEditor, NEW } from "../web/forms/structure.server.ts";
import { toFormNumber } from "../format/polish-numbers.ts";
import { useStructureForm } from "../web/hooks/use-structure-form.ts";

function load(scope: TenantScope, id: string, url: URL) {
  return indicatorContext({
    scope,
    indicatorId: id === NEW ? null : id,
    directionId: url.searchParams.get("kierunek") ?? "",
  });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { indicator, direction, doc, directionProjects } = await load(
      scope,
      params.indicator,
      new URL(request.url),
    );
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { slug: doc.slug, title: doc.title },
      direction: { code: direction.code, title: direction.title },
      isNew: !indicator,
      archive: archiveState(
        scope,
        "indicator",
        indicator,
        `/g/${scope.tenant.slug}/struktura/wskazniki/${params.indicator}`,
      ),
      version: indicator ? String(indicator.version) : "",
      projects: directionProjects.map((p) => ({ value: p.id, label: `${p.symbol} ${p.title}` })),
      canMap: canMapToDictionary(scope.actor),
      dictionary: DICTIONARY.map((e) => ({
        value: e.code,
        label: `${e.code} ${e.name} (${e.unit})`,
      })),
      values: {
        name: indicator?.name ?? "",
        unit: indicator?.unit ?? "",
        kind: indicator?.kind ?? "product",
        direction: indicator?.direction ?? "increase",
        baseline: toFormNumber(indicator?.baseline),
        target: toFormNumber(indicator?.target),
        projectId: indicator?.projectId ?? "",
        position: String(indicator?.position ?? 0),
        code: indicator?.dictionaryCode ?? "",
      },
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { indicator, direction, doc } = await load(scope, params.indicator, new URL(request.url));
    return formAction({
      request,
      schema,
      act: async ({ code: sentCode, ...fields }, sent) => {
        // Only a reader who may map sees the select; anyone else's save leaves the code alone.
        const code = canMapToDictionary(scope.actor) ? sentCode : undefined;
        await (indicator
          ? updateIndicatorWithMapping({
              scope,
              indicatorId: indicator.id,
              expectedVersion: sent.version ?? 0,
              fields,
              code,
            })
          : createIndicatorWithMapping({ scope, directionId: direction.id, fields, code }));
        throw redirect(`/g/${scope.tenant.slug}/dokumenty/${doc.slug}`);
      },
    });
  });
}

export default function IndicatorForm({ loaderData, actionData }: Route.ComponentProps) {
  const { values, err, frame } = useStructureForm(loaderData, actionData);
  const title = loaderData.isNew ? "Nowy wskaźnik" : "Edycja wskaźnika";
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
        name="name"
        label="Nazwa wskaźnika"
        defaultValue={values.name}
        error={err("name")}
      />
      <TextField
        name="unit"
        label="Jednostka"
        hint="Np. osoby, rodziny, dzieci, szt., porady, zł, %."
        width={10}
        defaultValue={values.unit}
        error={err("unit")}
      />
      <SelectField
        name="kind"
        label="Rodzaj"
        options={labelOptions(INDICATOR_KINDS)}
        defaultValue={values.kind}
        error={err("kind")}
      />
      <SelectField
        name="direction"
        label="Kierunek oceny"
        options={labelOptions(INDICATOR_DIRECTIONS)}
        defaultValue={values.direction}
        error={err("direction")}
      />
      <NumberField
        name="baseline"
        label="Wartość bazowa"
        defaultValue={values.baseline}
        error={err("baseline")}
      />
      <NumberField
        name="target"
        label="Wartość docelowa"
        defaultValue={values.target}
        error={err("target")}
      />
      <SelectField
        name="projectId"
        label="Projekt, którego dotyczy"
        placeholder="— cały kierunek —"
        options={loaderData.projects}
        defaultValue={values.projectId}
        error={err("projectId")}
      />
      <TextField
        name="position"
        label="Kolejność na liście"
        width={3}
        defaultValue={values.position}
        error={err("position")}
      />
      {loaderData.canMap ? (
        <SelectField
          name="code"
          label="Wskaźnik wspólny (do porównań)"
          hint="Pozycja słownika wskaźników wspólnych, którą ten wskaźnik sprawozdaje. Po publikacji jego wartości pojawią się w porównaniu gmin."
          placeholder="— brak —"
          options={loaderData.dictionary}
          defaultValue={values.code}
          error={err("code")}
        />
      ) : null}
    </EditPage>
  );
}
