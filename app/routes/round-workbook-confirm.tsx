// The differences an uploaded workbook would make, for the partner to confirm or cancel. Items
// changed in Busola since the download are flagged with who changed them and when; saving over
// them needs an explicit tick, and a conflict found while saving saves nothing.
import { Form, Link, redirect } from "react-router";
import { z } from "../web/forms/zod.ts";
import { checkbox } from "../web/forms/fields.ts";
import type { Route } from "./+types/round-workbook-confirm";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { Checkbox } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { StatusTag } from "../components/status-tag/status-tag.tsx";
import { formatNumber } from "../format/polish-numbers.ts";
import {
  cancelWorkbookUpload,
  confirmWorkbookUpload,
  getWorkbookUpload,
  WORKBOOK_CARD_FIELDS,
  type StoredConflict,
  type WorkbookCardField,
} from "../round-xlsx/index.ts";
import { showCardField } from "../round-xlsx/labels.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { authorize, canUseOwnWorkbook } from "../policies/index.ts";
import { pageUrl, requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, staleAnswer } from "../web/forms/action.server.ts";
import { Button } from "../components/button/button.tsx";

const OVERRIDE = "zastap";

function show(field: string, v: string | number | boolean | null): string {
  if (v === null || v === "") return "—";
  if (typeof v === "boolean") return v ? "tak" : "nie";
  if (typeof v === "number") return formatNumber(v);
  if ((WORKBOOK_CARD_FIELDS as readonly string[]).includes(field))
    return showCardField(field as WorkbookCardField, v);
  return v;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canUseOwnWorkbook(scope.actor), { hide: true });
    const upload = await getWorkbookUpload({
      scope,
      roundId: params.round,
      uploadId: params.upload,
    });
    const items = [
      ...upload.changes.cards.map((c) => ({
        kind: "card" as const,
        id: c.projectId,
        label: `Karta projektu ${c.symbol} ${c.title}`,
        stale: c.stale,
        diffs: c.diffs,
      })),
      ...upload.changes.contributions.map((c) => ({
        kind: "contribution" as const,
        id: c.indicatorId,
        label: `Wskaźnik: ${c.indicatorName}`,
        stale: c.stale,
        diffs: c.diffs,
      })),
    ];
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      round: { id: upload.round.id, year: upload.round.year },
      fileName: upload.fileName,
      status: upload.status,
      conflicts: upload.conflicts,
      items: items.map((i) => ({
        key: `${i.kind}:${i.id}`,
        label: i.label,
        stale: i.stale || upload.conflicts.some((c) => c.id === i.id && c.kind === i.kind),
        diffs: i.diffs.map((d) => ({
          label: d.label,
          before: show(d.field, d.before),
          after: show(d.field, d.after),
        })),
      })),
    };
  });
}

const confirmSchema = z.object({ intent: z.string().optional(), [OVERRIDE]: checkbox });

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canUseOwnWorkbook(scope.actor), { hide: true });
    const target = { scope, roundId: params.round, uploadId: params.upload };
    const tasks = `/g/${scope.tenant.slug}/moje-zadania`;
    return formAction({
      request,
      schema: confirmSchema,
      field: "intent",
      extra: { conflicts: [] as StoredConflict[], refused: null as string | null },
      act: async (v) => {
        if (v.intent === "cancel") {
          await cancelWorkbookUpload(target);
          throw redirect(`${tasks}/arkusz/${params.round}/wczytaj`);
        }
        const result = await confirmWorkbookUpload({ ...target, override: v[OVERRIDE] });
        if (result.outcome === "saved") throw redirect(`${tasks}?arkusz=${result.saved}`);
        if (result.outcome === "done") throw redirect(pageUrl(request).pathname);
        if (result.outcome === "refused")
          return staleAnswer({ conflicts: [] as StoredConflict[], refused: result.message });
        return staleAnswer({ conflicts: result.conflicts, refused: null as string | null });
      },
    });
  });
}

export default function WorkbookConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant, round, items, status } = loaderData;
  const root = useRootData();
  const base = `/g/${tenant.slug}`;
  const conflicts = actionData?.conflicts ?? [];
  const locked = conflicts.some((c) => c.locked);
  const shown = actionData ? conflicts : loaderData.conflicts;
  const anyStale = items.some((i) => i.stale) || conflicts.length > 0;
  const errors = [
    ...(actionData?.refused ? [{ field: "intent", message: actionData.refused }] : []),
    ...conflicts.map((c) => ({ field: OVERRIDE, message: c.message })),
  ];
  const staleNote = (key: string) =>
    shown.find((c) => `${c.kind}:${c.id}` === key)?.message ??
    "Zmieniono w Busoli po pobraniu arkusza.";
  return (
    <>
      <title>{`Zmiany z arkusza — ${tenant.name} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: tenant.name, to: base },
          { label: "Moje zadania", to: `${base}/moje-zadania` },
          {
            label: "Wczytaj wypełniony arkusz",
            to: `${base}/moje-zadania/arkusz/${round.id}/wczytaj`,
          },
          { label: "Zmiany z arkusza" },
        ]}
      />
      <PageHeader title="Zmiany z arkusza" caption={`${loaderData.fileName} — rok ${round.year}`} />
      <ErrorSummary errors={errors} />
      {status !== "pending" ? (
        <p>
          {status === "saved"
            ? "Zmiany z tego arkusza zostały już zapisane."
            : "Wczytanie tego arkusza anulowano — nic nie zapisano."}{" "}
          <Link to={`${base}/moje-zadania`}>Wróć do moich zadań</Link>
        </p>
      ) : (
        <>
          <p>
            Sprawdź zmiany względem danych zapisanych w Busoli. Nic nie zostało jeszcze zapisane.
          </p>
          {items.map((item) => (
            <section key={item.key} aria-labelledby={`h-${item.key}`}>
              <h2 id={`h-${item.key}`}>
                {item.label}{" "}
                {item.stale ? <StatusTag tone="red">zmieniono po pobraniu</StatusTag> : null}
              </h2>
              {item.stale ? (
                <div className="notice" role="note">
                  <p>{staleNote(item.key)}</p>
                </div>
              ) : null}
              <div className="table-wrapper" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">{`Zmiany: ${item.label}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Pole</th>
                      <th scope="col">Jest w Busoli</th>
                      <th scope="col">Będzie po zapisaniu</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.diffs.map((d) => (
                      <tr key={d.label}>
                        <th scope="row">{d.label}</th>
                        <td>{d.before}</td>
                        <td>{d.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          <Form method="post" noValidate>
            <CsrfInput token={root?.csrf ?? ""} />
            {anyStale && !locked ? (
              <Checkbox
                name={OVERRIDE}
                value="tak"
                label="Zastąp dane zmienione w Busoli po pobraniu arkusza wartościami z mojego arkusza"
                hint="Bez tego zaznaczenia nic nie zostanie zapisane, jeśli ktoś zmienił te pozycje po pobraniu arkusza."
              />
            ) : null}
            <div className="button-group">
              {locked ? null : (
                <Button name="intent" value="save">
                  Zapisz zmiany
                </Button>
              )}
              <Button variant="secondary" name="intent" value="cancel">
                Anuluj
              </Button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
