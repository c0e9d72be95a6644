// A report year's open findings, worked on many at once (issue 14 item 10): filter by rule,
// goal and weight; acknowledge the ticked findings — or every finding shown — with one comment;
// point "reported in another program" findings at that program's document.
import { Form, Link } from "react-router";
import type { Route } from "./+types/document-findings";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { Button } from "../components/button/button.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import {
  Checkbox,
  FieldError,
  RadioGroup,
  SelectField,
  TextArea,
  errorId,
  fieldId,
} from "../components/field/field.tsx";
import { Notice } from "../components/notification/notification.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { StatusTag } from "../components/status-tag/status-tag.tsx";
import { getDocument, listReportingYears } from "../domain/documents.ts";
import {
  acknowledgeFindings,
  documentsToPointAt,
  listOpenFindings,
  pointFindingsAtDocument,
  REPORTED_ELSEWHERE_RULE,
  type BulkResult,
} from "../domain/findings-bulk.ts";
import { labelOf } from "../domain/value-labels.ts";
import { countOf } from "../format/polish-plural.ts";
import { authorize, canReviewFindings } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { formAction, formDone } from "../web/forms/action.server.ts";
import { findingsBulkSchema } from "../web/forms/findings-bulk.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";

function chosenYear(raw: string | null, years: number[], fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 1990 && n < 2200 ? n : (years[0] ?? fallback);
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canReviewFindings(scope.actor), { hide: true });
    const doc = await getDocument({ scope, idOrSlug: params.document });
    const url = new URL(request.url).searchParams;
    const years = await listReportingYears({ scope, documentId: doc.id });
    const year = chosenYear(url.get("rok"), years, doc.periodEnd);
    const filter = { rule: url.get("regula"), goal: url.get("cel"), severity: url.get("waga") };
    const [open, documents] = await Promise.all([
      listOpenFindings({ scope, documentId: doc.id, year, filter }),
      documentsToPointAt({ scope, documentId: doc.id }),
    ]);
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { slug: doc.slug, title: doc.title },
      year,
      years: [...new Set([...years, year])].sort((a, b) => b - a),
      filter: {
        regula: filter.rule ?? "",
        cel: filter.goal ?? "",
        waga: filter.severity ?? "",
      },
      all: open.all,
      rules: open.rules.map((r) => ({
        value: r.code,
        label: `${labelOf("finding", r.code)} (${r.count})`,
      })),
      goals: open.goals.map((g) => ({ value: g.code, label: `Cel ${g.code} (${g.count})` })),
      findings: open.shown.map((f) => ({
        id: f.id,
        subject: f.subject,
        message: f.message,
        severity: f.severity,
        severityLabel: labelOf("severity", f.severity),
        rule: labelOf("finding", f.target.rule),
        goal: f.goal ?? "",
      })),
      pointable: open.shown.some((f) => f.target.rule === REPORTED_ELSEWHERE_RULE),
      documents: documents.map((d) => ({ value: d.id, label: d.title })),
      reportedElsewhereLabel: labelOf("finding", REPORTED_ELSEWHERE_RULE),
    };
  });
}

function doneMessage(intent: "acknowledge" | "point", r: BulkResult): string {
  const done =
    intent === "acknowledge"
      ? `Potwierdzono ${countOf(r.done, "uwagę", "uwagi", "uwag")} z komentarzem.`
      : `Wskazano dokument na ${countOf(r.done, "karcie", "kartach", "kartach")} projektów.`;
  return r.changedMeanwhile > 0
    ? `${done} ${countOf(r.changedMeanwhile, "uwaga zmieniła", "uwagi zmieniły", "uwag zmieniło")} się w międzyczasie i ${r.changedMeanwhile === 1 ? "została" : "zostały"} pominięte.`
    : done;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canReviewFindings(scope.actor), { hide: true });
    return formAction({
      request,
      schema: findingsBulkSchema,
      field: "uwagi",
      extra: { done: null as string | null },
      act: async (v) => {
        const doc = await getDocument({ scope, idOrSlug: params.document });
        const chosen = {
          scope,
          documentId: doc.id,
          year: v.rok,
          ids: v.zakres === "zaznaczone" ? v.uwagi : undefined,
          filter: { rule: v.regula, goal: v.cel, severity: v.waga },
        };
        const result =
          v.intent === "acknowledge"
            ? await acknowledgeFindings({ ...chosen, comment: v.komentarz.trim() })
            : await pointFindingsAtDocument({ ...chosen, targetDocumentId: v.dokument });
        return formDone({ done: doneMessage(v.intent, result) });
      },
    });
  });
}

