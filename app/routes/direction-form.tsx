// Create (id "nowy", ?cel=<goal id>) or edit an operational goal / direction of action.
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { archiveState } from "../web/archive.server.ts";
import { EditPage } from "../components/edit-page.tsx";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/direction-form";
import { TextArea, TextField } from "../components/field/field.tsx";
import type { TenantScope } from "../domain/scope.ts";
import { directionContext } from "../domain/structure-context.ts";
import { createDirection, updateDirection } from "../domain/strategy-structure.ts";
import { position, requiredText } from "../web/forms/fields.ts";
import { redirect } from "react-router";
import { formAction } from "../web/forms/action.server.ts";
import { asStrategyEditor, NEW } from "../web/forms/structure.server.ts";
import { useStructureForm } from "../web/hooks/use-structure-form.ts";

const schema = z.object({
  code: requiredText("Wpisz symbol kierunku, np. C1K7 albo 1.3.", 20),
  title: requiredText("Wpisz nazwę celu operacyjnego lub kierunku działań.", 1000),
  actionLines: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split("\n")
        .map((l) => l.replace(/^[\s•·\-–]+/, "").trim())
        .filter(Boolean),
    ),
  position,
});

function load(scope: TenantScope, id: string, url: URL) {
  return directionContext({
    scope,
    directionId: id === NEW ? null : id,
    goalId: url.searchParams.get("cel") ?? "",
  });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { goal, direction, doc } = await load(scope, params.direction, new URL(request.url));
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { slug: doc.slug, title: doc.title },
      goal: { code: goal.code, title: goal.title },
      isNew: !direction,
      archive: archiveState(
        scope,
        "direction",
        direction,
        `/g/${scope.tenant.slug}/struktura/kierunki/${params.direction}`,
      ),
      version: direction ? String(direction.version) : "",
      values: {
        code: direction?.code ?? "",
        title: direction?.title ?? "",
        actionLines: (direction?.actionLines ?? []).join("\n"),
        position: String(direction?.position ?? 0),
      },
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { goal, direction, doc } = await load(scope, params.direction, new URL(request.url));
    return formAction({
      request,
      schema,
      act: async (fields, sent) => {
        await (direction
          ? updateDirection({ scope, id: direction.id, expectedVersion: sent.version ?? 0, fields })
          : createDirection({ scope, goalId: goal.id, fields }));
        throw redirect(`/g/${scope.tenant.slug}/dokumenty/${doc.slug}`);
      },
    });
  });
}

export default function DirectionForm({ loaderData, actionData }: Route.ComponentProps) {
  const { values, err, frame } = useStructureForm(loaderData, actionData);
  const title = loaderData.isNew ? "Nowy kierunek działań" : "Edycja kierunku działań";
  return (
    <EditPage
      title={title}
      caption={`Cel strategiczny ${loaderData.goal.code}. ${loaderData.goal.title}`}
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
        name="code"
        label="Symbol"
        hint="Np. C1K7 albo 1.3."
        width={10}
        defaultValue={values.code}
        error={err("code")}
      />
      <TextField
        name="title"
        label="Cel operacyjny / kierunek działań"
        defaultValue={values.title}
        error={err("title")}
      />
      <TextArea
        name="actionLines"
        label="Proponowane kierunki działań"
        hint="Każdy w osobnym wierszu."
        defaultValue={values.actionLines}
        error={err("actionLines")}
      />
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
