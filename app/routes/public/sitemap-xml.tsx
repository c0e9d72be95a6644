// sitemap.xml for search engines and the national open-data crawler: every public page.
import type { Route } from "./+types/sitemap-xml";
import { authorize, canReadPublicPortal } from "../../policies/index.ts";
import { absoluteUrl } from "./public.server.ts";
import { siteMapEntries } from "./sitemap.server.ts";

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/gu,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

export async function loader({ request }: Route.LoaderArgs) {
  authorize(canReadPublicPortal(null));
  const entries = await siteMapEntries();
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries
    .map(
      (e) =>
        `  <url><loc>${escapeXml(absoluteUrl(request, e.path))}</loc>${e.lastModified ? `<lastmod>${e.lastModified}</lastmod>` : ""}</url>`,
    )
    .join("\n")}\n</urlset>\n`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
