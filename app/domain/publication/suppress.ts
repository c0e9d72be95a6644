// Small counts of people on public output (decision 031). One function for every public page,
// chart, dataset, API response and the public report: a count of people, families or cases
// below the threshold (but above zero) is withheld — the value becomes null and is marked
// `withheld`, shown as "poniżej progu" — and so is whatever would let a reader derive it
// (secondary suppression): when a total is shown and exactly one of its parts is withheld, the
// smallest other part is withheld too (or, failing that, the total); when a withheld total is
// split along an additive dimension whose parts are all shown, the smallest part is withheld.
// Money, percentages and counts of things (meetings, leaflets) are not personal data and stay.
// Pure and safe in the browser; works on a copy.
import type { ReportContribution, ReportValue } from "../report-data/types.ts";
import type { PublicSnapshot, PublicView } from "./types.ts";

export const WITHHELD_LABEL = "poniżej progu";

/** Why a number is missing, in the words every public page uses. */
export function withheldExplanation(below: number): string {
  return `Liczby osób, rodzin i spraw mniejsze niż ${below} nie są podawane („${WITHHELD_LABEL}”), podobnie jak liczby, z których dałoby się je wyliczyć — aby nie można było rozpoznać konkretnych osób.`;
}

// Units that count people, families or their cases (a "Niebieska Karta" procedure is a family).
// Matched by stem of any word of the unit, as units are typed in any case and number.
const PEOPLE_STEMS =
  /(?:^|\s)(?:os\.|osob|osób|rodzin|dziec|dzieci|uczni|uczeń|uczestni|kobiet|mężczy|senior|klient|podopieczn|ofiar|sprawc|beneficjent|wychowan|małolet|nieletn|niepełnospr|bezdomn|matk|matek|ojc|rodzic|opiekun|pacjent|mieszkańc|absolwent|bezroboty|świadczeniobiorc|procedur|niebiesk|spraw|przypadk|gospodarstw|wolontariusz|uchodźc|cudzoziem|młodzież|nastolat|pracownik|asystent)/iu;

export function isPeopleUnit(unit: string): boolean {
  return PEOPLE_STEMS.test(unit.trim().toLowerCase());
}

type Cell = { value: number | null; withheld?: boolean };
type Part = Cell & { dimension: string; label: string };

function small(value: number | null, below: number): boolean {
  return value !== null && value > 0 && value < below;
}

function withhold(cell: Cell): boolean {
  if (cell.withheld) return false;
  cell.value = null;
  cell.withheld = true;
  return true;
}

function smallestShown(cells: Cell[]): Cell | undefined {
  return cells
    .filter((c) => !c.withheld && c.value !== null && c.value > 0)
    .sort((a, b) => a.value! - b.value!)[0];
}

/**
 * One additive group: a parent (a total, a contribution) and the parts that add up to it.
 * Returns whether anything more was withheld, so the caller repeats until nothing changes.
 */
function protectGroup(parent: Cell | null, parts: Cell[]): boolean {
  if (parts.length === 0 || !parent) return false;
  const withheldParts = parts.filter((p) => p.withheld).length;
  if (parent.value !== null && !parent.withheld) {
    if (withheldParts !== 1) return false;
    const next = smallestShown(parts);
    return withhold(next ?? parent);
  }
  if (parent.withheld && withheldParts === 0 && parts.length > 1) {
    const next = smallestShown(parts);
    return next ? withhold(next) : false;
  }
  return false;
}

// "w tym" (of_which) parts are a subset, not a split: none of them can be derived from the
// parent and the others, so they take part in primary suppression only.
function additiveGroups(parts: Part[]): Part[][] {
  const byDimension = new Map<string, Part[]>();
  for (const p of parts) {
    if (p.dimension === "of_which") continue;
    byDimension.set(p.dimension, [...(byDimension.get(p.dimension) ?? []), p]);
  }
  return [...byDimension.values()];
}

// A number written the Polish way ("1 234", "12,5"), not inside a date or a longer number.
const NUMBER_IN_TEXT =
  /(?<![\d.,/])\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?![\d.,/]*\d)|(?<![\d.,/])\d+(?:,\d+)?(?![.,/]?\d)/gu;

/**
 * Free text beside a value (imported remarks: "PUP – 3; MOPS – 725") would print what the cells
 * withhold: every number that is a withheld cell's value, or itself a small count, is replaced
 * by the withheld label. Over-cautious by design — "art. 5" may lose its 5 in a public view.
 */
export function redactRemarks(
  remarks: string | null,
  hidden: ReadonlySet<number>,
  below: number,
): string | null {
  if (!remarks) return remarks;
  return remarks.replace(NUMBER_IN_TEXT, (text) => {
    const n = Number(text.replace(/[ \u00a0]/gu, "").replace(",", "."));
    return hidden.has(n) || small(n, below) ? WITHHELD_LABEL : text;
  });
}

/** Withholds small counts of one value in place (primary, then secondary until stable). */
export function suppressValue(value: ReportValue, unit: string, below: number): void {
  if (!(below > 1) || !isPeopleUnit(unit)) return;
  const total: Cell = { value: value.total, withheld: value.withheld };
  const cells: Cell[] = [
    total,
    ...value.parts,
    ...value.contributions,
    ...value.contributions.flatMap((c: ReportContribution) => c.parts),
  ];
  const shown = cells.map((c) => c.value);
  for (const c of cells) if (small(c.value, below)) withhold(c);
  for (let round = 0; round < 10; round += 1) {
    let changed = protectGroup(total, value.contributions);
    for (const group of additiveGroups(value.parts))
      changed = protectGroup(total, group) || changed;
    for (const c of value.contributions) {
      for (const group of additiveGroups(c.parts)) changed = protectGroup(c, group) || changed;
    }
    if (!changed) break;
  }
  value.total = total.value;
  if (total.withheld) value.withheld = true;
  const hidden = new Set(
    cells.flatMap((c, i) => (c.withheld && shown[i] != null ? [shown[i]!] : [])),
  );
  value.remarks = redactRemarks(value.remarks, hidden, below);
}

/** The public view of a snapshot: a copy with small counts (and what reveals them) withheld. */
export function suppressSnapshot(snapshot: PublicSnapshot, below: number): PublicView {
  const copy = structuredClone(snapshot) as PublicView;
  copy.smallCountsBelow = below;
  const seen = new Set<object>();
  for (const goal of copy.goals) {
    for (const direction of goal.directions) {
      const all = [...direction.indicators, ...direction.projects.flatMap((p) => p.indicators)];
      for (const ind of all) {
        if (!ind.value || seen.has(ind.value)) continue;
        seen.add(ind.value);
        suppressValue(ind.value, ind.unit, below);
      }
    }
  }
  return copy;
}

/** A history or series point: shown, or withheld when it is a small count of people. */
export function suppressCount(value: number | null, unit: string, below: number): Cell {
  if (below > 1 && isPeopleUnit(unit) && small(value, below))
    return { value: null, withheld: true };
  return { value };
}
