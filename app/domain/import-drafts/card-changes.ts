// What differs between a stored card of the year and the imported one, in Polish for the
// review page.
import type { ProposedProject } from "../../report-reader/types.ts";
import { nameKey } from "./matching.ts";
import type { CardSnapshot } from "./plan.ts";

const CARD_FIELD_NAMES: [keyof CardSnapshot, keyof ProposedProject["fields"], string][] = [
  ["goalText", "goal", "cel projektu"],
  ["addressees", "addressees", "adresaci"],
  ["implementers", "implementers", "realizatorzy"],
  ["stages", "stages", "etapy realizacji"],
  ["effects", "effects", "osiągnięte efekty"],
  ["funding", "funding", "źródło finansowania"],
  ["timeframe", "timeframe", "termin realizacji"],
];

export function cardChanges(card: CardSnapshot, p: ProposedProject): string[] {
  const changed: string[] = [];
  if (card.status !== p.status) changed.push("status");
  for (const [stored, proposed, label] of CARD_FIELD_NAMES) {
    if (nameKey(card[stored] ?? "") !== nameKey(p.fields[proposed] ?? "")) changed.push(label);
  }
  return changed.length ? [`Różni się: ${changed.join(", ")}.`] : [];
}
