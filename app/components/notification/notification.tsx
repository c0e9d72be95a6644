// A notice above the page's content: neutral information, a success ("Zapisano") or something
// to check before continuing. The tone is also said in words where it matters, never by colour
// alone. `role="status"` for a notice that answers what the user just did, so it is announced.
import type { ReactNode } from "react";

export type NoticeTone = "info" | "success" | "warning";

export function Notice({
  tone = "info",
  announce = false,
  children,
}: {
  tone?: NoticeTone;
  /** The notice answers the user's last action: screen readers announce it. */
  announce?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={tone === "info" ? "notice" : `notice notice--${tone}`}
      role={announce ? "status" : undefined}
    >
      {children}
    </div>
  );
}
