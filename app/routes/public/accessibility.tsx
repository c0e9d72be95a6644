// "Deklaracja dostępności" in the structure the law on digital accessibility (ustawa z dnia
// 4 kwietnia 2019 r.) and its template require. The municipality fills in the contact details,
// dates and architectural accessibility (staff page "Strona publiczna"); the rest is Busola's.
import type { Route } from "./+types/accessibility";
import { Breadcrumbs } from "../../components/breadcrumbs/breadcrumbs.tsx";
import { municipalityPath, statementPath } from "../../components/public/paths.ts";
import { formatDate } from "../../format/polish-dates.ts";
import { listPublishingTenants, publicScope } from "../../domain/publication/read.ts";
import { getPublicSettings, type PublicSettings } from "../../domain/publication/settings.ts";
import { requestReadDb } from "../../web/read-db.server.ts";
import { run } from "../../web/auth.server.ts";
import { absoluteUrl, PUBLIC_CACHE_HEADERS, publicTenant } from "./public.server.ts";
import { allowPublicPageCache } from "../../web/page-cache/page-cache.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Kept for everyone without a session until the next publication (decision 078).
  allowPublicPageCache(context);
  return run(async () => {
    let tenant: { slug: string; name: string } | null = null;
    let settings: PublicSettings | null = null;
    let others: { slug: string; name: string }[] = [];
    if (params.slug) {
      const t = await publicTenant(params.slug);
      tenant = t.tenant;
      settings = await getPublicSettings({ scope: t.scope });
    } else {
      const db = await requestReadDb();
      const all = await listPublishingTenants({ db });
      if (all.length === 1) {
        tenant = all[0]!;
        settings = await getPublicSettings({ scope: publicScope(db, all[0]!) });
      } else others = all.map((t) => ({ slug: t.slug, name: t.name }));
    }
    const day = (s: string | null | undefined) => (s ? `${formatDate(s)}` : "nie podano");
    return {
      tenant: tenant ? { slug: tenant.slug, name: tenant.name } : null,
      others,
      entity:
        settings?.entityName?.trim() || tenant?.name || "Podmiot publiczny korzystający z Busoli",
      siteUrl: absoluteUrl(request, tenant ? municipalityPath(tenant.slug) : "/"),
      publishedOn: day(settings?.sitePublishedOn),
      updatedOn: day(settings?.siteUpdatedOn),
      preparedOn: day(
        settings?.statementPreparedOn ?? settings?.updatedAt?.toISOString().slice(0, 10),
      ),
      contact: {
        name: settings?.contactName ?? null,
        email: settings?.contactEmail ?? null,
        phone: settings?.contactPhone ?? null,
        address: settings?.address ?? null,
      },
      architectural: settings?.architecturalAccessibility ?? null,
      canonical: absoluteUrl(request, statementPath(params.slug)),
    };
  });
}

export function headers() {
  return PUBLIC_CACHE_HEADERS;
}

type StatementData = Route.ComponentProps["loaderData"];

