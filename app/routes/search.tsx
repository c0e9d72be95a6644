// Search in the municipality (decision 052): a GET form, so it works without JavaScript and a
// result list can be bookmarked; the header of every staff page holds the same form.
import { Form, Link } from "react-router";
import type { Route } from "./+types/search";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { Button } from "../components/button/button.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { MIN_QUERY_LENGTH, searchTenant } from "../domain/search.ts";
import { countOf } from "../format/polish-plural.ts";
import { authorize, canManageInstitutions, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";
import { z } from "../web/forms/zod.ts";

const querySchema = z.object({ q: z.string().max(200).catch("") });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    authorize(canViewStrategy(scope.actor), { hide: true });
    const { q } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const results = q.trim() ? await searchTenant({ scope, query: q }) : null;
    return {
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      query: q,
      results,
      canOpenInstitutions: canManageInstitutions(scope.actor),
    };
  });
}

export default function Search({ loaderData: d }: Route.ComponentProps) {
  const base = `/g/${d.tenant.slug}`;
  const r = d.results;
  const total = r
    ? r.projects.length +
      r.indicators.length +
      r.goals.length +
      r.directions.length +
      r.institutions.length
    : 0;
  return (
    <>
      <title>{`${d.query ? `„${d.query}” — ` : ""}Szukaj — ${d.tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: d.tenant.name, to: base }, { label: "Szukaj" }]} />
      <PageHeader title="Szukaj w gminie" />
      <Form method="get" role="search" className="search-form">
        <label className="label" htmlFor="search-page-q">
          Projekt (tytuł albo symbol, np. C1K7), wskaźnik, cel, kierunek albo instytucja
        </label>
        <div className="search-form__row">
          <input
            className="input"
            id="search-page-q"
            name="q"
            type="search"
            defaultValue={d.query}
            maxLength={200}
          />
          <Button>Szukaj</Button>
        </div>
      </Form>
      {r === null ? null : r.words.join("").length < MIN_QUERY_LENGTH ? (
        <p role="status">Wpisz co najmniej {MIN_QUERY_LENGTH} litery lub cyfry.</p>
      ) : (
        <>
          <p role="status">
            {total === 0
              ? `Nic nie znaleziono dla „${d.query}”. Sprawdź pisownię albo wpisz początek słowa.`
              : `${countOf(total, "wynik", "wyniki", "wyników")} dla „${d.query}”.`}
          </p>
          <ResultGroup title="Projekty" n={r.projects.length}>
            {r.projects.map((p) => (
              <li key={p.id}>
                {p.canOpen ? (
                  <Link to={`${base}/projekty/${p.id}/${p.year}`}>
                    {p.symbol} {p.title}
                  </Link>
                ) : (
                  <>
                    {p.symbol} {p.title}{" "}
                    <span className="muted">(karta widoczna po opublikowaniu)</span>
                  </>
                )}{" "}
                <span className="muted">— {p.document}</span>
              </li>
            ))}
          </ResultGroup>
          <ResultGroup title="Wskaźniki" n={r.indicators.length}>
            {r.indicators.map((i) => (
              <li key={i.id}>
                <Link to={`${base}/wskazniki/${i.id}/${i.year}`}>{i.name}</Link>{" "}
                <span className="muted">— {i.document}</span>
              </li>
            ))}
          </ResultGroup>
          <StructureGroup title="Cele" rows={r.goals} base={base} />
          <StructureGroup title="Kierunki działań" rows={r.directions} base={base} />
          <ResultGroup title="Instytucje" n={r.institutions.length}>
            {r.institutions.map((i) => {
              const label =
                i.shortName && i.shortName !== i.name ? `${i.name} (${i.shortName})` : i.name;
              return (
                <li key={i.id}>
                  {d.canOpenInstitutions ? (
                    <Link to={`${base}/instytucje/${i.id}`}>{label}</Link>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ResultGroup>
        </>
      )}
    </>
  );
}

/** Goals and directions: code, title and the document they belong to, linked to its tree. */
function StructureGroup(props: {
  title: string;
  base: string;
  rows: { id: string; code: string; title: string; document: string; documentSlug: string }[];
}) {
  return (
    <ResultGroup title={props.title} n={props.rows.length}>
      {props.rows.map((g) => (
        <li key={g.id}>
          <Link to={`${props.base}/dokumenty/${g.documentSlug}`}>
            {g.code} {g.title}
          </Link>{" "}
          <span className="muted">— {g.document}</span>
        </li>
      ))}
    </ResultGroup>
  );
}

function ResultGroup({
  title,
  n,
  children,
}: {
  title: string;
  n: number;
  children: React.ReactNode;
}) {
  if (n === 0) return null;
  return (
    <section>
      <h2>
        {title} ({n})
      </h2>
      <ul className="result-list">{children}</ul>
    </section>
  );
}
