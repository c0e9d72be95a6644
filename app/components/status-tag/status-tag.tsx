import type { ReactNode } from "react";

export type TagTone = "green" | "yellow" | "red" | "grey" | "blue";

/** Colour is decoration only: the text must carry the status on its own. */
export function StatusTag({ tone, children }: { tone: TagTone; children: ReactNode }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}
