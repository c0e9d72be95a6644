// Create (id "nowy") or edit a strategy or program document: kind, title, period, resolution.
import type { Route } from "./+types/document-form";
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { archiveState } from "../web/archive.server.ts";
import { EditPage, errorFor } from "../components/edit-page.tsx";
import { SelectField, TextField } from "../components/field/field.tsx";
import { getDocument, listDocuments } from "../domain/documents.ts";
import { readDocumentLinks, setImplementedDocuments } from "../domain/document-links.ts";
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  labelOptions,
} from "../domain/value-labels.ts";
import { createDocument, updateDocument } from "../domain/strategy-structure.ts";
import { DEFAULT_CLOSE_PERCENT } from "../domain/analytics/target-status.ts";
import { documentSchema } from "../web/forms/document.ts";
import { optionalId } from "../web/forms/fields.ts";
import { redirect } from "react-router";
import { formAction } from "../web/forms/action.server.ts";
import { asStrategyEditor, NEW } from "../web/forms/structure.server.ts";
import { useFormValues } from "../web/hooks/use-form-values.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { DATE_HINT } from "../web/forms/fields.ts";

// The document's own fields and the one it implements (a program → the strategy, decision 063).
const schema = documentSchema.extend({ implementsId: optionalId });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const doc =
      params.document === NEW ? null : await getDocument({ scope, idOrSlug: params.document });
    const links = doc ? await readDocumentLinks({ scope, documentId: doc.id }) : null;
    const others = (await listDocuments({ scope })).filter((d) => d.id !== doc?.id);
    return {
      documents: others.map((d) => ({
        value: d.id,
        label: `${d.title} (${d.periodStart}–${d.periodEnd})`,
      })),
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      isNew: !doc,
      archive: archiveState(
        scope,
        "document",
        doc,
        `/g/${scope.tenant.slug}/struktura/dokumenty/${params.document}`,
      ),
      version: doc ? String(doc.version) : "",
      values: {
        kind: doc?.kind ?? "strategy",
        title: doc?.title ?? "",
        slug: doc?.slug ?? "",
        periodStart: doc ? String(doc.periodStart) : "",
        periodEnd: doc ? String(doc.periodEnd) : "",
        resolutionNumber: doc?.resolutionNumber ?? "",
        resolutionDate: doc?.resolutionDate ?? "",
        status: doc?.status ?? "in_force",
        closeThreshold: doc?.closeThreshold == null ? "" : String(doc.closeThreshold),
        implementsId: links?.implements[0]?.id ?? "",
      },
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const doc =
      params.document === NEW ? null : await getDocument({ scope, idOrSlug: params.document });
    return formAction({
      request,
      schema,
      act: async ({ implementsId, ...fields }, sent) => {
        const saved = await (doc
          ? updateDocument({ scope, id: doc.id, expectedVersion: sent.version ?? 0, fields })
          : createDocument({ scope, fields }));
        await setImplementedDocuments({
          scope,
          documentId: doc?.id ?? saved.id,
          targetIds: implementsId ? [implementsId] : [],
        });
        throw redirect(`/g/${scope.tenant.slug}/dokumenty/${fields.slug}`);
      },
    });
  });
}

export default function DocumentForm({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  const { values, version } = useFormValues(actionData, loaderData);
  const errors = actionData?.errors ?? [];
  const err = errorFor(errors);
  const title = loaderData.isNew ? "Nowy dokument" : "Edycja dokumentu";
  return (
    <EditPage
      title={title}
      caption="Strategia lub program"
      breadcrumbs={[
        { label: loaderData.tenant.name, to: base },
        { label: "Dokumenty", to: `${base}/dokumenty` },
      ]}
      conflict={actionData?.conflict}
      errors={errors}
      csrf={root?.csrf ?? ""}
      version={version}
      cancelTo={`${base}/dokumenty`}
      after={
        loaderData.archive ? (
          <ArchiveSection
            {...loaderData.archive}
            version={loaderData.version}
            csrf={root?.csrf ?? ""}
            back={`${base}/dokumenty`}
          />
        ) : null
      }
    >
      <SelectField
        name="kind"
        label="Rodzaj dokumentu"
        options={labelOptions(DOCUMENT_KIND_LABELS)}
        defaultValue={values.kind}
        error={err("kind")}
      />
      <TextField name="title" label="Tytuł" defaultValue={values.title} error={err("title")} />
      <TextField
        name="slug"
        label="Adres w systemie"
        hint="Np. srps-2021-2030 — pojawi się w adresach stron."
        width={20}
        defaultValue={values.slug}
        error={err("slug")}
        spellCheck={false}
      />
      <TextField
        name="periodStart"
        label="Okres — od roku"
        width={5}
        defaultValue={values.periodStart}
        error={err("periodStart")}
      />
      <TextField
        name="periodEnd"
        label="Okres — do roku"
        width={5}
        defaultValue={values.periodEnd}
        error={err("periodEnd")}
      />
      <TextField
        name="resolutionNumber"
        label="Numer uchwały"
        hint="Np. XXI/112/2019."
        width={20}
        defaultValue={values.resolutionNumber}
        error={err("resolutionNumber")}
      />
      <TextField
        name="resolutionDate"
        label="Data uchwały"
        type="date"
        hint={DATE_HINT}
        width={10}
        defaultValue={values.resolutionDate}
        error={err("resolutionDate")}
      />
      <SelectField
        name="implementsId"
        label="Realizuje dokument"
        hint="Np. program wspierania rodziny realizuje strategię rozwiązywania problemów społecznych."
        placeholder="— nie realizuje innego dokumentu —"
        options={loaderData.documents}
        defaultValue={values.implementsId}
        error={err("implementsId")}
      />
      <SelectField
        name="status"
        label="Status"
        options={labelOptions(DOCUMENT_STATUS_LABELS)}
        defaultValue={values.status}
        error={err("status")}
      />
      <TextField
        name="closeThreshold"
        label="Próg „blisko celu” (%)"
        hint={`Jaką część oczekiwanego postępu wskaźnik musi osiągnąć, aby jego stan był „blisko celu”, a nie „poniżej oczekiwań”. Liczba całkowita od 1 do 99; puste pole oznacza ${DEFAULT_CLOSE_PERCENT} %.`}
        width={5}
        defaultValue={values.closeThreshold}
        error={err("closeThreshold")}
      />
    </EditPage>
  );
}
