// Create (id "nowy", ?dokument=<id>) or edit a strategic goal.
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { archiveState } from "../web/archive.server.ts";
import { EditPage } from "../components/edit-page.tsx";
import { z } from "../web/forms/zod.ts";
import type { Route } from "./+types/goal-form";
import { TextField } from "../components/field/field.tsx";
import type { TenantScope } from "../domain/scope.ts";
import { goalContext } from "../domain/structure-context.ts";
import { createGoal, updateGoal } from "../domain/strategy-structure.ts";
import { optionalText, position, requiredText } from "../web/forms/fields.ts";
import { redirect } from "react-router";
import { formAction } from "../web/forms/action.server.ts";
import { asStrategyEditor, NEW } from "../web/forms/structure.server.ts";
import { useStructureForm } from "../web/hooks/use-structure-form.ts";

const schema = z.object({
  code: requiredText("Wpisz symbol celu, np. C1.", 20),
  title: requiredText("Wpisz nazwę celu strategicznego.", 1000),
  coordinatorName: optionalText(200),
  coordinatorPosition: optionalText(500),
  position,
});

function load(scope: TenantScope, id: string, url: URL) {
  return goalContext({
    scope,
    goalId: id === NEW ? null : id,
    documentId: url.searchParams.get("dokument") ?? "",
  });
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { doc, goal } = await load(scope, params.goal, new URL(request.url));
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { slug: doc.slug, title: doc.title },
      isNew: !goal,
      archive: archiveState(
        scope,
        "goal",
        goal,
        `/g/${scope.tenant.slug}/struktura/cele/${params.goal}`,
      ),
      version: goal ? String(goal.version) : "",
      values: {
        code: goal?.code ?? "",
        title: goal?.title ?? "",
        coordinatorName: goal?.coordinatorName ?? "",
        coordinatorPosition: goal?.coordinatorPosition ?? "",
        position: String(goal?.position ?? 0),
      },
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return asStrategyEditor({ request, context, params }, async (scope) => {
    const { doc, goal } = await load(scope, params.goal, new URL(request.url));
    return formAction({
      request,
      schema,
      act: async (fields, sent) => {
        await (goal
          ? updateGoal({ scope, id: goal.id, expectedVersion: sent.version ?? 0, fields })
          : createGoal({ scope, documentId: doc.id, fields }));
        throw redirect(`/g/${scope.tenant.slug}/dokumenty/${doc.slug}`);
      },
    });
  });
}

export default function GoalForm({ loaderData, actionData }: Route.ComponentProps) {
  const { values, err, frame } = useStructureForm(loaderData, actionData);
  const title = loaderData.isNew ? "Nowy cel strategiczny" : "Edycja celu strategicznego";
  return (
    <EditPage
      title={title}
      caption={loaderData.doc.title}
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
        label="Symbol celu"
        hint="Np. C1 albo 1."
        width={5}
        defaultValue={values.code}
        error={err("code")}
      />
      <TextField
        name="title"
        label="Nazwa celu strategicznego"
        defaultValue={values.title}
        error={err("title")}
      />
      <TextField
        name="coordinatorName"
        label="Koordynator celu — imię i nazwisko"
        defaultValue={values.coordinatorName}
        error={err("coordinatorName")}
      />
      <TextField
        name="coordinatorPosition"
        label="Koordynator celu — stanowisko"
        defaultValue={values.coordinatorPosition}
        error={err("coordinatorPosition")}
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
