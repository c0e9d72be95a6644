// A project's public page for one year, in the manner of seeds 002 (Bytom MOPR) and 004
// (Rybnik OPS): what, for whom, by whom, when, with what status and money, and with what effect.
import { labelOf } from "../../domain/value-labels.ts";
import type { Route } from "./+types/project";
import { filledRows, PublicChart, PublicItemPage } from "../../components/public/item-page.tsx";
import { PublicNumber } from "../../components/public/numbers.tsx";
import { indicatorPath } from "../../components/public/paths.ts";
import { publicationFactsOf } from "../../components/public/publication-facts.tsx";
import { SummaryList, type SummaryRow } from "../../components/summary-list/summary-list.tsx";
import { Table } from "../../components/table/table.tsx";
import { formatMoney, formatPercent } from "../../format/polish-numbers.ts";
import { withheldExplanation } from "../../domain/publication/suppress.ts";
import { findProject } from "../../domain/publication/view.ts";
import { euOfPublishedProject } from "../../domain/eu-funding/of-project.ts";
import { notFound, run } from "../../web/auth.server.ts";
import { budgetAltText, renderBudgetChartSvg, type SharePart } from "./charts.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicYear } from "./public.server.ts";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
  return run(async () => {
    const { tenant, info, view, year } = await publicYear(params);
    const found = findProject(view, params.id ?? "");
    if (!found) throw notFound("Nie ma takiego projektu w opublikowanych danych.");
    const { goal, direction, project } = found;
    const budgets = project.budgets.map((b) => {
      const sum = b.parts.reduce((s, p) => s + (p.amount ?? 0), 0);
      const total = b.total ?? sum;
      const parts: SharePart[] = b.parts
        .filter((p) => p.amount !== null)
        .map((p) => ({
          label: p.label,
          amount: p.amount!,
          percent: p.percent ?? (total > 0 ? Math.round((p.amount! / total) * 10000) / 100 : 0),
        }));
      return {
        year: b.year,
        total,
        parts,
        chart: parts.length
          ? { svg: renderBudgetChartSvg(parts), alt: budgetAltText(parts) }
          : null,
      };
    });
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      facts: publicationFactsOf(tenant.slug, info),
      year,
      document: { slug: view.document.slug, title: view.document.title },
      goal: { code: goal.code, title: goal.title },
      direction: { code: direction.code, title: direction.title },
      project: {
        symbol: project.symbol,
        title: project.title,
        sinceYear: project.sinceYear,
        institutions: project.institutions,
      },
      card: project.card,
      budgets,
      eu: euOfPublishedProject(project),
      indicators: project.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        target: i.target,
        value: i.value
          ? {
              total: i.value.total,
              withheld: i.value.withheld ?? false,
              approximate: i.value.approximate,
            }
          : null,
      })),
      below: view.smallCountsBelow,
      canonical: absoluteUrl(request, new URL(request.url).pathname),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

type ProjectData = Route.ComponentProps["loaderData"];

function labelled(
  kind: "cardStatus" | "goalVerdict" | "continuation",
  key: string | null,
  more: string | null,
) {
  if (!key) return null;
  return `${labelOf(kind, key)}${more ? ` — ${more}` : ""}`;
}

function projectRows(d: ProjectData): SummaryRow[] {
  const card = d.card;
  return filledRows([
    { key: "Symbol", value: d.project.symbol },
    { key: "Cel strategiczny", value: `${d.goal.code}. ${d.goal.title}` },
    { key: "Kierunek działań", value: `${d.direction.code} ${d.direction.title}` },
    { key: "Realizatorzy (instytucje)", value: d.project.institutions.join(", ") },
    { key: "Realizowany od", value: d.project.sinceYear ? `${d.project.sinceYear} r.` : null },
    ...(card
      ? [
          {
            key: "Status w roku sprawozdawczym",
            value: `${labelled("cardStatus", card.status, card.statusReason)}${card.reportedIn ? ` (${card.reportedIn})` : ""}`,
          },
          { key: "Cel projektu", value: card.goalText },
          {
            key: "Ocena osiągnięcia celu",
            value: labelled("goalVerdict", card.goalVerdict, card.goalVerdictReason),
          },
          { key: "Adresaci", value: card.addressees },
          { key: "Realizatorzy", value: card.implementers },
          { key: "Etapy realizacji", value: card.stages },
          { key: "Efekty", value: card.effects },
          { key: "Wskaźniki (opis)", value: card.indicatorsText },
          { key: "Ocena realizacji", value: card.evaluation },
          { key: "Finansowanie", value: card.funding },
          { key: "Okres realizacji", value: card.timeframe },
          {
            key: "Kontynuacja",
            value: labelled("continuation", card.continuation, card.nextYearTitle),
          },
        ]
      : []),
  ]);
}