export default function DocumentFindings({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const d = loaderData;
  const base = `/g/${d.tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const sent = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const filtered = !!(d.filter.regula || d.filter.cel || d.filter.waga);
  return (
    <>
      <title>{`Uwagi do sprawdzenia za rok ${d.year} — ${d.doc.title} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: d.tenant.name, to: base },
          { label: "Dokumenty", to: `${base}/dokumenty` },
          { label: d.doc.title, to: `${base}/dokumenty/${d.doc.slug}?rok=${d.year}` },
          { label: `Uwagi za rok ${d.year}` },
        ]}
      />
      <PageHeader title={`Uwagi do sprawdzenia za rok ${d.year}`} caption={d.doc.title} />
      <ErrorSummary errors={errors} />
      {actionData?.done ? (
        <Notice tone="success" announce>
          {actionData.done}
        </Notice>
      ) : null}
      <p>
        {d.all === 0
          ? "Wszystkie uwagi tego roku są potwierdzone albo poprawione — raport można zatwierdzić jako ostateczny."
          : `Niepotwierdzonych uwag: ${d.all}. Potwierdź te, których liczby są poprawne (np. te same osoby w kilku instytucjach), jednym komentarzem — zaznaczone albo wszystkie wybranej reguły lub celu.`}{" "}
        <Link to={`${base}/dokumenty/${d.doc.slug}/raport?rok=${d.year}`}>
          Przejdź do sprawozdania
        </Link>
      </p>
      <Form method="get" className="filter-form" aria-label="Wybór uwag">
        <SelectField
          name="rok"
          label="Rok sprawozdawczy"
          defaultValue={String(d.year)}
          options={d.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SelectField
          name="regula"
          label="Reguła"
          placeholder="wszystkie reguły"
          defaultValue={d.filter.regula}
          options={d.rules}
        />
        <SelectField
          name="cel"
          label="Cel strategiczny"
          placeholder="wszystkie cele"
          defaultValue={d.filter.cel}
          options={d.goals}
        />
        <SelectField
          name="waga"
          label="Znaczenie"
          placeholder="każde"
          defaultValue={d.filter.waga}
          options={[
            { value: "error", label: "błąd" },
            { value: "warning", label: "ostrzeżenie" },
          ]}
        />
        <Button variant="secondary">Pokaż uwagi</Button>
      </Form>
      {d.findings.length === 0 ? (
        d.all > 0 ? (
          <p>Żadna uwaga nie pasuje do wybranych filtrów.</p>
        ) : null
      ) : (
        <Form method="post" className="findings-bulk">
          <CsrfInput token={root?.csrf ?? ""} />
          <input type="hidden" name="rok" value={String(d.year)} />
          <input type="hidden" name="regula" value={d.filter.regula} />
          <input type="hidden" name="cel" value={d.filter.cel} />
          <input type="hidden" name="waga" value={d.filter.waga} />
          <fieldset
            className={`fieldset${err("uwagi") ? " form-group--error" : ""}`}
            id={fieldId("uwagi")}
            tabIndex={-1}
            aria-describedby={err("uwagi") ? errorId("uwagi") : undefined}
          >
            <legend className="fieldset__legend">
              {`Uwagi (${countOf(d.findings.length, "uwaga", "uwagi", "uwag")}${filtered ? " spełniających filtry" : ""})`}
            </legend>
            {err("uwagi") ? <FieldError id={errorId("uwagi")} message={err("uwagi")!} /> : null}
            {d.findings.map((f, i) => (
              <Checkbox
                key={f.id}
                name="uwagi"
                idBase={`uwaga-${i}`}
                value={f.id}
                defaultChecked={sent.uwagi === f.id}
                label={
                  <>
                    <StatusTag tone={f.severity === "error" ? "red" : "yellow"}>
                      {f.severityLabel}
                    </StatusTag>{" "}
                    {f.subject}
                  </>
                }
                hint={`${f.message} (reguła: ${f.rule}${f.goal ? `; cel ${f.goal}` : ""})`}
              />
            ))}
          </fieldset>
          <RadioGroup
            name="zakres"
            label="Których uwag dotyczy czynność"
            defaultValue={sent.zakres ?? "zaznaczone"}
            options={[
              { value: "zaznaczone", label: "Zaznaczonych na liście" },
              {
                value: "wszystkie",
                label: `Wszystkich pokazanych (${d.findings.length})`,
                hint: "Tylko po wybraniu reguły lub celu w filtrach powyżej.",
              },
            ]}
            error={err("zakres")}
          />
          <TextArea
            name="komentarz"
            label="Komentarz do potwierdzenia"
            hint="Jeden komentarz dla wszystkich potwierdzanych uwag, np. „Te same osoby korzystały z pomocy kilku instytucji”."
            defaultValue={sent.komentarz}
            error={err("komentarz")}
          />
          <Button name="intent" value="acknowledge">
            Potwierdź uwagi z komentarzem
          </Button>
          {d.pointable && d.documents.length > 0 ? (
            <section aria-labelledby="wskaz-dokument">
              <h2 id="wskaz-dokument">Projekty sprawozdawane w innym dokumencie</h2>
              <p>
                Uwagi „{d.reportedElsewhereLabel}” rozwiązuje wskazanie dokumentu: karty
                zaznaczonych projektów dostaną jego tytuł w polu „Sprawozdawany w dokumencie”.
              </p>
              <SelectField
                name="dokument"
                label="Dokument, w którego sprawozdaniu opisano projekty"
                placeholder="wybierz dokument"
                defaultValue={sent.dokument}
                options={d.documents}
                error={err("dokument")}
              />
              <Button name="intent" value="point" variant="secondary">
                Wskaż dokument
              </Button>
            </section>
          ) : null}
        </Form>
      )}
    </>
  );
}
