import { Form, Link, redirect } from "react-router";
import { labelOf } from "../domain/value-labels.ts";
import type { Route } from "./+types/home";
import { CsrfInput } from "../components/csrf-input.tsx";
import { listTenantsForUser } from "../domain/tenants.ts";
import { getServices } from "../services.ts";
import { requireUser } from "../web/auth.server.ts";
import { useRootData } from "../web/hooks/use-root-data.ts";
import { canCreateMunicipality, canViewInstallationStatus } from "../policies/index.ts";
import { readInstallationStatus } from "../domain/installation-status.ts";
import { BackupStatusPanel } from "../components/backup-status.tsx";
import { Button, ButtonLink } from "../components/button/button.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const tenants = await listTenantsForUser(getServices().db, user);
  if (tenants.length === 1 && !user.isSystemAdmin) throw redirect(`/g/${tenants[0]!.slug}`);
  const { config } = getServices();
  return {
    backup: canViewInstallationStatus(user)
      ? readInstallationStatus({ backupDir: config.backup.dir })
      : null,
    user: { name: user.name },
    canCreateMunicipality: canCreateMunicipality(user),
    tenants: tenants.map((t) => ({
      slug: t.slug,
      name: t.name,
      teryt: t.teryt,
      role: t.role ? labelOf("role", t.role) : null,
    })),
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const root = useRootData();
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>Twoje gminy — Busola</title>
      <h1>Witaj, {loaderData.user.name}</h1>
      {loaderData.tenants.length === 0 ? (
        <p>Nie masz jeszcze dostępu do żadnej gminy. Poproś administratora o nadanie uprawnień.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="table__caption">Gminy i powiaty, do których masz dostęp</caption>
            <thead>
              <tr>
                <th scope="col">Jednostka</th>
                <th scope="col">Kod TERYT</th>
                <th scope="col">Twoja rola</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.tenants.map((t) => (
                <tr key={t.slug}>
                  <td>
                    <Link to={`/g/${t.slug}`}>{t.name}</Link>
                  </td>
                  <td>{t.teryt}</td>
                  <td>{t.role ?? "administrator systemu"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaderData.canCreateMunicipality ? (
        <p>
          <ButtonLink to="/pulpit/nowa-gmina" variant="secondary">
            Dodaj gminę
          </ButtonLink>
        </p>
      ) : null}
      {loaderData.backup && <BackupStatusPanel {...loaderData.backup} />}
      <Form method="post" action="/wyloguj">
        <CsrfInput token={root?.csrf ?? ""} />
        <Button variant="secondary">Wyloguj</Button>
      </Form>
    </main>
  );
}
