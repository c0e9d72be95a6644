// Pages of a long table, as links (GET), so it works without JavaScript and each page has an
// address to share. Pure: the caller gives the page count and how to link a page.
export type PaginationProps = {
  page: number;
  pages: number;
  href: (page: number) => string;
  /** What the pages hold, for the landmark's name: "Strony tabeli porównania". */
  label: string;
};

/** The page numbers shown: the first, the last and two either side of the current one. */
export function visiblePages(page: number, pages: number): (number | "gap")[] {
  const out: (number | "gap")[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out.at(-1) !== "gap") out.push("gap");
  }
  return out;
}

export function Pagination({ page, pages, href, label }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <p className="pagination__status">
        Strona {page} z {pages}
      </p>
      <ul className="pagination__list">
        {page > 1 ? (
          <li className="pagination__item">
            <a className="pagination__link" href={href(page - 1)} rel="prev">
              Poprzednia<span className="visually-hidden"> strona</span>
            </a>
          </li>
        ) : null}
        {visiblePages(page, pages).map((p, i) =>
          p === "gap" ? (
            <li className="pagination__item pagination__gap" key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li className="pagination__item" key={p}>
              <a
                className="pagination__link"
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={`Strona ${p}`}
              >
                {p}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li className="pagination__item">
            <a className="pagination__link" href={href(page + 1)} rel="next">
              Następna<span className="visually-hidden"> strona</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
