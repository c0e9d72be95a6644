// A new strategy period as a copy of this document's tree, institutions and indicators,
// linked as its continuation (decision 061).
import { redirect } from "react-router";
import type { Route } from "./+types/document-next-period";
import { EditPage, errorFor } from "../components/edit-page.tsx";
import { TextField } from "../components/field/field.tsx";
import { getDocument } from "../domain/documents.ts";
import { startNextPeriod } from "../domain/strategy-period.ts";
import { documentSchema } from "../web/forms/document.ts";
import { formAction } from "../web/forms/action.server.ts";
import { asStrategyEditor } from "../web/forms/structure.server.ts";
import { useFormValues } from "../web/hooks/use-form-values.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { DATE_HINT } from "../web/forms/fields.ts";

// The new document's own fields; its kind and target threshold are the previous one's and it
// is in force.
const schema = documentSchema.omit({ kind: true, status: true, closeThreshold: true });

/** The next period's proposal: as long as the previous one, right after it. */
function proposal(doc: { title: string; slug: string; periodStart: number; periodEnd: number }) {
  const start = doc.periodEnd + 1;
  const end = doc.periodEnd + (doc.periodEnd - doc.periodStart + 1);
  const replace = (text: string, sep: string) =>
    text.replace(
      new RegExp(`${doc.periodStart}\\s*[–-]\\s*${doc.periodEnd}`, "u"),
      `${start}${sep}${end}`,
    );
  const title = replace(doc.title, "–");
  const slug = replace(doc.slug, "-");
  return {
    title: title === doc.title ? `${doc.title} — ${start}–${end}` : title,
    slug: slug === doc.slug ? `${doc.slug}-${start}-${end}` : slug,
    periodStart: String(start),
    periodEnd: String(end),
    resolutionNumber: "",
    resolutionDate: "",
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const doc = await getDocument({ scope, idOrSlug: params.document });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { slug: doc.slug, title: doc.title, period: `${doc.periodStart}–${doc.periodEnd}` },
      values: proposal(doc),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const doc = await getDocument({ scope, idOrSlug: params.document });
    return formAction({
      request,
      schema,
      act: async (fields) => {
        const copy = await startNextPeriod({
          scope,
          fromDocumentId: doc.id,
          fields: {
            ...fields,
            kind: doc.kind,
            status: "in_force",
            closeThreshold: doc.closeThreshold,
          },
        });
        throw redirect(`/g/${scope.tenant.slug}/dokumenty/${copy.slug}`);
      },
    });
  });
}

export default function DocumentNextPeriod({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  const { values } = useFormValues(actionData, loaderData);
  const errors = actionData?.errors ?? [];
  const err = errorFor(errors);
  return (
    <EditPage
      title="Nowy okres jako kopia"
      caption={`${loaderData.doc.title}, ${loaderData.doc.period}`}
      breadcrumbs={[
        { label: loaderData.tenant.name, to: base },
        { label: "Dokumenty", to: `${base}/dokumenty` },
        { label: loaderData.doc.title, to: `${base}/dokumenty/${loaderData.doc.slug}` },
      ]}
      errors={errors}
      csrf={root?.csrf ?? ""}
      submitLabel="Utwórz nowy okres"
      cancelTo={`${base}/dokumenty/${loaderData.doc.slug}`}
      intro={
        <p>
          Nowy dokument dostanie kopię celów strategicznych, kierunków działań, projektów z ich
          instytucjami i wskaźników (z wartościami bazowymi i docelowymi). Wartości wskaźników,
          karty projektów i budżety zostają przy poprzednim okresie. Nowy dokument będzie oznaczony
          jako kontynuacja poprzedniego.
        </p>
      }
    >
      <TextField name="title" label="Tytuł" defaultValue={values.title} error={err("title")} />
      <TextField
        name="slug"
        label="Adres w systemie"
        hint="Np. srps-2026-2035 — pojawi się w adresach stron."
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
        hint="Np. XXI/112/2025."
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
    </EditPage>
  );
}
