// The public portal's frame: header with the font-size and contrast switches (plain links, so
// they work without JavaScript), the page, and a footer with the statutory links.
import { Link, Outlet, useLocation } from "react-router";
import {
  API_DOCS_PATH,
  CATALOGUE_PATH,
  COMPARISONS_PATH,
  statementPath,
} from "../../components/public/paths.ts";
import { FONT_SIZES } from "../../web/display-settings.ts";
import { useRootData } from "../../web/hooks/use-root-data.ts";
import "../../styles/public.css";

const SIZE_LABELS: Record<(typeof FONT_SIZES)[number], string> = {
  domyslna: "domyślna",
  srednia: "średnia",
  duza: "duża",
};

function DisplaySwitches() {
  const location = useLocation();
  const display = useRootData()?.display;
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <div className="public-tools" role="group" aria-label="Ustawienia widoku">
      <span className="public-tools__label" id="font-size-label">
        Czcionka:
      </span>
      <ul className="public-tools__list" aria-labelledby="font-size-label">
        {FONT_SIZES.map((size) => (
          <li key={size}>
            <a
              className="public-tools__link"
              href={`/widok?rozmiar=${size}&wroc=${back}`}
              aria-current={(display?.size ?? "domyslna") === size ? "true" : undefined}
            >
              {SIZE_LABELS[size]}
            </a>
          </li>
        ))}
      </ul>
      <a
        className="public-tools__link"
        href={`/widok?kontrast=${display?.contrast ? "nie" : "tak"}&wroc=${back}`}
        aria-pressed={display?.contrast ? "true" : "false"}
        role="button"
      >
        {display?.contrast ? "Wyłącz wysoki kontrast" : "Wysoki kontrast"}
      </a>
    </div>
  );
}

export default function PublicLayout() {
  return (
    <>
      <header className="site-header public-header">
        <div className="container site-header__inner">
          <div className="site-header__brand">
            <Link className="site-header__product" to="/">
              Busola
            </Link>
            <span className="site-header__municipality">
              Informacja publiczna o strategiach i programach społecznych
            </span>
          </div>
          <DisplaySwitches />
        </div>
      </header>
      <Outlet />
      <footer className="public-footer">
        <div className="container">
          <nav aria-label="Stopka">
            <ul className="public-footer__list">
              <li>
                <Link to={statementPath()}>Deklaracja dostępności</Link>
              </li>
              <li>
                <Link to="/mapa-strony">Mapa strony</Link>
              </li>
              <li>
                <Link to={COMPARISONS_PATH}>Porównanie gmin</Link>
              </li>
              <li>
                <a href={CATALOGUE_PATH}>Katalog otwartych danych (DCAT-AP)</a>
              </li>
              <li>
                <a href={API_DOCS_PATH}>API — dokumentacja</a>
              </li>
              <li>
                <a href="/pulpit">Logowanie dla pracowników</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
