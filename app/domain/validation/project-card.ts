// What a project card must say for the status it was given (seed 000). A missing explanation
// of the status is an error because the annual report cannot be final without it; missing
// narrative the report can live without is a warning.

import { isBlank, makeFinding } from "./finding.ts";
import type { Finding, ProjectCardInput, Severity } from "./types.ts";

type Rule = {
  code: string;
  severity: Severity;
  field: keyof ProjectCardInput;
  /** What the card says that makes the field necessary; also the key's fingerprint. */
  when: (c: ProjectCardInput) => string | null;
  message: (c: ProjectCardInput) => string;
};

const RULES: readonly Rule[] = [
  {
    code: "status_reason_missing",
    severity: "error",
    field: "statusReason",
    when: (c) => (c.status === "not_carried_out" ? c.status : null),
    message: () =>
      "Projekt oznaczono jako niezrealizowany — podaj powód (np. pandemia, brak ofert w konkursie, brak środków).",
  },
  {
    code: "reported_in_missing",
    severity: "error",
    field: "reportedIn",
    when: (c) => (c.status === "reported_elsewhere" ? c.status : null),
    message: () =>
      "Projekt oznaczono jako opisany w sprawozdaniu z innego programu — wskaż, w którym.",
  },
  {
    code: "effects_missing",
    severity: "warning",
    field: "effects",
    when: (c) => (c.status === "carried_out" ? c.status : null),
    message: () =>
      "Projekt był realizowany, ale nie opisano osiągniętych efektów ani wskaźników realizacji.",
  },
  {
    code: "goal_verdict_reason_missing",
    severity: "warning",
    field: "goalVerdictReason",
    when: (c) =>
      c.goalVerdict === "partly" || c.goalVerdict === "not_achieved" ? c.goalVerdict : null,
    message: (c) =>
      c.goalVerdict === "partly"
        ? "Cel projektu osiągnięto częściowo — wyjaśnij, czego nie udało się osiągnąć i dlaczego."
        : "Celu projektu nie osiągnięto — wyjaśnij dlaczego.",
  },
  {
    code: "next_year_title_missing",
    severity: "warning",
    field: "nextYearTitle",
    when: (c) => (c.continuation === "renamed" ? c.continuation : null),
    message: () => "Projekt będzie kontynuowany pod nową nazwą — podaj tę nazwę.",
  },
];

export function checkProjectCard(c: ProjectCardInput): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const cause = rule.when(c);
    if (cause === null || !isBlank(c[rule.field])) continue;
    findings.push(
      makeFinding({
        code: rule.code,
        severity: rule.severity,
        message: rule.message(c),
        field: rule.field,
        scope: `${rule.field}:${cause}`,
      }),
    );
  }
  return findings;
}
