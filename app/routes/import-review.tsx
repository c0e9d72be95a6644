// The review of an imported report: every proposed item beside the passage it came from, what
// saving it would do against the chosen document, the parser's doubts and the validation
// findings. The coordinator corrects names, unticks what should not be saved, and commits —
// everything in one transaction — or discards the import.
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/import-review";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { Button, ButtonGroup } from "../components/button/button.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { FormInputError, type FieldError } from "../domain/errors.ts";
import { SelectField, TextField } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { getDocument, listDocuments } from "../domain/documents.ts";
import { formatDateTime, formatNumber } from "../format/polish-numbers.ts";
import { documentDefaults } from "../domain/import-drafts/document-defaults.ts";
import { nameKey } from "../domain/import-drafts/matching.ts";
import { commitDraft, discardDraft, getDraft, planDraft } from "../domain/import-drafts/drafts.ts";
import { DOCUMENT_KIND_LABELS, labelOptions } from "../domain/value-labels.ts";
import { isUuid } from "../domain/scope.ts";
import { authorize, canImportReports } from "../policies/index.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { documentSchema } from "../web/forms/document.ts";
import { formAction, formDone, zodErrors } from "../web/forms/action.server.ts";
import { repeated } from "../web/forms/fields.ts";
import { reviewDecisions } from "../web/forms/import-review.ts";
import { z } from "../web/forms/zod.ts";
import { Counts, ReviewSections, SECTIONS, reviewRows } from "./import-review-rows.tsx";

const NEW_DOCUMENT = "nowy";

function chosenTarget(url: URL, draftDocumentId: string | null) {
  const raw = url.searchParams.get("dokument") ?? draftDocumentId ?? NEW_DOCUMENT;
  return raw !== NEW_DOCUMENT && isUuid(raw) ? raw : null;
}

function chosenYear(url: URL, fallback: number | null): number {
  const y = Number(url.searchParams.get("rok") ?? fallback ?? new Date().getFullYear() - 1);
  return Number.isInteger(y) && y >= 1990 && y <= 2100 ? y : new Date().getFullYear() - 1;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canImportReports(scope.actor), { hide: true });
    const draft = await getDraft({ scope, draftId: params.draft });
    const url = new URL(request.url);
    const documents = await listDocuments({ scope });
    const year = chosenYear(url, draft.year ?? draft.proposal.document.year);
    // A later year's report of a stored document: proposed as the target by its title or period.
    const defaults = documentDefaults(draft.proposal, year);
    const sameDocument = documents.find(
      (d) =>
        nameKey(d.title) === nameKey(defaults.title) ||
        (d.kind === defaults.kind &&
          d.periodStart === defaults.periodStart &&
          d.periodEnd === defaults.periodEnd &&
          defaults.periodStart !== defaults.periodEnd),
    );
    const documentId = chosenTarget(url, draft.documentId ?? sameDocument?.id ?? null);
    const target = documentId ? (documents.find((d) => d.id === documentId) ?? null) : null;
    const base = {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      draft: {
        id: draft.id,
        fileName: draft.fileName,
        status: draft.status,
        createdAt: formatDateTime(draft.createdAt),
        kind: draft.proposal.document.kind,
        municipality: draft.proposal.document.municipality,
        title: draft.proposal.document.title,
      },
      year,
      documentId: target?.id ?? NEW_DOCUMENT,
      documents: documents.map((d) => ({
        id: d.id,
        label: `${d.title} (${d.periodStart}–${d.periodEnd})`,
      })),
      newDocument: defaults,
      warnings: draft.proposal.warnings,
    };
    if (draft.status !== "draft") {
      const committed = draft.documentId
        ? await getDocument({ scope, idOrSlug: draft.documentId }).catch(() => null)
        : null;
      return {
        ...base,
        result: {
          documentSlug: committed?.slug ?? null,
          documentTitle: committed?.title ?? null,
          created: draft.result?.created ?? {},
          updated: draft.result?.updated ?? {},
          year: draft.result?.year ?? year,
        },
        rows: [],
      };
    }
    const plan = await planDraft({ scope, draft, documentId: target?.id ?? null, year });
    const rows = reviewRows(plan, draft.sourceText);
    return { ...base, result: null, rows };
  });
}

