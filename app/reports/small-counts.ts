// Public reports do not print very small counts of people, families or cases where a person
// could be recognised (DOMAIN §6; GDPR art. 9 data such as "Niebieska Karta" procedures). A
// count below the threshold (but not zero) is withheld — the value becomes null and is marked
// `withheld`, printed as "mniej niż N" — in totals, contributions, their parts and in the
// year-over-year history (a withheld year is left out of the chart). Amounts of money, percents
// and other non-count units are not personal data and stay as they are. Pure.
import { redactRemarks } from "../domain/publication/suppress.ts";
import { isCountUnit } from "../domain/validation/index.ts";
import type { ReportData, ReportIndicator } from "./model.ts";

function small(value: number | null, below: number): boolean {
  return value !== null && value > 0 && value < below;
}

function suppressIndicator(ind: ReportIndicator, below: number): void {
  if (!isCountUnit(ind.unit)) return;
  ind.history = ind.history.filter((h) => !small(h.total, below));
  const v = ind.value;
  if (!v) return;
  const hidden = new Set<number>();
  const note = (value: number | null) => {
    if (small(value, below)) hidden.add(value!);
  };
  note(v.total);
  for (const p of v.parts) note(p.value);
  for (const c of v.contributions) [c.value, ...c.parts.map((p) => p.value)].forEach(note);
  v.remarks = redactRemarks(v.remarks, hidden, below);
  if (small(v.total, below)) {
    v.total = null;
    v.withheld = true;
    // "On target" next to a withheld count would tell which side of the target it lies.
    if (ind.status) ind.status = "no_data";
  }
  for (const p of v.parts) {
    if (small(p.value, below)) Object.assign(p, { value: null, withheld: true });
  }
  for (const c of v.contributions) {
    if (small(c.value, below)) Object.assign(c, { value: null, withheld: true });
    for (const p of c.parts) {
      if (small(p.value, below)) Object.assign(p, { value: null, withheld: true });
    }
  }
}

export function suppressSmallCounts(data: ReportData, below: number): ReportData {
  if (!(below > 1)) return data;
  const copy = structuredClone(data);
  for (const goal of copy.goals) {
    for (const direction of goal.directions) {
      for (const ind of direction.indicators) suppressIndicator(ind, below);
      for (const project of direction.projects) {
        for (const ind of project.indicators) suppressIndicator(ind, below);
      }
    }
  }
  copy.smallCountsBelow = below;
  return copy;
}
