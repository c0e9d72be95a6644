// The annual report of a document: choose a layout and a format, download a draft at any time,
// or mark a report final — stored with who made it, when and the fingerprint of its data.
import { useState, type FormEvent } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/report";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { ErrorSummary } from "../components/error-summary/error-summary.tsx";
import { Checkbox, RadioGroup } from "../components/field/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { StatusTag } from "../components/status-tag/status-tag.tsx";
import { getDocument, listReportingYears } from "../domain/documents.ts";
import { ExampleDataNotice } from "../components/example-data/example-data.tsx";
import { formatDateTime, formatNumber } from "../format/polish-numbers.ts";
import { authorize, canFinaliseReport, canViewStrategy } from "../policies/index.ts";
import { listFinalReports, markReportFinal } from "../reports/final-reports.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { fieldOf, formAction } from "../web/forms/action.server.ts";
import { reportChoiceSchema, reportOptionsOf } from "../web/forms/report-choice.ts";
import { getServices } from "../services.ts";
import { Button } from "../components/button/button.tsx";

const LAYOUTS = [
  {
    value: "cards",
    label: "Karty projektów",
    hint: "Cele strategiczne z koordynatorami, spisy projektów ze stronami, karta każdego projektu.",
  },
  {
    value: "indicators",
    label: "Tabele wskaźników",
    hint: "Tabela dla każdego celu: cele operacyjne, kierunki działań, wskaźniki, wartości, realizatorzy i uwagi.",
  },
];
const FORMATS = [
  { value: "docx", label: "Word (DOCX) — do dalszej edycji" },
  { value: "pdf", label: "PDF/A — do publikacji w BIP" },
  { value: "html", label: "Strona HTML — dostępna wersja do przeglądarki" },
];
const LAYOUT_LABELS: Record<string, string> = {
  cards: "karty projektów",
  indicators: "tabele wskaźników",
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const doc = await getDocument({ scope, idOrSlug: params.document });
    const years = await listReportingYears({ scope, documentId: doc.id });
    const requested = Number(new URL(request.url).searchParams.get("rok"));
    const year =
      Number.isInteger(requested) && requested > 1990 && requested < 2200
        ? requested
        : (years[0] ?? doc.periodEnd);
    const finals = await listFinalReports({ scope, documentId: doc.id, year });
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      doc: { id: doc.id, slug: doc.slug, title: doc.title },
      year,
      years: [...new Set([...years, year])].sort((a, b) => b - a),
      exampleYears: doc.exampleYears,
      canFinalise: canFinaliseReport(scope.actor),
      publicMinCount: getServices().config.publicMinCount,
      finals: finals.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        layout: LAYOUT_LABELS[f.layout] ?? f.layout,
        format: f.format.toUpperCase(),
        size: `${formatNumber(Math.max(1, Math.round(f.size / 1024)))} KB`,
        createdAt: formatDateTime(f.createdAt),
        createdBy: f.createdBy,
        fingerprint: f.fingerprint.slice(0, 12),
        stale: f.stale,
      })),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canFinaliseReport(scope.actor), { hide: true });
    return formAction({
      request,
      schema: reportChoiceSchema,
      act: async (v) => {
        const doc = await getDocument({ scope, idOrSlug: params.document });
        // The report's data changed or it is already final: answered like a conflict.
        await fieldOf(
          "final",
          () =>
            markReportFinal({
              scope,
              documentId: doc.id,
              year: v.rok,
              layout: v.uklad,
              format: v.format,
              options: reportOptionsOf(v, getServices().config.publicMinCount),
            }),
          "stale",
        );
        throw redirect(
          `/g/${scope.tenant.slug}/dokumenty/${doc.slug}/raport?rok=${v.rok}&zapisano=1`,
        );
      },
    });
  });
}

