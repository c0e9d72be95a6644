// The site map (a statutory element of an accessible public site): every public page.
import type { Route } from "./+types/site-map";
import { Breadcrumbs } from "../../components/breadcrumbs/breadcrumbs.tsx";
import { authorize, canReadPublicPortal } from "../../policies/index.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS } from "./public.server.ts";
import { siteMapEntries } from "./sitemap.server.ts";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
  authorize(canReadPublicPortal(null));
  return { entries: await siteMapEntries(), canonical: absoluteUrl(request, "/mapa-strony") };
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

export default function SiteMap({ loaderData: d }: Route.ComponentProps) {
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>Mapa strony — Busola</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs items={[{ label: "Strona główna", to: "/" }, { label: "Mapa strony" }]} />
      <h1>Mapa strony</h1>
      <p>
        Wszystkie strony publiczne. Ta sama lista dla wyszukiwarek:{" "}
        <a href="/sitemap.xml">sitemap.xml</a>.
      </p>
      <ul>
        {d.entries.map((e) => (
          <li key={e.path} style={{ marginLeft: `${e.depth * 1.5}rem` }}>
            <a href={e.path}>{e.title}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
