// One common indicator across municipalities and years (decision 057): a table, a line chart
// (with its text alternative and data table) of the absolute values and of the values per
// 1,000 residents where the population is known, and the same table as CSV. Published data only.
import type { Route } from "./+types/comparison";
import { Breadcrumbs } from "../../components/breadcrumbs/breadcrumbs.tsx";
import { Chart } from "../../components/chart/chart.tsx";
import { renderChart } from "../../components/chart/render-chart.server.ts";
import { PublicNumber } from "../../components/public/numbers.tsx";
import {
  comparisonCsvPath,
  comparisonPath,
  COMPARISONS_PATH,
  municipalityPath,
} from "../../components/public/paths.ts";
import { SummaryList } from "../../components/summary-list/summary-list.tsx";
import { Table } from "../../components/table/table.tsx";
import { Button } from "../../components/button/button.tsx";
import { SelectField } from "../../components/field/field.tsx";
import { Pagination } from "../../components/pagination/pagination.tsx";
import { withheldExplanation } from "../../domain/publication/suppress.ts";
import { labelOf } from "../../domain/value-labels.ts";
import { formatNumber } from "../../format/polish-numbers.ts";
import { run } from "../../web/auth.server.ts";
import {
  CHART_MAX,
  comparisonChartSpec,
  comparisonRows,
  tablePage,
} from "../../web/comparison/comparison-table.ts";
import { loadComparison } from "./comparison.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS } from "./public.server.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  return run(async () => {
    const url = new URL(request.url);
    const { comparison: c, choices, page: asked } = await loadComparison(params.code, url);
    const all = comparisonRows(c);
    const { rows, page, pages, first } = tablePage(all, asked);
    const withRate = all.some((r) => r.perThousand !== null);
    const noPopulation = all
      .filter((r) => r.residents === null && !r.withheld)
      .map((r) => `${r.municipality} (${r.year} r.)`);
    const drawable = c.municipalities.length <= CHART_MAX;
    const plotted = drawable && c.years.length > 0 && all.some((r) => r.value !== null);
    const query = { woj: c.filter.voivodeship, rok: c.filter.year };
    const voivodeship = choices.voivodeships.find((v) => v.code === c.filter.voivodeship);
    return {
      entry: { ...c.entry, area: labelOf("dictionaryArea", c.entry.area) },
      filter: { ...c.filter, voivodeshipName: voivodeship?.name ?? null },
      choices,
      rows,
      total: all.length,
      municipalities: c.municipalities.length,
      page: { page, pages, first },
      pageHrefs: Array.from({ length: pages }, (_, i) =>
        comparisonPath(c.entry.code, { ...query, strona: i + 1 }),
      ),
      chartMax: drawable ? null : CHART_MAX,
      below: c.below,
      noPopulation,
      absolute: plotted ? renderChart(comparisonChartSpec(c, false)) : null,
      rate: plotted && withRate ? renderChart(comparisonChartSpec(c, true)) : null,
      csv: comparisonCsvPath(c.entry.code, query),
      action: comparisonPath(c.entry.code),
      canonical: absoluteUrl(request, comparisonPath(c.entry.code, { ...query, strona: page })),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

type Data = Route.ComponentProps["loaderData"];

/** ", województwo śląskie, 2023 r." — what the page is narrowed to, for captions. */
function selectionText(d: Data): string {
  const parts = [
    d.filter.voivodeshipName ? `województwo ${d.filter.voivodeshipName}` : null,
    d.filter.year ? `${d.filter.year} r.` : null,
  ].filter(Boolean);
  return parts.length ? `, ${parts.join(", ")}` : "";
}

function FilterForm({ d }: { d: Data }) {
  return (
    <form
      method="get"
      action={d.action}
      className="public-search"
      aria-label="Zawężenie porównania"
    >
      <SelectField
        name="woj"
        label="Województwo"
        placeholder="cała Polska"
        defaultValue={d.filter.voivodeship}
        options={d.choices.voivodeships.map((v) => ({ value: v.code, label: v.name }))}
      />
      <SelectField
        name="rok"
        label="Rok"
        placeholder="wszystkie lata"
        defaultValue={d.filter.year === null ? null : String(d.filter.year)}
        options={d.choices.years.map((y) => ({ value: String(y), label: `${y} r.` }))}
      />
      <Button>Pokaż</Button>
    </form>
  );
}

function ComparisonTable({ d }: { d: Data }) {
  const unit = d.entry.unit;
  return (
    <Table
      caption={`${d.entry.name} — wartości opublikowane przez gminy${selectionText(d)}${
        d.page.pages > 1
          ? ` (wiersze ${d.page.first}–${d.page.first + d.rows.length - 1} z ${d.total})`
          : ""
      }`}
      headers={[
        "Gmina",
        "Rok",
        "Wskaźnik gminy",
        "Wartość",
        "Liczba mieszkańców",
        "Na 1000 mieszkańców",
      ]}
    >
      {d.rows.map((r) => (
        <tr key={`${r.slug}-${r.year}`}>
          <th scope="row">
            <a href={municipalityPath(r.slug)}>{r.municipality}</a>
          </th>
          <td>{r.year}</td>
          <td>{r.indicatorName}</td>
          <td className="num">
            <PublicNumber
              value={r.value}
              unit={unit}
              withheld={r.withheld}
              approximate={r.approximate}
            />
          </td>
          <td className="num">{r.residents === null ? "nie podano" : formatNumber(r.residents)}</td>
          <td className="num">
            {r.withheld ? (
              <PublicNumber value={null} unit="" withheld />
            ) : r.perThousand === null ? (
              "brak danych"
            ) : (
              formatNumber(r.perThousand, { decimals: 2 })
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export default function PublicComparison({ loaderData: d }: Route.ComponentProps) {
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`${d.entry.name} — porównanie gmin — Busola`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          { label: "Porównanie gmin", to: COMPARISONS_PATH },
          { label: d.entry.code },
        ]}
      />
      <h1>{d.entry.name}</h1>
      <SummaryList
        rows={[
          { key: "Kod w słowniku", value: d.entry.code },
          { key: "Obszar", value: d.entry.area },
          { key: "Jednostka", value: d.entry.unit },
          { key: "Definicja", value: d.entry.definition },
          { key: "Podstawa", value: d.entry.source },
        ]}
      />
      {d.choices.years.length > 0 ? <FilterForm d={d} /> : null}
      {d.rows.length === 0 ? (
        <p role="status">Żadna gmina nie opublikowała jeszcze wartości tego wskaźnika wspólnego.</p>
      ) : (
        <>
          <p>
            {`Gminy w zestawieniu: ${formatNumber(d.municipalities)}${selectionText(d)}; wierszy tabeli: ${formatNumber(d.total)}.`}
          </p>
          {d.chartMax !== null ? (
            <p>
              {`Wykresy rysujemy dla najwyżej ${d.chartMax} gmin — linii większej ich liczby nie da się odróżnić. Wybierz województwo, aby zobaczyć wykres; wszystkie wartości są w tabeli i w pliku CSV.`}
            </p>
          ) : (
            <>
              <h2>Wartości bezwzględne</h2>
              {d.absolute ? <Chart chart={d.absolute} /> : null}
              <h2>Na 1000 mieszkańców</h2>
              {d.rate ? (
                <Chart chart={d.rate} />
              ) : (
                <p>Żadna z gmin nie podała liczby mieszkańców za lata tych wartości.</p>
              )}
            </>
          )}
          {d.noPopulation.length > 0 ? (
            <p>
              Bez wartości na 1000 mieszkańców, bo gmina nie podała liczby mieszkańców:{" "}
              {d.noPopulation.join(", ")}.
            </p>
          ) : null}
          <h2>Tabela</h2>
          <ComparisonTable d={d} />
          <Pagination
            page={d.page.page}
            pages={d.page.pages}
            href={(p) => d.pageHrefs[p - 1]!}
            label="Strony tabeli porównania"
          />
          <p>
            <a href={d.csv} type="text/csv" download>
              {d.page.pages > 1
                ? "Pobierz całą tabelę (wszystkie strony) jako CSV"
                : "Pobierz tabelę jako CSV"}
            </a>
          </p>
        </>
      )}
      <p className="caption">{withheldExplanation(d.below)}</p>
    </main>
  );
}
