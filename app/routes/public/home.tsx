// The installation's public home: the municipalities that publish, searchable by name (a GET
// form, so it works without JavaScript), grouped by voivodeship. With a single municipality
// publishing, it opens straight on that municipality's page.
import { redirect } from "react-router";
import { z } from "../../web/forms/zod.ts";
import type { Route } from "./+types/home";
import { municipalityPath } from "../../components/public/paths.ts";
import { listPublishingTenants } from "../../domain/publication/read.ts";
import { cachedPublic } from "../../domain/publication/cache.ts";
import { authorize, canReadPublicPortal } from "../../policies/index.ts";
import { getServices } from "../../services.ts";
import { requestReadDb } from "../../web/read-db.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS } from "./public.server.ts";
import { Button } from "../../components/button/button.tsx";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

const schema = z.object({ q: z.string().max(100).optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
  authorize(canReadPublicPortal(null));
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const query = parsed.success ? (parsed.data.q?.trim() ?? "") : "";
  // The list kept under "*" is built from the primary: it is dropped on publication, not keyed
  // by a version, so one built from a lagging standby would be kept stale (decision 056).
  const db = getServices().db;
  const all = await cachedPublic("*", "tenants", () => listPublishingTenants({ db }));
  if (all.length === 1 && !query) throw redirect(municipalityPath(all[0]!.slug));
  const found = query ? await listPublishingTenants({ db: await requestReadDb(), query }) : all;
  const groups = new Map<string, typeof found>();
  for (const t of found) groups.set(t.voivodeship, [...(groups.get(t.voivodeship) ?? []), t]);
  return {
    query,
    total: all.length,
    canonical: absoluteUrl(request, "/"),
    groups: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, "pl"))
      .map(([voivodeship, tenants]) => ({
        voivodeship,
        tenants: tenants.map((t) => ({ slug: t.slug, name: t.name, teryt: t.teryt })),
      })),
  };
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

export default function PublicHome({ loaderData: d }: Route.ComponentProps) {
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>Strategie i programy społeczne gmin — Busola</title>
      <link rel="canonical" href={d.canonical} />
      <h1>Strategie i programy społeczne gmin</h1>
      <p>
        Sprawozdania z realizacji strategii rozwiązywania problemów społecznych i programów
        gminnych: projekty, wskaźniki, budżety i otwarte dane. Wszystko, co tu widać, zostało
        opublikowane przez gminę.
      </p>
      <form method="get" action="/" className="public-search" role="search">
        <div className="field">
          <label className="label" htmlFor="q">
            Szukaj gminy po nazwie lub kodzie TERYT
          </label>
          <input className="input" id="q" name="q" type="search" defaultValue={d.query} />
        </div>
        <Button>Szukaj</Button>
      </form>
      {d.groups.length === 0 ? (
        <p role="status">
          {d.query
            ? `Żadna gmina o nazwie zawierającej „${d.query}” nie publikuje tu danych.`
            : "Żadna gmina nie opublikowała jeszcze danych."}
        </p>
      ) : (
        d.groups.map((g) => (
          <section key={g.voivodeship} aria-labelledby={`woj-${g.voivodeship}`}>
            <h2 id={`woj-${g.voivodeship}`}>Województwo {g.voivodeship}</h2>
            <ul>
              {g.tenants.map((t) => (
                <li key={t.slug}>
                  <a href={municipalityPath(t.slug)}>{t.name}</a>{" "}
                  <span className="caption">(TERYT {t.teryt})</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}