const reviewSchema = z.looseObject({
  intent: z.string().optional(),
  document: z.string().optional(),
  item: repeated(z.string()),
  accept: repeated(z.string()),
});

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canImportReports(scope.actor), { hide: true });
    return formAction({
      request,
      schema: reviewSchema,
      field: "document",
      act: async (v, sent) => {
        if (v.intent === "discard") {
          await discardDraft({ scope, draftId: params.draft });
          throw redirect(`/g/${scope.tenant.slug}/import`);
        }
        const draft = await getDraft({ scope, draftId: params.draft });
        const year = Number(sent.values.year);
        const errors: FieldError[] = [];
        if (!Number.isInteger(year) || year < 1990 || year > 2100)
          errors.push({ field: "year", message: "Wpisz rok sprawozdania, np. 2020." });
        const documentId = v.document && isUuid(v.document) ? v.document : null;
        // "Zaznacz / odznacz wszystkie" of a section, and Enter in a field: the form again,
        // with every choice and correction as sent — nothing is saved.
        const bulk = /^(zaznacz|odznacz):([a-z_]+)$/u.exec(v.intent ?? "");
        if (bulk || v.intent === "odswiez") {
          const accepted = new Set(v.accept);
          if (bulk && errors.length === 0) {
            const plan = await planDraft({ scope, draft, documentId, year });
            for (const item of plan.items.filter((i) => i.section === bulk[2])) {
              if (bulk[1] === "zaznacz") accepted.add(item.key);
              else accepted.delete(item.key);
            }
          }
          return formDone({
            values: sent.values,
            lists: { ...sent.lists, accept: [...accepted] },
          });
        }
        let newDocument = null;
        if (!documentId) {
          const parsed = documentSchema.safeParse({ ...sent.input, status: "in_force" });
          if (parsed.success) newDocument = parsed.data;
          else errors.push(...zodErrors(parsed.error));
        }
        if (errors.length) throw new FormInputError(errors);
        const plan = await planDraft({ scope, draft, documentId, year });
        const decisions = reviewDecisions(plan, v.item, new Set(v.accept), sent.values);
        await commitDraft({
          scope,
          draftId: draft.id,
          target: documentId ? { documentId } : { newDocument: newDocument! },
          year,
          decisions,
        });
        throw redirect(`/g/${scope.tenant.slug}/import/${params.draft}`);
      },
    });
  });
}

