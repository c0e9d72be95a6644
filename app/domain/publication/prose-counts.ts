// Card texts are people's prose and are published as written, so before a year is published the
// coordinator is shown every small number of people in them ("odwiedzono 2 rodziny") to edit or
// confirm (decision 031). Pure: finds "<number> [one word] <people noun>", digits or words.
import type { PublicSnapshot, ProseCount } from "./types.ts";

const WORD_NUMBERS: Record<string, number> = {
  jeden: 1,
  jedna: 1,
  jedno: 1,
  jednej: 1,
  jedną: 1,
  jednego: 1,
  jednemu: 1,
  jednym: 1,
  dwa: 2,
  dwie: 2,
  dwóch: 2,
  dwoje: 2,
  dwojga: 2,
  dwóm: 2,
  dwiema: 2,
  dwoma: 2,
  trzy: 3,
  trzech: 3,
  troje: 3,
  trojga: 3,
  trzem: 3,
  trzema: 3,
  cztery: 4,
  czterech: 4,
  czworo: 4,
  czworga: 4,
  czterem: 4,
  czterema: 4,
  pięć: 5,
  pięciu: 5,
  pięcioro: 5,
  sześć: 6,
  sześciu: 6,
  sześcioro: 6,
  siedem: 7,
  siedmiu: 7,
  osiem: 8,
  ośmiu: 8,
  dziewięć: 9,
  dziewięciu: 9,
};

const PEOPLE_NOUN =
  "(?:osob|osób|osoba|rodzin|dziec|dzieci|uczni|uczeń|uczestni|kobiet|mężczyzn|mężczyźn|senior|klient|podopieczn|ofiar|sprawc|beneficjent|wychowan|małoletn|nieletn|bezdomn|matk|matek|ojc|ojciec|rodzic|opiekun|pacjent|mieszkańc|mieszkank|absolwent|bezrobotn|świadczeniobiorc|niepełnosprawn|uchodźc|cudzoziem|nastolat|wolontariusz)\\p{L}*";
const NUMBER = `(\\d{1,4}|${Object.keys(WORD_NUMBERS).join("|")})`;
// At most one word between the number and the noun: "2 nowe rodziny", "3 samotne matki".
const PATTERN = new RegExp(`(?<![\\p{L}\\d,.])${NUMBER}\\s+(?:\\p{L}+\\s+)?${PEOPLE_NOUN}`, "giu");

const FIELD_LABELS: Record<string, string> = {
  goalText: "cel",
  goalVerdictReason: "uzasadnienie oceny celu",
  statusReason: "powód statusu",
  addressees: "adresaci",
  implementers: "realizatorzy",
  stages: "etapy realizacji",
  effects: "efekty",
  indicatorsText: "wskaźniki (opis)",
  evaluation: "ocena",
  funding: "finansowanie",
  timeframe: "okres realizacji",
};

function excerptAround(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(".", start - 1) + 1, start - 120);
  const stop = text.indexOf(".", end);
  const to = Math.min(text.length, stop === -1 ? end + 120 : stop + 1, end + 120);
  return text.slice(from, to).replace(/\s+/gu, " ").trim();
}

/** Small numbers of people in one text. */
export function findProseCounts(
  text: string,
  below: number,
): { match: string; value: number; index: number }[] {
  const found: { match: string; value: number; index: number }[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const raw = m[1]!.toLowerCase();
    const value = /^\d/u.test(raw) ? Number(raw) : WORD_NUMBERS[raw]!;
    if (value > 0 && value < below) found.push({ match: m[0], value, index: m.index });
  }
  return found;
}

/** Every small number of people in the cards of a snapshot, in the order of the tree. */
export function proseCountsOf(snapshot: PublicSnapshot, below: number): ProseCount[] {
  const out: ProseCount[] = [];
  for (const goal of snapshot.goals) {
    for (const direction of goal.directions) {
      for (const project of direction.projects) {
        const card = project.card;
        if (!card) continue;
        for (const [field, fieldLabel] of Object.entries(FIELD_LABELS)) {
          const text = card[field as keyof typeof card];
          if (typeof text !== "string") continue;
          for (const f of findProseCounts(text, below)) {
            out.push({
              key: `${project.id}:${field}:${f.index}:${f.match}`,
              projectId: project.id,
              projectLabel: `${project.symbol} ${project.title}`,
              field,
              fieldLabel,
              match: f.match,
              value: f.value,
              excerpt: excerptAround(text, f.index, f.index + f.match.length),
            });
          }
        }
      }
    }
  }
  return out;
}
