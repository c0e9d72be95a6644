import { index, layout, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("logowanie", "routes/login.tsx"),
  route("wyloguj", "routes/logout.tsx"),
  route("konfiguracja", "routes/setup.tsx"),
  layout("routes/tenant-layout.tsx", [
    route("g/:tenant", "routes/tenant-home.tsx"),
    route("g/:tenant/dokumenty", "routes/documents.tsx"),
    route("g/:tenant/dokumenty/:document", "routes/document.tsx"),
    route("g/:tenant/projekty/:project/:year", "routes/project-card.tsx"),
    route("g/:tenant/projekty/:project/:year/edycja", "routes/project-card-edit.tsx"),
    route("g/:tenant/projekty/:project/:year/budzet", "routes/budget-edit.tsx"),
    route("g/:tenant/wskazniki/:indicator/:year", "routes/indicator-value.tsx"),
    route("g/:tenant/wskazniki/:indicator/:year/edycja", "routes/indicator-value-edit.tsx"),
    route("g/:tenant/instytucje", "routes/institutions.tsx"),
    route("g/:tenant/instytucje/:institution", "routes/institution-edit.tsx"),
    route("g/:tenant/uzytkownicy", "routes/members.tsx"),
    route("g/:tenant/import", "routes/imports.tsx"),
    route("g/:tenant/import/:draft", "routes/import-review.tsx"),
    route("g/:tenant/struktura/dokumenty/:document", "routes/document-form.tsx"),
    route("g/:tenant/struktura/cele/:goal", "routes/goal-form.tsx"),
    route("g/:tenant/struktura/kierunki/:direction", "routes/direction-form.tsx"),
    route("g/:tenant/struktura/projekty/:project", "routes/project-form.tsx"),
    route("g/:tenant/struktura/wskazniki/:indicator", "routes/indicator-form.tsx"),
  ]),
] satisfies RouteConfig;
