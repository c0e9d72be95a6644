// The strategy tree of a published year: goals with their progress at a glance (projects
// carried out / not / finished; indicators on or off target where a target exists), their
// directions, projects and indicators.
import { labelOf } from "../../domain/value-labels.ts";
import type { Route } from "./+types/document-year";
import { Breadcrumbs } from "../../components/breadcrumbs/breadcrumbs.tsx";
import { PublicNumber } from "../../components/public/numbers.tsx";
import { indicatorPath, municipalityPath, projectPath } from "../../components/public/paths.ts";
import {
  PublicationFacts,
  publicationFactsOf,
} from "../../components/public/publication-facts.tsx";
import { ReportLinks } from "../../components/public/report-links.tsx";
import { StatusTag } from "../../components/status-tag/status-tag.tsx";
import { Table } from "../../components/table/table.tsx";
import { plural } from "../../format/polish-plural.ts";
import { withheldExplanation } from "../../domain/publication/suppress.ts";
import { goalProgress, onTarget } from "../../domain/publication/view.ts";
import { run } from "../../web/auth.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicYear } from "./public.server.ts";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
  return run(async () => {
    const { tenant, info, view, year } = await publicYear(params);
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      facts: publicationFactsOf(tenant.slug, info),
      year,
      document: view.document,
      below: view.smallCountsBelow,
      goals: view.goals.map((g) => ({
        code: g.code,
        title: g.title,
        progress: goalProgress(g, view.indicatorFacts),
        directions: g.directions.map((d) => ({
          code: d.code,
          title: d.title,
          projects: d.projects.map((p) => ({
            id: p.id,
            symbol: p.symbol,
            title: p.title,
            status: p.card?.status ?? null,
          })),
          indicators: d.indicators.map((i) => ({
            id: i.id,
            name: i.name,
            unit: i.unit,
            target: i.target,
            total: i.value?.total ?? null,
            withheld: i.value?.withheld ?? false,
            approximate: i.value?.approximate ?? false,
            hasValue: i.value !== null,
            onTarget: onTarget(i, view.indicatorFacts[i.id]),
          })),
        })),
      })),
      canonical: absoluteUrl(request, new URL(request.url).pathname),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

const TONES: Record<string, "green" | "red" | "blue" | "grey"> = {
  carried_out: "green",
  not_carried_out: "red",
  finished: "blue",
  reported_elsewhere: "grey",
};

type YearData = Route.ComponentProps["loaderData"];
type Goal = YearData["goals"][number];
type Direction = Goal["directions"][number];
/** Where the year's pages are: the links of its projects and indicators. */
type YearPlace = { slug: string; doc: string; year: number };

function GoalProgress({ progress: p }: { progress: Goal["progress"] }) {
  return (
    <ul className="public-progress">
      <li>
        {p.carriedOut}{" "}
        {plural(
          p.carriedOut,
          "projekt zrealizowany",
          "projekty zrealizowane",
          "projektów zrealizowanych",
        )}
      </li>
      <li>
        {p.notCarriedOut}{" "}
        {plural(p.notCarriedOut, "niezrealizowany", "niezrealizowane", "niezrealizowanych")}
      </li>
      <li>
        {p.finished} {plural(p.finished, "zakończony", "zakończone", "zakończonych")}
      </li>
      {p.onTarget + p.offTarget > 0 ? (
        <li>
          wskaźniki z wartością docelową: {p.onTarget} osiągnięte, {p.offTarget} nieosiągnięte
        </li>
      ) : null}
    </ul>
  );
}

function DirectionProjects({ dir, at }: { dir: Direction; at: YearPlace }) {
  if (!dir.projects.length) return null;
  return (
    <>
      <h4>Projekty</h4>
      <ul>
        {dir.projects.map((p) => (
          <li key={p.id}>
            <a href={projectPath(at.slug, at.doc, at.year, p.id)}>
              {p.symbol} {p.title}
            </a>{" "}
            {p.status ? (
              <StatusTag tone={TONES[p.status] ?? "grey"}>
                {labelOf("cardStatus", p.status)}
              </StatusTag>
            ) : (
              <span className="caption">(karta nieopublikowana)</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function DirectionIndicators({ dir, at }: { dir: Direction; at: YearPlace }) {
  if (!dir.indicators.length) return null;
  return (
    <Table
      caption={`Wskaźniki kierunku ${dir.code}`}
      headers={["Wskaźnik", `Wartość w ${at.year} r.`, "Wartość docelowa", "Ocena"]}
    >
      {dir.indicators.map((i) => (
        <tr key={i.id}>
          <th scope="row">
            <a href={indicatorPath(at.slug, at.doc, at.year, i.id)}>{i.name}</a> ({i.unit})
          </th>
          <td>
            {i.hasValue ? (
              <PublicNumber
                value={i.total}
                unit={i.unit}
                withheld={i.withheld}
                approximate={i.approximate}
              />
            ) : (
              "nie opublikowano"
            )}
          </td>
          <td>{i.target === null ? "—" : <PublicNumber value={i.target} unit={i.unit} />}</td>
          <td>{i.onTarget === null ? "—" : i.onTarget ? "osiągnięta" : "nieosiągnięta"}</td>
        </tr>
      ))}
    </Table>
  );
}

export default function DocumentYear({ loaderData: d }: Route.ComponentProps) {
  const slug = d.tenant.slug;
  const at = { slug, doc: d.document.slug, year: d.year };
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`${d.document.title} — realizacja w ${d.year} r. — ${d.tenant.name}`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          { label: d.tenant.name, to: municipalityPath(slug) },
          { label: `${d.year} r.` },
        ]}
      />
      <p className="caption">{d.document.title}</p>
      <h1>Realizacja w {d.year} r.</h1>
      <PublicationFacts {...d.facts} />
      <h2>Sprawozdanie do pobrania</h2>
      <ReportLinks slug={slug} doc={at.doc} year={d.year} />
      <p className="notice">{withheldExplanation(d.below)}</p>
      {d.goals.map((g) => (
        <section key={g.code} className="public-goal" aria-labelledby={`goal-${g.code}`}>
          <h2 id={`goal-${g.code}`}>
            {g.code}. {g.title}
          </h2>
          <h3 className="visually-hidden">Postęp celu {g.code}</h3>
          <GoalProgress progress={g.progress} />
          {g.directions.map((dir) => (
            <div key={dir.code}>
              <h3>
                {dir.code} {dir.title}
              </h3>
              <DirectionProjects dir={dir} at={at} />
              <DirectionIndicators dir={dir} at={at} />
            </div>
          ))}
        </section>
      ))}
    </main>
  );
}
