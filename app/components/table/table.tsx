// A data table in the manner of GOV.UK Frontend: a caption that says what the table holds (it
// may be hidden when a heading above says it), column headers with scope, and a wrapper that
// scrolls a wide table inside its own box at high zoom instead of widening the page; the box is
// focusable, so a keyboard can scroll it.
import type { ReactNode } from "react";

export type TableProps = {
  caption: ReactNode;
  /** The caption is read by screen readers only (a visible heading already names the table). */
  captionHidden?: boolean;
  headers: ReactNode[];
  children: ReactNode;
};

export function Table({ caption, captionHidden = false, headers, children }: TableProps) {
  return (
    <div className="table-wrapper" tabIndex={0}>
      <table className="table">
        <caption className={captionHidden ? "visually-hidden" : "table__caption"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th scope="col" key={index}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
