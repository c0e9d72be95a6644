// The public portal's routes (issue 11), outside /g/ where the staff app lives; and the staff
// pages that publish. Kept here so app/routes.ts changes by a few lines.
import { index, layout, route } from "@react-router/dev/routes";

export const publicRoutes = [
  route("widok", "routes/public/display-settings.tsx"),
  route("sitemap.xml", "routes/public/sitemap-xml.tsx"),
  layout("routes/public/layout.tsx", [
    index("routes/public/home.tsx"),
    route("deklaracja-dostepnosci", "routes/public/accessibility.tsx", {
      id: "accessibility-site",
    }),
    route("mapa-strony", "routes/public/site-map.tsx"),
    route("gminy/:slug", "routes/public/municipality.tsx"),
    route("gminy/:slug/rejestr", "routes/public/register.tsx"),
    route("gminy/:slug/deklaracja-dostepnosci", "routes/public/accessibility.tsx", {
      id: "accessibility-municipality",
    }),
    route("gminy/:slug/dokumenty/:doc/:rok", "routes/public/document-year.tsx"),
    route("gminy/:slug/dokumenty/:doc/:rok/projekty/:id", "routes/public/project.tsx"),
    route("gminy/:slug/dokumenty/:doc/:rok/wskazniki/:id", "routes/public/indicator.tsx"),
    route("porownania", "routes/public/comparisons.tsx"),
    route("porownania/:code", "routes/public/comparison.tsx"),
  ]),
  route("gminy/:slug/dokumenty/:doc/:rok/raport/:file", "routes/public/report-file.tsx"),
  route("gminy/:slug/rejestr/:publication", "routes/public/publication-file.tsx"),
  route("porownania/:code/dane.csv", "routes/public/comparison-file.tsx"),
];

export const publicationStaffRoutes = [
  route("g/:tenant/dokumenty/:document/publikacja", "routes/publication.tsx"),
  route("g/:tenant/strona-publiczna", "routes/public-settings.tsx"),
];
