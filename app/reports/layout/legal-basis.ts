// Each kind of document reports on its own legal basis (issue 15 item 9, decision 064): the
// strategy on art. 16b and 17 (19 for a county) of the social assistance act, the family
// support program on art. 176 and 179 of the family support act, the NGO cooperation program
// on art. 5a of the public benefit act. Other programs name no act of their own.
import { formatDate } from "../../format/polish-dates.ts";
import { deadlineRulesOf, deadlineDate } from "../../domain/calendar/statutory-deadlines.ts";
import type { ReportData } from "../model.ts";
import { DASH, WITHHELD, hasText } from "./blocks.ts";

const UPS = "ustawy z dnia 12 marca 2004 r. o pomocy społecznej";
const UWR = "ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej";
const UDPP =
  "ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie";

/** "Strategia … na lata 2016–2025": the title once, with its period once. */
export function titleWithPeriod(doc: ReportData["document"]): string {
  return hasPeriod(doc.title) ? doc.title.trim() : `${doc.title.trim()} ${periodOf(doc)}`;
}

export function periodOf(doc: ReportData["document"]): string {
  return doc.periodStart === doc.periodEnd
    ? `na rok ${doc.periodStart}`
    : `na lata ${doc.periodStart}${DASH}${doc.periodEnd}`;
}

/** The title without its trailing period ("… na lata 2016–2025"), for the cover's lines. */
export function titleWithoutPeriod(title: string): string {
  return title.replace(PERIOD, "").trim();
}

const PERIOD =
  /\s*(na\s+lata\s+\d{4}\s*[-–—]\s*\d{4}|na\s+rok\s+\d{4}|w\s+roku\s+\d{4})\s*[”"]?\s*$/iu;

function hasPeriod(title: string): boolean {
  return PERIOD.test(title);
}

function basisOf(data: ReportData): string {
  const powiat = data.municipality.kind === "powiat";
  switch (data.document.kind) {
    case "family_support":
      return `Zgodnie z art. 176 pkt 1 ${UWR} opracowanie i realizacja 3-letnich gminnych programów wspierania rodziny należą do zadań własnych gminy, a zgodnie z art. 179 ust. 1 tej ustawy wójt (burmistrz, prezydent miasta) składa corocznie radzie gminy, do dnia 31 marca, sprawozdanie z realizacji zadań z zakresu wspierania rodziny oraz przedstawia potrzeby związane z realizacją tych zadań.`;
    case "ngo_cooperation":
      return `Zgodnie z art. 5a ust. 3 ${UDPP} organ wykonawczy jednostki samorządu terytorialnego jest obowiązany, nie później niż do dnia 31 maja każdego roku, przedłożyć organowi stanowiącemu oraz opublikować w Biuletynie Informacji Publicznej sprawozdanie z realizacji programu współpracy z organizacjami pozarządowymi za rok poprzedni.`;
    case "strategy": {
      const own = powiat
        ? `art. 19 pkt 1 ${UPS} opracowanie i realizacja powiatowej strategii rozwiązywania problemów społecznych należą do zadań własnych powiatu`
        : `art. 17 ust. 1 pkt 1 ${UPS} opracowanie i realizacja gminnej strategii rozwiązywania problemów społecznych należą do zadań własnych gminy o charakterze obowiązkowym`;
      return `Zgodnie z ${own}. Zgodnie z art. 16b tej ustawy strategia zawiera w szczególności diagnozę sytuacji społecznej, prognozę zmian, cele strategiczne projektowanych zmian, kierunki niezbędnych działań, sposób realizacji strategii i jej ramy finansowe oraz wskaźniki realizacji działań.`;
    }
    default:
      return "";
  }
}

function resolutionOf(doc: ReportData["document"]): string {
  if (!hasText(doc.resolutionNumber)) return "";
  let date = "";
  if (hasText(doc.resolutionDate)) {
    try {
      date = ` z dnia ${formatDate(doc.resolutionDate)}`;
    } catch {
      date = "";
    }
  }
  return `, przyjętego uchwałą nr ${doc.resolutionNumber.trim()}${date},`;
}

/** The statutory deadlines of the document's kind, one sentence, for the introduction. */
function deadlinesSentence(data: ReportData): string {
  const rules = deadlineRulesOf(data.document.kind).filter((r) => r.statutory);
  if (rules.length === 0) return "";
  const items = rules.map(
    (r) =>
      `${r.what} ${DASH} do ${formatDate(deadlineDate(r, data.year))} (${r.recipient}; ${r.basis})`,
  );
  return `Terminy sprawozdawcze za ${data.year} r.: ${items.join("; ")}.`;
}

export function defaultIntroduction(data: ReportData): string {
  const doc = data.document;
  return [
    basisOf(data),
    `Niniejsze sprawozdanie przedstawia stan realizacji dokumentu „${titleWithPeriod(doc)}”${resolutionOf(doc)} w ${data.year} r., na podstawie informacji przekazanych przez realizatorów i instytucje współpracujące.`,
    deadlinesSentence(data),
    ...(data.smallCountsBelow
      ? [
          `W tej wersji publicznej liczby osób, rodzin i spraw mniejsze niż ${data.smallCountsBelow} (poza zerem) nie są podawane, aby nie można było rozpoznać konkretnych osób; w tabelach oznaczono je słowami „${WITHHELD}”.`,
        ]
      : []),
  ]
    .filter((p) => p !== "")
    .join("\n");
}