export default function ImportReview({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const d = loaderData;
  const base = `/g/${d.tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  // The form as sent (after an error or a bulk choice): each choice and correction kept.
  const sentChoices = actionData?.lists ? new Set(actionData.lists.accept ?? []) : null;
  const sentValues = actionData?.values ?? {};
  const crumbs = [
    { label: d.tenant.name, to: base },
    { label: "Import sprawozdania", to: `${base}/import` },
    { label: d.draft.fileName },
  ];
  const heading = (
    <PageHeader
      title={`Przegląd importu: ${d.draft.fileName}`}
      caption={`Wczytano ${d.draft.createdAt}`}
    />
  );

  if (d.result) {
    return (
      <>
        <title>{`Import ${d.draft.fileName} — Busola`}</title>
        <Breadcrumbs items={crumbs} />
        {heading}
        {d.draft.status === "committed" ? (
          <>
            <div className="notice notice--success" role="status">
              <h2>Import zapisany</h2>
              <p>
                Dane za rok {d.result.year} zapisano
                {d.result.documentTitle ? ` w dokumencie „${d.result.documentTitle}”` : ""}.
              </p>
            </div>
            <h2>Utworzono</h2>
            <Counts counts={d.result.created} />
            <h2>Zmieniono</h2>
            <Counts counts={d.result.updated} />
            {d.result.documentSlug ? (
              <p>
                <Link to={`${base}/dokumenty/${d.result.documentSlug}?rok=${d.result.year}`}>
                  Przejdź do dokumentu i jego struktury
                </Link>
              </p>
            ) : null}
          </>
        ) : (
          <p>Ten import został odrzucony — nic z niego nie zapisano.</p>
        )}
        <p>
          <Link to={`${base}/import`}>Wróć do listy importów</Link>
        </p>
      </>
    );
  }

  const rows = d.rows;
  const count = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
  const withFindings = count((r) => r.findings.length > 0);
  const withDoubts = count((r) => r.uncertain.length > 0);

  return (
    <>
      <title>{`Przegląd importu ${d.draft.fileName} — Busola`}</title>
      <Breadcrumbs items={crumbs} />
      {heading}
      <ErrorSummary errors={errors} />
      <p>
        Sprawdź, co Busola odczytała z pliku. Obok każdej pozycji jest fragment źródła, z którego
        pochodzi. Popraw nazwy, odznacz to, czego nie chcesz zapisywać, i zatwierdź — wszystko
        zapisze się naraz albo wcale.
      </p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">Rodzaj dokumentu</dt>
          <dd className="summary-list__value">{d.draft.title ?? "—"}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">Gmina w dokumencie</dt>
          <dd className="summary-list__value">{d.draft.municipality ?? "nie ustalono"}</dd>
        </div>
        {SECTIONS.map((s) => (
          <div className="summary-list__row" key={s.section}>
            <dt className="summary-list__key">{s.title}</dt>
            <dd className="summary-list__value">
              {formatNumber(count((r) => r.section === s.section))} (nowe:{" "}
              {formatNumber(count((r) => r.section === s.section && r.action === "create"))})
            </dd>
          </div>
        ))}
        <div className="summary-list__row">
          <dt className="summary-list__key">Do sprawdzenia</dt>
          <dd className="summary-list__value">
            {formatNumber(withFindings)} z uwagami kontroli liczb, {formatNumber(withDoubts)} z
            wątpliwościami odczytu
          </dd>
        </div>
      </dl>

      {d.warnings.length ? (
        <div className="notice notice--warning">
          <h2>Uwagi do odczytu dokumentu</h2>
          <ul>
            {d.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>Gdzie zapisać</h2>
      <Form method="get" className="inline-form">
        <SelectField
          name="dokument"
          label="Dokument"
          hint="Wybierz istniejący dokument, jeśli to sprawozdanie za kolejny rok tej samej strategii lub programu — Busola dopasuje cele, projekty i wskaźniki i doda nowy rok."
          options={[
            { value: NEW_DOCUMENT, label: "Nowy dokument" },
            ...d.documents.map((doc) => ({ value: doc.id, label: doc.label })),
          ]}
          defaultValue={d.documentId}
        />
        <TextField name="rok" label="Rok sprawozdania" width={5} defaultValue={String(d.year)} />
        <Button variant="secondary">Porównaj z wybranym dokumentem</Button>
      </Form>

      <Form method="post" noValidate>
        <CsrfInput token={root?.csrf ?? ""} />
        <input type="hidden" name="document" value={d.documentId} />
        <input type="hidden" name="year" value={String(d.year)} />
        {/* Enter in a field submits the first button: one that saves nothing. */}
        <button
          type="submit"
          name="intent"
          value="odswiez"
          className="visually-hidden"
          tabIndex={-1}
        >
          Odśwież przegląd
        </button>
        {d.documentId === NEW_DOCUMENT ? (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">Nowy dokument</legend>
            <SelectField
              name="kind"
              label="Rodzaj dokumentu"
              options={labelOptions(DOCUMENT_KIND_LABELS)}
              defaultValue={sentValues.kind ?? d.newDocument.kind}
              error={errorOf("kind")}
            />
            <TextField
              name="title"
              label="Tytuł"
              defaultValue={sentValues.title ?? d.newDocument.title}
              error={errorOf("title")}
            />
            <TextField
              name="slug"
              label="Adres w systemie"
              hint="Np. srps-2021-2030 — pojawi się w adresach stron."
              width={20}
              defaultValue={sentValues.slug ?? d.newDocument.slug}
              error={errorOf("slug")}
              spellCheck={false}
            />
            <TextField
              name="periodStart"
              label="Okres — od roku"
              width={5}
              defaultValue={sentValues.periodStart ?? String(d.newDocument.periodStart)}
              error={errorOf("periodStart")}
            />
            <TextField
              name="periodEnd"
              label="Okres — do roku"
              width={5}
              defaultValue={sentValues.periodEnd ?? String(d.newDocument.periodEnd)}
              error={errorOf("periodEnd")}
            />
          </fieldset>
        ) : null}

        <ReviewSections
          rows={rows}
          errorOf={errorOf}
          sentChoices={sentChoices}
          sentValues={sentValues}
        />

        <ButtonGroup>
          <Button name="intent" value="commit">
            Zatwierdź i zapisz zaznaczone
          </Button>
          <Button name="intent" value="discard" variant="warning">
            Odrzuć cały import
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
