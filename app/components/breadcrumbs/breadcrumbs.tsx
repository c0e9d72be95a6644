import { Link } from "react-router";

export type BreadcrumbItem = { label: string; to?: string };

export function Breadcrumbs({ items }: { items: BreadcrumbItem[] }) {
  if (items.length === 0) return null;
  const lastIndex = items.length - 1;
  return (
    <nav className="breadcrumbs" aria-label="Ścieżka nawigacji">
      <ol className="breadcrumbs__list">
        {items.map((item, index) => {
          const current = index === lastIndex;
          return (
            <li className="breadcrumbs__item" key={`${index}-${item.label}`}>
              {item.to ? (
                <Link
                  className="breadcrumbs__link"
                  to={item.to}
                  aria-current={current ? "page" : undefined}
                >
                  {item.label}
                </Link>
              ) : (
                <span aria-current={current ? "page" : undefined}>{item.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