/** Who states what, for which site, and the municipalities' own statements. */
function Intro({ d }: { d: StatementData }) {
  return (
    <>
      <p id="a11y-wstep">
        <span id="a11y-podmiot">{d.entity}</span> zobowiązuje się zapewnić dostępność swojej strony
        internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron
        internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy
        strony{" "}
        <a id="a11y-url" href={d.siteUrl}>
          {d.siteUrl}
        </a>{" "}
        — informacji publicznej o strategiach i programach społecznych.
      </p>
      {d.others.length ? (
        <>
          <p>Deklaracje dostępności poszczególnych gmin, z ich danymi kontaktowymi:</p>
          <ul>
            {d.others.map((o) => (
              <li key={o.slug}>
                <a href={statementPath(o.slug)}>{o.name} — deklaracja dostępności</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Dates, the compliance status, what is not accessible and how it was assessed. */
function Compliance({ d }: { d: StatementData }) {
  return (
    <>
      <h2>Daty publikacji i aktualizacji</h2>
      <ul>
        <li>
          Data publikacji strony internetowej:{" "}
          <span id="a11y-data-publikacja">{d.publishedOn}</span>.
        </li>
        <li>
          Data ostatniej istotnej aktualizacji:{" "}
          <span id="a11y-data-aktualizacja">{d.updatedOn}</span>.
        </li>
      </ul>
      <h2>Status pod względem zgodności z ustawą</h2>
      <p id="a11y-status">
        Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności
        cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu
        niezgodności lub wyłączeń wymienionych poniżej.
      </p>
      <h3>Treści niedostępne</h3>
      <ul>
        <li>
          Opisy w kartach projektów są tekstami pisanymi przez realizatorów i publikowanymi bez
          zmian; mogą zawierać skróty i długie zdania, nie zawsze są napisane prostym językiem.
        </li>
        <li>
          Pliki DOCX sprawozdań są przeznaczone do dalszej edycji; pełną dostępność zapewniają
          wersje HTML i PDF (PDF/A, z tagami).
        </li>
        <li>
          Wykresy są obrazami z tekstem alternatywnym; te same liczby są zawsze w tabeli obok.
        </li>
      </ul>
      <h2>Przygotowanie deklaracji dostępności</h2>
      <p>
        Deklarację sporządzono dnia <span id="a11y-data-sporzadzenie">{d.preparedOn}</span>.
        Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny:
        automatycznych testów (axe-core, WCAG 2.1 AA) każdego rodzaju strony z włączonym i
        wyłączonym JavaScriptem oraz testów obsługi klawiaturą.
      </p>
      <h2>Skróty klawiaturowe</h2>
      <p>
        Na stronie nie zastosowano własnych skrótów klawiaturowych; działają standardowe skróty
        przeglądarki. Pierwsze naciśnięcie klawisza Tab pokazuje odnośnik „Przejdź do treści
        głównej”. Wielkość czcionki i wysoki kontrast można zmienić odnośnikami w nagłówku każdej
        strony; ustawienie jest zapamiętywane i działa bez JavaScriptu.
      </p>
    </>
  );
}

function Contact({ c }: { c: StatementData["contact"] }) {
  return (
    <>
      <h2>Informacje zwrotne i dane kontaktowe</h2>
      <p>
        W przypadku problemów z dostępnością strony internetowej prosimy o kontakt.
        {c.name ? (
          <>
            {" "}
            Osobą kontaktową jest <span id="a11y-kontakt">{c.name}</span>.
          </>
        ) : null}
        {c.email ? (
          <>
            {" "}
            Kontaktować można się dzwoniąc na numer telefonu{" "}
            <span id="a11y-telefon">{c.phone ?? "nie podano"}</span> lub pisząc na adres e-mail{" "}
            <a id="a11y-email" href={`mailto:${c.email}`}>
              {c.email}
            </a>
            .
          </>
        ) : (
          <> Gmina nie podała jeszcze danych kontaktowych.</>
        )}{" "}
        Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz składać
        żądania zapewnienia dostępności.
      </p>
    </>
  );
}

/** The statutory request and complaint procedure: the same text for every municipality. */
function ComplaintProcedure() {
  return (
    <>
      <h2>Procedura wnioskowo-skargowa</h2>
      <p>
        Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej strony
        internetowej lub jakiegoś jej elementu. Można także zażądać udostępnienia informacji za
        pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego dokumentu
        lub opisanie zawartości obrazka. Żądanie powinno zawierać dane osoby zgłaszającej żądanie,
        wskazanie, o którą stronę internetową lub o który jej element chodzi, oraz sposób kontaktu.
        Jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji za pomocą alternatywnego
        sposobu dostępu, powinna także określić dogodny dla niej sposób przedstawienia tej
        informacji.
      </p>
      <p>
        Podmiot publiczny powinien zrealizować żądanie niezwłocznie, nie później niż w ciągu 7 dni
        od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot
        publiczny niezwłocznie informuje o tym wnoszącego żądanie, kiedy realizacja żądania będzie
        możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z
        żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, podmiot publiczny może
        zaproponować alternatywny sposób dostępu do informacji.
      </p>
      <p>
        W przypadku, gdy podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub
        alternatywnego sposobu dostępu do informacji, wnoszący żądanie może złożyć skargę w sprawie
        zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. Po wyczerpaniu tej
        procedury można także złożyć wniosek do Rzecznika Praw Obywatelskich.
      </p>
    </>
  );
}

export default function AccessibilityStatement({ loaderData: d }: Route.ComponentProps) {
  const c = d.contact;
  return (
    <main id="main-content" className="container main" tabIndex={-1}>
      <title>{`Deklaracja dostępności — ${d.tenant?.name ?? "Busola"}`}</title>
      <link rel="canonical" href={d.canonical} />
      <Breadcrumbs
        items={[
          { label: "Strona główna", to: "/" },
          ...(d.tenant ? [{ label: d.tenant.name, to: municipalityPath(d.tenant.slug) }] : []),
          { label: "Deklaracja dostępności" },
        ]}
      />
      <h1>Deklaracja dostępności</h1>
      <Intro d={d} />
      <Compliance d={d} />
      <Contact c={c} />
      <ComplaintProcedure />
      <h2>Dostępność architektoniczna</h2>
      <p className="public-prose" id="a11y-architektura">
        {d.architectural?.trim() ||
          "Gmina nie opisała jeszcze dostępności architektonicznej swojej siedziby."}
      </p>
      {c.address ? <p>Adres siedziby: {c.address}</p> : null}
      <h2>Aplikacje mobilne</h2>
      <p>Podmiot nie udostępnia aplikacji mobilnych dla tych informacji.</p>
    </main>
  );
}