function EuFunding({ eu }: { eu: ProjectData["eu"] }) {
  if (!eu) return null;
  const f = eu.funding;
  const rows: SummaryRow[] = filledRows([
    { key: "Program", value: f.programme },
    { key: "Oś priorytetowa", value: f.priorityAxis },
    { key: "Działanie", value: f.measure },
    { key: "Poddziałanie", value: f.subMeasure },
    { key: "Fundusz", value: f.fund ? labelOf("euFund", f.fund) : null },
    { key: "Numer umowy o dofinansowanie", value: f.agreementNumber },
  ]);
  return (
    <section aria-labelledby="eu">
      <h2 id="eu">Dofinansowanie ze środków Unii Europejskiej</h2>
      <p className="public-eu-statement">{eu.statement}</p>
      {rows.length ? <SummaryList rows={rows} /> : null}
      {eu.source === "text" ? (
        <p className="hint">Dane odczytane z opisu finansowania w karcie projektu.</p>
      ) : null}
    </section>
  );
}

function Budget({ budget: b }: { budget: ProjectData["budgets"][number] }) {
  const id = `budget-${b.year ?? "all"}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {b.year === null ? "Budżet projektu (cały okres)" : `Budżet w ${b.year} r.`}:{" "}
        {formatMoney(b.total)}
      </h2>
      <PublicChart chart={b.chart} />
      <Table caption="Źródła finansowania" headers={["Źródło", "Kwota", "Udział"]}>
        {b.parts.map((p) => (
          <tr key={p.label}>
            <th scope="row">{p.label}</th>
            <td>{formatMoney(p.amount)}</td>
            <td>{formatPercent(p.percent)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

function ProjectIndicators({ d }: { d: ProjectData }) {
  if (!d.indicators.length) return null;
  return (
    <section aria-labelledby="indicators">
      <h2 id="indicators">Wskaźniki</h2>
      <Table
        caption={`Wskaźniki projektu w ${d.year} r.`}
        headers={["Wskaźnik", "Wartość docelowa", "Osiągnięto"]}
      >
        {d.indicators.map((i) => (
          <tr key={i.id}>
            <th scope="row">
              <a href={indicatorPath(d.tenant.slug, d.document.slug, d.year, i.id)}>{i.name}</a> (
              {i.unit})
            </th>
            <td>{i.target === null ? "—" : <PublicNumber value={i.target} unit={i.unit} />}</td>
            <td>
              {i.value ? (
                <PublicNumber
                  value={i.value.total}
                  unit={i.unit}
                  withheld={i.value.withheld}
                  approximate={i.value.approximate}
                />
              ) : (
                "nie opublikowano"
              )}
            </td>
          </tr>
        ))}
      </Table>
      <p className="caption">{withheldExplanation(d.below)}</p>
    </section>
  );
}

export default function PublicProject({ loaderData: d }: Route.ComponentProps) {
  return (
    <PublicItemPage
      place={d}
      title={`${d.project.symbol} ${d.project.title} — ${d.year} r. — ${d.tenant.name}`}
      heading={d.project.title}
      crumb={d.project.symbol}
    >
      <SummaryList rows={projectRows(d)} />
      {!d.card ? <p>Karta projektu za {d.year} r. nie została opublikowana.</p> : null}
      <EuFunding eu={d.eu} />
      {d.budgets.map((b) => (
        <Budget key={b.year ?? "all"} budget={b} />
      ))}
      <ProjectIndicators d={d} />
    </PublicItemPage>
  );
}
