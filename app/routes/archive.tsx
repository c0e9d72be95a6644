import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/archive";
import { ArchiveSection } from "../components/archive-section/archive-section.tsx";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { Button } from "../components/button/button.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { TextArea } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { changeArchive, listArchived } from "../domain/archive/index.ts";
import { labelOf } from "../domain/value-labels.ts";
import { formatDate } from "../format/polish-dates.ts";
import { authorize, canOpenArchive } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { archiveSchema } from "../web/forms/archive.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canOpenArchive(scope.actor));
    const items = await listArchived({ scope });
    return {
      chosen: new URL(request.url).searchParams.get("pozycja"),
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      items: items.map((i) => ({
        kind: i.kind,
        kindLabel: labelOf("archiveKind", i.kind),
        id: i.id,
        name: i.name,
        version: String(i.version),
        archivedAt: formatDate(i.archivedAt),
      })),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // The domain checks canArchive / canDeletePermanently for the item's kind.
    authorize(canOpenArchive(scope.actor));
    return formAction({
      request,
      schema: archiveSchema,
      extra: { done: null as string | null },
      act: async (f, sent) => {
        await changeArchive({ scope, ...f, expectedVersion: sent.version ?? 0 });
        // From an item's page: back to its list after archiving, to the item after restoring.
        if (f.back) throw redirect(f.back);
        return formDone({
          done:
            f.intent === "restore"
              ? "Przywrócono pozycję z archiwum."
              : f.intent === "delete"
                ? "Usunięto pozycję trwale."
                : "Zarchiwizowano pozycję.",
        });
      },
    });
  });
}

/** The page an archived item is edited (and can be restored) on; a membership has none. */
function itemPath(base: string, kind: string, id: string): string | null {
  const paths: Record<string, string> = {
    document: `${base}/struktura/dokumenty/${id}`,
    goal: `${base}/struktura/cele/${id}`,
    direction: `${base}/struktura/kierunki/${id}`,
    project: `${base}/struktura/projekty/${id}`,
    indicator: `${base}/struktura/wskazniki/${id}`,
    institution: `${base}/instytucje/${id}`,
  };
  return paths[kind] ?? null;
}

export default function Archive({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const sent = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const chosenId = actionData?.done ? null : (sent.id ?? loaderData.chosen);
  const chosen = loaderData.items.find((i) => i.id === chosenId);
  return (
    <>
      <title>{`Zarchiwizowane — ${loaderData.tenant.name} — Busola`}</title>
      <Breadcrumbs
        items={[{ label: loaderData.tenant.name, to: base }, { label: "Zarchiwizowane" }]}
      />
      <PageHeader title="Zarchiwizowane" />
      <ErrorSummary errors={errors} />
      {actionData?.done ? (
        <div className="notice" role="status">
          <p>{actionData.done}</p>
        </div>
      ) : null}
      {sent.intent === "archive" && sent.kind && sent.id && errors.length > 0 ? (
        <ArchiveSection
          tenantSlug={loaderData.tenant.slug}
          kind={sent.kind}
          id={sent.id}
          version={sent.version ?? ""}
          csrf={root?.csrf ?? ""}
          back={sent.back ?? ""}
          canDelete={false}
          error={errors.find((e) => e.field === "reason")?.message}
        />
      ) : null}
      {chosen ? (
        <Form method="post" id="przywracanie" aria-labelledby="restore-heading">
          <h2 id="restore-heading">Przywróć: {chosen.name}</h2>
          <CsrfInput token={root?.csrf ?? ""} />
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="kind" value={chosen.kind} />
          <input type="hidden" name="id" value={chosen.id} />
          <input type="hidden" name="version" value={chosen.version} />
          {/* A restore begun on the item's page goes back there, also after an error. */}
          <input
            type="hidden"
            name="back"
            value={sent.intent === "restore" ? (sent.back ?? "") : ""}
          />
          <TextArea
            name="reason"
            label="Powód przywrócenia"
            rows={2}
            error={errors.find((e) => e.field === "reason")?.message}
            defaultValue={sent.reason}
          />
          <Button>Przywróć</Button>
        </Form>
      ) : null}
      {loaderData.items.length === 0 ? (
        <p>Archiwum jest puste.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Zarchiwizowane pozycje</caption>
            <thead>
              <tr>
                <th scope="col">Rodzaj</th>
                <th scope="col">Nazwa</th>
                <th scope="col">Zarchiwizowano</th>
                <th scope="col">Przywróć</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.kindLabel}</td>
                  <td>
                    {itemPath(base, i.kind, i.id) ? (
                      <Link to={itemPath(base, i.kind, i.id)!}>{i.name}</Link>
                    ) : (
                      i.name
                    )}
                  </td>
                  <td>{i.archivedAt}</td>
                  <td>
                    <Link to={`?pozycja=${i.id}#przywracanie`}>
                      Przywróć<span className="visually-hidden">: {i.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
