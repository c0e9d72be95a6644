// The "what next" panels of a municipality's home page: open rounds with their completeness and
// open findings, statutory deadlines ahead, a partner's own tasks and contributions. Each chart
// carries its text alternative and data table (the Chart component); the figures beside it are
// plain text, so the page reads the same without JavaScript or pictures.
import { Link } from "react-router";
import { Chart } from "./chart/chart.tsx";
import type { RenderedChart } from "./chart/chart-spec.ts";
import { ExampleDataNotice } from "./example-data/example-data.tsx";
import { TallyTable, type TallyRow } from "./round-status.tsx";
import { formatDate } from "../format/polish-dates.ts";
import { countOf } from "../format/polish-plural.ts";
import { describeDaysLeft } from "../domain/rounds/round-dates.ts";

export type RoundPanel = {
  roundId: string;
  documentTitle: string;
  year: number;
  deadline: string;
  daysLeft: number;
  total: TallyRow;
  behind: TallyRow[];
  findingsTotal: number;
  charts: RenderedChart[];
};

export type DeadlineRow = {
  what: string;
  recipient: string;
  basis: string;
  statutory: boolean;
  year: number;
  date: string;
  daysLeft: number;
  documentTitle: string;
};

export type PartnerPanel = {
  tasks: { open: number; submitted: number; returned: number; accepted: number };
  nextDeadline: string | null;
  charts: RenderedChart[];
  /** Generated demo years among the charts' (decision 054). */
  exampleYears?: number[];
};

export function RoundsOverview(props: { tenantSlug: string; rounds: RoundPanel[] }) {
  if (props.rounds.length === 0) return null;
  return (
    <section aria-labelledby="rundy-tytul" className="dashboard">
      <h2 id="rundy-tytul">Otwarte rundy sprawozdawcze</h2>
      {props.rounds.map((r) => (
        <div key={r.roundId}>
          <h3>
            <Link to={`/g/${props.tenantSlug}/sprawozdawczosc/${r.roundId}`}>
              {r.documentTitle} — {r.year} r.
            </Link>
          </h3>
          <p>
            Przekazano {r.total.submitted} z {r.total.expected} pozycji, zatwierdzono{" "}
            {r.total.accepted}; po terminie: {r.total.late}. Termin dla instytucji:{" "}
            {formatDate(r.deadline)} ({describeDaysLeft(r.daysLeft)}).{" "}
            {r.findingsTotal > 0
              ? `Otwarte uwagi sprawdzania: ${r.findingsTotal}.`
              : "Brak otwartych uwag sprawdzania."}
          </p>
          <div className="chart-grid">
            {r.charts.map((c, i) => (
              <Chart key={i} chart={c} />
            ))}
          </div>
          {r.behind.length > 0 ? (
            <TallyTable
              caption="Instytucje, które jeszcze nie przekazały wszystkiego lub przekazały po terminie"
              first="Instytucja"
              rows={r.behind}
            />
          ) : null}
        </div>
      ))}
    </section>
  );
}

export function DeadlinesOverview(props: { deadlines: DeadlineRow[] }) {
  if (props.deadlines.length === 0) return null;
  return (
    <section aria-labelledby="terminy-tytul">
      <h2 id="terminy-tytul">Najbliższe terminy ustawowe</h2>
      <div className="table-wrapper" tabIndex={0}>
        <table className="table table--compact">
          <caption className="visually-hidden">Terminy sprawozdań w najbliższym półroczu</caption>
          <thead>
            <tr>
              <th scope="col">Termin</th>
              <th scope="col">Co i dla kogo</th>
              <th scope="col">Podstawa</th>
            </tr>
          </thead>
          <tbody>
            {props.deadlines.map((d) => (
              <tr key={`${d.what}|${d.year}|${d.date}|${d.documentTitle}`}>
                <th scope="row">
                  {formatDate(d.date)}
                  <br />
                  <span className="muted">{describeDaysLeft(d.daysLeft)}</span>
                </th>
                <td>
                  {capitalise(d.what)} za {d.year} r. — {d.recipient}
                  <br />
                  <span className="muted">{d.documentTitle}</span>
                </td>
                <td>
                  {d.basis}
                  {d.statutory ? null : (
                    <>
                      <br />
                      <span className="muted">termin zwyczajowy, ustawa go nie określa</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function PartnerOverviewPanel(props: { tenantSlug: string; partner: PartnerPanel }) {
  const { tasks, nextDeadline, charts } = props.partner;
  const owed = tasks.open + tasks.returned;
  return (
    <section aria-labelledby="zadania-tytul" className="dashboard">
      <h2 id="zadania-tytul">Moje zadania</h2>
      <p>
        {owed > 0
          ? `Do przekazania: ${countOf(owed, "pozycja", "pozycje", "pozycji")}`
          : "Nie ma pozycji do przekazania"}
        {tasks.returned > 0 ? ` (w tym zwrócone do poprawy: ${tasks.returned})` : ""}; przekazane i
        czekające na sprawdzenie: {tasks.submitted}; zatwierdzone: {tasks.accepted}.
        {nextDeadline ? ` Najbliższy termin: ${formatDate(nextDeadline)}` : ""}{" "}
        <Link to={`/g/${props.tenantSlug}/moje-zadania`}>Przejdź do zadań</Link>
      </p>
      {charts.length > 0 ? (
        <>
          <h3>Wartości przekazane przez moją instytucję w kolejnych latach</h3>
          <ExampleDataNotice years={props.partner.exampleYears ?? []} />
          <div className="chart-grid">
            {charts.map((c, i) => (
              <Chart key={i} chart={c} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
