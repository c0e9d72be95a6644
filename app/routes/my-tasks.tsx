import { Link } from "react-router";
import { labelOf } from "../domain/value-labels.ts";
import type { Route } from "./+types/my-tasks";
import { Breadcrumbs } from "../components/breadcrumbs/breadcrumbs.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { RoundStatus } from "../components/round-status.tsx";
import { formatDate } from "../format/polish-dates.ts";
import { daysUntil, describeDaysLeft, warsawDay } from "../domain/rounds/round-dates.ts";
import { listMyTasks } from "../domain/rounds/partner-work.ts";
import { plural } from "../format/polish-plural.ts";
import { listWorkbookRounds } from "../round-xlsx/index.ts";
import { authorize, canViewStrategy } from "../policies/index.ts";
import { requireTenantScope, run } from "../web/auth.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireTenantScope(request, context, params.tenant);
  return run(async () => {
    // Every member may open the page; only a partner's institution has tasks on it.
    authorize(canViewStrategy(scope.actor), { hide: true });
    const today = warsawDay(new Date());
    const tasks = await listMyTasks({ scope });
    const rounds = await listWorkbookRounds({ scope });
    const saved = Number(new URL(request.url).searchParams.get("arkusz"));
    return {
      saved: Number.isInteger(saved) && saved > 0 ? saved : null,
      workbooks: rounds
        .filter((r) => r.open)
        .map((r) => ({ id: r.id, year: r.year, document: r.documentTitle })),
      tenant: { slug: scope.tenant.slug, name: scope.tenant.name },
      tasks: tasks.map((t) => ({
        id: t.id,
        year: t.year,
        kind: labelOf("assignmentKind", t.kind),
        label: t.kind === "card" ? `${t.symbol ?? ""} ${t.title}` : t.title,
        status: t.status,
        deadline: formatDate(t.deadline),
        daysLeft:
          t.status === "accepted" || t.status === "submitted"
            ? "—"
            : describeDaysLeft(daysUntil(t.deadline, today)),
      })),
    };
  });
}

export default function MyTasks({ loaderData }: Route.ComponentProps) {
  const { tenant, tasks, workbooks, saved } = loaderData;
  const base = `/g/${tenant.slug}`;
  return (
    <>
      <title>{`Moje zadania — ${tenant.name} — Busola`}</title>
      <Breadcrumbs items={[{ label: tenant.name, to: base }, { label: "Moje zadania" }]} />
      <PageHeader title="Moje zadania" />
      {saved ? (
        <div className="notice" role="status">
          <p>
            Zapisano zmiany z arkusza: {saved} {plural(saved, "pozycja", "pozycje", "pozycji")}.
          </p>
        </div>
      ) : null}
      {tasks.length === 0 ? (
        <p>Twoja instytucja nie ma zadań w rundach sprawozdawczych.</p>
      ) : (
        <div className="table-wrapper" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Karty projektów i wartości do przekazania</caption>
            <thead>
              <tr>
                <th scope="col">Zadanie</th>
                <th scope="col">Rok</th>
                <th scope="col">Status</th>
                <th scope="col">Termin</th>
                <th scope="col">Do terminu</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`${base}/moje-zadania/${t.id}`}>{t.label}</Link>{" "}
                    <span className="muted">({t.kind})</span>
                  </td>
                  <td>{t.year}</td>
                  <td>
                    <RoundStatus status={t.status} />
                  </td>
                  <td>{t.deadline}</td>
                  <td>{t.daysLeft}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {workbooks.map((w) => (
        <section key={w.id} aria-labelledby={`arkusz-${w.id}`}>
          <h2 id={`arkusz-${w.id}`}>{`Arkusz kalkulacyjny — rok ${w.year}`}</h2>
          <p>
            {`Wolisz pracować w arkuszu? Pobierz arkusz z pozycjami Twojej instytucji w dokumencie „${w.document}”, wypełnij go u siebie i wczytaj z powrotem. Przed zapisaniem zobaczysz listę zmian.`}
          </p>
          <ul>
            <li>
              <a href={`${base}/moje-zadania/arkusz/${w.id}`} download>
                Pobierz arkusz (XLSX)
              </a>
            </li>
            <li>
              <Link to={`${base}/moje-zadania/arkusz/${w.id}/wczytaj`}>
                Wczytaj wypełniony arkusz
              </Link>
            </li>
          </ul>
        </section>
      ))}
    </>
  );
}
