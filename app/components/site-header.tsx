import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";

/** Must be the first focusable element in <body>; targets the <main> element's id. */
export function SkipLink({ target = "main-content" }: { target?: string }) {
  return (
    <a className="skip-link" href={`#${target}`}>
      Przejdź do treści głównej
    </a>
  );
}

export type NavItem = { label: string; to: string; end?: boolean };

export type SiteHeaderProps = {
  /** e.g. "Miejski Ośrodek Pomocy Społecznej w Busku-Zdroju". */
  municipality: string;
  homeTo?: string;
  navigation?: NavItem[];
  /** Signed-in user's name and a logout form, rendered at the right. */
  account?: ReactNode;
  /** A search form, between the brand and the account. */
  search?: ReactNode;
};

export function SiteHeader({
  municipality,
  homeTo = "/pulpit",
  navigation,
  account,
  search,
}: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <div className="site-header__brand">
          <Link className="site-header__product" to={homeTo}>
            Busola
          </Link>
          <span className="site-header__municipality">{municipality}</span>
        </div>
        {search ? <div className="site-header__search">{search}</div> : null}
        {account ? <div className="site-header__account">{account}</div> : null}
      </div>
      {navigation && navigation.length > 0 ? (
        <nav className="site-nav" aria-label="Menu główne">
          <ul className="container site-nav__list">
            {navigation.map((item) => (
              <li className="site-nav__item" key={item.to}>
                {/* NavLink sets aria-current="page" on the active item. */}
                <NavLink className="site-nav__link" to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