/** With JavaScript, the draft is fetched in the page so its progress can be shown; without, it downloads. */
function useDownloadWithProgress() {
  const [status, setStatus] = useState<string>("");
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    if (params.get("format") === "html") return; // opens in the browser like a page
    event.preventDefault();
    setStatus("Trwa przygotowanie raportu… To może potrwać kilkanaście sekund.");
    try {
      const response = await fetch(`${form.action}?${params}`, { credentials: "same-origin" });
      if (!response.ok) throw new Error(await response.text());
      const blob = await response.blob();
      const name = /filename\*=UTF-8''([^;]+)/u.exec(
        response.headers.get("Content-Disposition") ?? "",
      );
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = name ? decodeURIComponent(name[1]!) : "sprawozdanie";
      document.body.append(link);
      link.click();
      link.remove();
      setStatus(
        `Raport gotowy (${formatNumber(Math.round(blob.size / 1024))} KB) — pobieranie rozpoczęte.`,
      );
    } catch (error) {
      setStatus(
        `Nie udało się przygotować raportu: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return { status, onSubmit };
}

export default function Report({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const d = loaderData;
  const base = `/g/${d.tenant.slug}`;
  const errors = actionData?.errors ?? [];
  const { status, onSubmit } = useDownloadWithProgress();
  const fields = (prefix: string) => (
    <>
      <input type="hidden" name="rok" value={String(d.year)} />
      <RadioGroup
        name="uklad"
        label="Układ"
        options={LAYOUTS}
        defaultValue="cards"
        idBase={`${prefix}-uklad`}
      />
      <RadioGroup
        name="format"
        label="Format pliku"
        options={FORMATS}
        defaultValue="docx"
        idBase={`${prefix}-format`}
      />
      <Checkbox
        name="wykresy"
        idBase={`${prefix}-wykresy`}
        value="tak"
        label="Wykresy wskaźników z co najmniej dwóch lat (z opisem tekstowym)"
        defaultChecked
      />
      <Checkbox
        name="publiczna"
        idBase={`${prefix}-publiczna`}
        value="tak"
        label="Wersja publiczna (do BIP)"
        hint={`Tylko opublikowane karty i wartości; liczby osób, rodzin i spraw mniejsze niż ${d.publicMinCount} nie są podawane.`}
      />
    </>
  );
  return (
    <>
      <title>{`Sprawozdanie za rok ${d.year} — ${d.doc.title} — Busola`}</title>
      <Breadcrumbs
        items={[
          { label: d.tenant.name, to: base },
          { label: "Dokumenty", to: `${base}/dokumenty` },
          { label: d.doc.title, to: `${base}/dokumenty/${d.doc.slug}?rok=${d.year}` },
          { label: `Sprawozdanie za rok ${d.year}` },
        ]}
      />
      <PageHeader title={`Sprawozdanie za rok ${d.year}`} caption={d.doc.title} />
      <ErrorSummary errors={errors} />
      <Form method="get" className="inline-form">
        <label className="label label--inline" htmlFor="rok-wybor">
          Rok sprawozdawczy
        </label>{" "}
        <select id="rok-wybor" name="rok" defaultValue={String(d.year)} className="select">
          {d.years.map((y) => (
            <option key={y} value={y}>
              {d.exampleYears.includes(y) ? `${y} (dane przykładowe)` : y}
            </option>
          ))}
        </select>{" "}
        <Button variant="secondary" small>
          Pokaż
        </Button>
      </Form>
      <ExampleDataNotice years={d.exampleYears.includes(d.year) ? [d.year] : []} />

      <h2>Wersja robocza</h2>
      <p>
        Wersję roboczą można pobrać w każdej chwili. Jeśli dane mają niepotwierdzone uwagi kontroli
        liczb albo nieopublikowane karty i wartości, raport jest oznaczony jako projekt, a uwagi są
        wypisane w załączniku.
      </p>
      <form method="get" action={`${base}/dokumenty/${d.doc.slug}/raport/plik`} onSubmit={onSubmit}>
        {fields("draft")}
        <Button>Pobierz wersję roboczą</Button>
      </form>
      <div role="status" aria-live="polite" className="report-status">
        {status}
      </div>

      {d.canFinalise ? (
        <>
          <h2>Raport ostateczny</h2>
          <p>
            Raport ostateczny zostaje zapisany w Busoli dokładnie w tej postaci, z datą, autorem i
            odciskiem danych — można go później pobrać bez zmian. Nie da się go zatwierdzić, dopóki
            w danych są niepotwierdzone uwagi o znaczeniu „błąd”.{" "}
            <Link to={`${base}/dokumenty/${d.doc.slug}/uwagi?rok=${d.year}`}>
              Przejrzyj i potwierdź uwagi za rok {d.year}
            </Link>
          </p>
          <Form method="post" id="f-final">
            <CsrfInput token={root?.csrf ?? ""} />
            {fields("final")}
            <Button variant="secondary">Zatwierdź i zapisz raport ostateczny</Button>
          </Form>
        </>
      ) : null}

      <h2>Zapisane raporty ostateczne za rok {d.year}</h2>
      {d.finals.length === 0 ? (
        <p>Nie zapisano jeszcze raportu ostatecznego za ten rok.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Raporty ostateczne za rok {d.year}</caption>
            <thead>
              <tr>
                <th scope="col">Plik</th>
                <th scope="col">Układ</th>
                <th scope="col">Zapisał</th>
                <th scope="col">Kiedy</th>
                <th scope="col">Odcisk danych</th>
              </tr>
            </thead>
            <tbody>
              {d.finals.map((f) => (
                <tr key={f.id}>
                  <td>
                    <a href={`${base}/raporty/${f.id}`}>{f.fileName}</a> ({f.format}, {f.size})
                  </td>
                  <td>{f.layout}</td>
                  <td>{f.createdBy}</td>
                  <td>{f.createdAt}</td>
                  <td>
                    <code>{f.fingerprint}</code>{" "}
                    {f.stale === true ? (
                      <StatusTag tone="yellow">dane zmieniły się od tego czasu</StatusTag>
                    ) : f.stale === false ? (
                      <StatusTag tone="green">zgodny z obecnymi danymi</StatusTag>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`${base}/dokumenty/${d.doc.slug}?rok=${d.year}`}>Wróć do drzewa celów</Link>
      </p>
    </>
  );
}
