// An indicator's status against its target as a tag: "zgodnie z celem", "blisko celu",
// "poniżej oczekiwań", "brak danych" (labelOf, decision 045). The words carry the status; the
// tag's colour only repeats it. Judged by targetStatus with the document's thresholds (053).
import { StatusTag, type TagTone } from "../status-tag/status-tag.tsx";
import { labelOf } from "../../domain/value-labels.ts";
import type { TargetStatus } from "../../domain/analytics/target-status.ts";

const TONE: Record<TargetStatus, TagTone> = {
  on_target: "green",
  close: "yellow",
  off_target: "red",
  no_data: "grey",
};

export function TargetStatusTag({ status }: { status: TargetStatus }) {
  return (
    <span className="target-status">
      <StatusTag tone={TONE[status]}>{labelOf("targetStatus", status)}</StatusTag>
    </span>
  );
}
