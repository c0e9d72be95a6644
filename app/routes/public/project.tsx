// A project's public page for one year, in the manner of seeds 002 (Bytom MOPR) and 004
// (Rybnik OPS): what, for whom, by whom, when, with what status and money, and with what effect.
import type { Route } from "./+types/project";
import { labelOf } from "../../domain/value-labels.ts";
import { Breadcrumbs } from "../../components/breadcrumbs.tsx";
import { PublicNumber } from "../../components/public/numbers.tsx";
import { indicatorPath, municipalityPath, yearPath } from "../../components/public/paths.ts";
import {
  PublicationFacts,
  publicationFactsOf,
} from "../../components/public/publication-facts.tsx";
import { formatMoney, formatPercent } from "../../format/polish-numbers.ts";
import { withheldExplanation } from "../../domain/publication/suppress.ts";
import { findProject } from "../../domain/publication/view.ts";
import { notFound, run } from "../../web/auth.server.ts";
import { budgetAltText, renderBudgetChartSvg, type SharePart } from "./charts.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicYear } from "./public.server.ts";

const EU = /\b(?:UE|EFS|EFRR|RPO|POWER|FEnIKS|Unii Europejskiej|europejsk)/iu;

export async function loader({ request, params }: Route.LoaderArgs) {
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
    const euParts = project.budgets.flatMap((b) => b.parts).filter((p) => EU.test(p.label));
    const fundingText = project.card?.funding ?? null;
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
      eu:
        euParts.length || (fundingText && EU.test(fundingText))
          ? { sources: euParts.map((p) => p.label), fundingText }
          : null,
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

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value?.trim()) return null;
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value public-prose">{value}</dd>
    </div>
  );
}

export default function PublicProject({ loaderData: d }: Route.ComponentProps) {
  const slug = d.tenant.slug;
  const card = d.card;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`${d.project.symbol} ${d.project.title} — ${d.year} r. — ${d.tenant.name}`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          { label: d.tenant.name, to: municipalityPath(slug) },
          { label: `${d.year} r.`, to: yearPath(slug, d.document.slug, d.year) },
          { label: d.project.symbol },
        ]}
      />
      <p className="caption">
        {d.goal.code}. {d.goal.title} — {d.direction.code} {d.direction.title}
      </p>
      <h1>{d.project.title}</h1>
      <PublicationFacts {...d.facts} />
      <dl className="summary-list">
        <Row label="Symbol" value={d.project.symbol} />
        <Row label="Cel strategiczny" value={`${d.goal.code}. ${d.goal.title}`} />
        <Row label="Kierunek działań" value={`${d.direction.code} ${d.direction.title}`} />
        <Row label="Realizatorzy (instytucje)" value={d.project.institutions.join(", ")} />
        <Row
          label="Realizowany od"
          value={d.project.sinceYear ? `${d.project.sinceYear} r.` : null}
        />
        {card ? (
          <>
            <Row
              label="Status w roku sprawozdawczym"
              value={`${labelOf("cardStatus", card.status)}${card.statusReason ? ` — ${card.statusReason}` : ""}${card.reportedIn ? ` (${card.reportedIn})` : ""}`}
            />
            <Row label="Cel projektu" value={card.goalText} />
            <Row
              label="Ocena osiągnięcia celu"
              value={
                card.goalVerdict
                  ? `${labelOf("goalVerdict", card.goalVerdict)}${card.goalVerdictReason ? ` — ${card.goalVerdictReason}` : ""}`
                  : null
              }
            />
            <Row label="Adresaci" value={card.addressees} />
            <Row label="Realizatorzy" value={card.implementers} />
            <Row label="Etapy realizacji" value={card.stages} />
            <Row label="Efekty" value={card.effects} />
            <Row label="Wskaźniki (opis)" value={card.indicatorsText} />
            <Row label="Ocena realizacji" value={card.evaluation} />
            <Row label="Finansowanie" value={card.funding} />
            <Row label="Okres realizacji" value={card.timeframe} />
            <Row
              label="Kontynuacja"
              value={
                card.continuation
                  ? `${labelOf("continuation", card.continuation)}${card.nextYearTitle ? ` — ${card.nextYearTitle}` : ""}`
                  : null
              }
            />
          </>
        ) : null}
      </dl>
      {!card ? <p>Karta projektu za {d.year} r. nie została opublikowana.</p> : null}
      {d.eu ? (
        <section aria-labelledby="eu">
          <h2 id="eu">Dofinansowanie ze środków Unii Europejskiej</h2>
          {d.eu.sources.length ? <p>Źródła: {d.eu.sources.join("; ")}.</p> : null}
          {d.eu.fundingText ? <p className="public-prose">{d.eu.fundingText}</p> : null}
          <p>Projekt jest współfinansowany ze środków Unii Europejskiej.</p>
        </section>
      ) : null}
      {d.budgets.map((b) => (
        <section key={b.year ?? "all"} aria-labelledby={`budget-${b.year ?? "all"}`}>
          <h2 id={`budget-${b.year ?? "all"}`}>
            {b.year === null ? "Budżet projektu (cały okres)" : `Budżet w ${b.year} r.`}:{" "}
            {formatMoney(b.total)}
          </h2>
          {b.chart ? (
            <div
              className="public-chart"
              role="img"
              aria-label={b.chart.alt}
              dangerouslySetInnerHTML={{ __html: b.chart.svg }}
            />
          ) : null}
          <div className="table-wrapper">
            <table className="table">
              <caption className="table__caption">Źródła finansowania</caption>
              <thead>
                <tr>
                  <th scope="col">Źródło</th>
                  <th scope="col">Kwota</th>
                  <th scope="col">Udział</th>
                </tr>
              </thead>
              <tbody>
                {b.parts.map((p) => (
                  <tr key={p.label}>
                    <th scope="row">{p.label}</th>
                    <td>{formatMoney(p.amount)}</td>
                    <td>{formatPercent(p.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {d.indicators.length ? (
        <section aria-labelledby="indicators">
          <h2 id="indicators">Wskaźniki</h2>
          <div className="table-wrapper">
            <table className="table">
              <caption className="table__caption">Wskaźniki projektu w {d.year} r.</caption>
              <thead>
                <tr>
                  <th scope="col">Wskaźnik</th>
                  <th scope="col">Wartość docelowa</th>
                  <th scope="col">Osiągnięto</th>
                </tr>
              </thead>
              <tbody>
                {d.indicators.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <a href={indicatorPath(slug, d.document.slug, d.year, i.id)}>{i.name}</a>
                      {i.unit ? ` (${i.unit})` : null}
                    </th>
                    <td>
                      {i.target === null ? "—" : <PublicNumber value={i.target} unit={i.unit} />}
                    </td>
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
              </tbody>
            </table>
          </div>
          <p className="caption">{withheldExplanation(d.below)}</p>
        </section>
      ) : null}
    </main>
  );
}
