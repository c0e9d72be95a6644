// What every strategy-structure form (goal, direction, project, indicator) shares: its place
// under the document, the form's values and version, and the frame's props.
import type { ConflictNoticeProps } from "../../components/conflict-notice.tsx";
import { errorFor } from "../../components/edit-page.tsx";
import type { FieldError } from "../../domain/errors.ts";
import { useRootData } from "./use-root-data.ts";
import { useFormValues } from "./use-form-values.ts";

type StructureLoaderData = {
  tenant: { slug: string; name: string };
  doc: { slug: string; title: string };
  values: Record<string, string>;
  version: string;
};
type StructureActionData =
  | { errors: FieldError[]; values: unknown; conflict: ConflictNoticeProps | null; version: string }
  | undefined;

export function useStructureForm(loaderData: StructureLoaderData, actionData: StructureActionData) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  const documentPath = `${base}/dokumenty/${loaderData.doc.slug}`;
  const { values, version } = useFormValues(actionData, loaderData);
  const errors = actionData?.errors ?? [];
  return {
    values,
    err: errorFor(errors),
    frame: {
      breadcrumbs: [
        { label: loaderData.tenant.name, to: base },
        { label: loaderData.doc.title, to: documentPath },
      ],
      conflict: actionData?.conflict,
      errors,
      csrf: root?.csrf ?? "",
      version,
      cancelTo: documentPath,
    },
  };
}
