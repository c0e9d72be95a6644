import { Form, Outlet } from "react-router";
import { labelOf } from "../domain/value-labels.ts";
import type { Route } from "./+types/tenant-layout";
import { SiteHeader } from "../components/site-header.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { requireTenantScope } from "../web/auth.server.ts";
import { canManageMembers, canManagePopulation, canOpenArchive } from "../policies/index.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { Button } from "../components/button/button.tsx";

// Navigation only: every child loader and action authorizes on its own.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, user } = await requireTenantScope(request, context, params.tenant);
  const role = scope.actor.membership?.role;
  return {
    tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
    user: { name: user.name, role: role ? labelOf("role", role) : "administrator systemu" },
    canManageMembers: canManageMembers(scope.actor),
    canManagePopulation: canManagePopulation(scope.actor),
    canOpenArchive: canOpenArchive(scope.actor),
  };
}

export default function TenantLayout({ loaderData }: Route.ComponentProps) {
  const root = useRootData();
  const base = `/g/${loaderData.tenant.slug}`;
  return (
    <>
      <SiteHeader
        municipality={loaderData.tenant.name}
        homeTo={base}
        navigation={[
          { label: "Pulpit", to: base, end: true },
          { label: "Dokumenty", to: `${base}/dokumenty` },
          { label: "Analiza", to: `${base}/analiza` },
          { label: "Instytucje", to: `${base}/instytucje` },
          ...(loaderData.canManageMembers
            ? [{ label: "Użytkownicy", to: `${base}/uzytkownicy` }]
            : []),
          ...(loaderData.canManagePopulation
            ? [{ label: "Mieszkańcy", to: `${base}/ludnosc` }]
            : []),
          ...(loaderData.canOpenArchive
            ? [{ label: "Zarchiwizowane", to: `${base}/archiwum` }]
            : []),
        ]}
        search={
          <Form method="get" action={`${base}/szukaj`} role="search" className="header-search">
            <label className="visually-hidden" htmlFor="header-search-q">
              Szukaj w gminie: projekty, wskaźniki, cele, instytucje
            </label>
            <input
              className="input header-search__input"
              id="header-search-q"
              name="q"
              type="search"
              placeholder="Szukaj, np. C1K7"
              maxLength={200}
            />
            <Button variant="secondary" small>
              Szukaj
            </Button>
          </Form>
        }
        account={
          <Form method="post" action="/wyloguj" className="inline-form">
            <CsrfInput token={root?.csrf ?? ""} />
            <span>
              {loaderData.user.name} ({loaderData.user.role})
            </span>{" "}
            <Button variant="secondary" small>
              Wyloguj
            </Button>
          </Form>
        }
      />
      <main id="main-content" className="container main" tabIndex={-1}>
        {root?.restoredForm ? (
          <div className="notice" role="status">
            <p>
              Sesja wygasła przed zapisaniem formularza. Przywróciliśmy wpisane dane — sprawdź je i
              zapisz ponownie.
            </p>
          </div>
        ) : null}
        <Outlet />
      </main>
    </>
  );
}
