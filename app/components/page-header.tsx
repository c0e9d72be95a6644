import type { ReactNode } from "react";

export type PageHeaderProps = {
  title: ReactNode;
  /** Context shown above the title, e.g. the programme the page belongs to. */
  caption?: ReactNode;
  /** Buttons or links related to the whole page. */
  actions?: ReactNode;
};

export function PageHeader({ title, caption, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        {caption ? <p className="caption">{caption}</p> : null}
        <h1 className="page-header__title">{title}</h1>
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}
