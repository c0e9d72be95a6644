// A single project told as a web page: 'Projekt „Title”' heading, a paragraph with the period
// and the total amount, the project's aim, what was done (headed activity blocks), participant
// counts in the text, and the public site's header and footer around it. One project is proposed;
// it has no symbol in the document, so `symbol` stays "" (as for project web pages) and the
// reviewer gives it one. Site clutter is left out by reading only from the project heading to the
// first footer line.
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { clean, isBlank } from "./normalise.ts";
import { readFigures } from "./narrative-figures.ts";
import type { BudgetPart, ProposedIndicator, ProposedProject } from "./types.ts";

const PROJECT_HEADING = /^\s*(?:projekt|tytuł projektu:?)\s*[„"“]([^”"]{3,200})[”"]\s*\.?\s*$/iu;
const FOOTER =
  /^\s*(?:kontakt|następny projekt|poprzedni projekt|powrót|udostępnij|drukuj|pozostałe informacje|mapa strony)\b|copyright|©/iu;
const MONEY = String.raw`(\d{1,3}(?:[ \u00A0.]\d{3})+(?:,\d{2})?|\d+(?:,\d{2})?)\s*(?:zł|PLN)(?!\p{L})`;
const TOTAL = new RegExp(
  String.raw`(?:kwota|wartość|koszt|budżet)(?:\s+całkowit\p{L}*)?\s+projektu[^\d]{0,40}?${MONEY}`,
  "iu",
);
const PART = new RegExp(
  String.raw`(dofinansowani\p{L}*[^\d:]{0,60}|wkład\p{L}*[^\d:]{0,40}|środk\p{L}*\s+własn\p{L}*|budżet\p{L}*\s+państwa)[\s:–-]*${MONEY}(?:\s*\(\s*(\d{1,3}(?:,\d+)?)\s*%\s*\))?`,
  "giu",
);
const PERIOD =
  /(?:w okresie|okres realizacji:?|realizowan\p{L}*\s+(?:był\p{L}*\s+)?(?:w latach|w okresie)?)\s*((?:od\s+)?(?:\d{1,2}\s+)?(?:\p{L}+\s+)?\d{4}\s*(?:r\.?)?\s*(?:do|[–-])\s*(?:\d{1,2}\s+)?(?:\p{L}+\s+)?\d{4})/iu;
const FINISHED = /zakończon\p{L}*|zakończył\p{L}*\s+się|już skończon\p{L}*/iu;
const FUNDING = /współfinansowan\p{L}*|finansowan\p{L}*\s+(?:ze środków|przez|z)/iu;
const AIM = /^\s*cel(?:em)?\s+(?:nadrzędn|główn|projektu|ogóln)\p{L}*/iu;
const ADDRESSEES_LABEL =
  /(?:adresa\p{L}*|grupa docelowa|uczestnikami projektu (?:były|są)|skierowany\s+(?:był\s+)?do)\s*:?\s*(.+)/iu;
const ADDRESSEES_IN_AIM =
  /\b((?:osób|osoby|rodzin|dzieci|kobiet|mieszkańców|młodzieży|seniorów)\s.+?)[.]?$/u;
const IMPLEMENTER_LABEL = /^\s*(?:realizator\p{L}*|beneficjent|partner\p{L}*)\s*:\s*(.+)$/iu;
const INSTITUTION =
  /(?:ośrodek|centrum|urząd|powiatow\p{L}*|miejsk\p{L}*|gminn\p{L}*|stowarzyszenie|fundacja)\b/iu;
const ACTIVITIES_MARKER =
  /(?:działani\p{L}*|zadani\p{L}*).{0,60}(?:podejmowan|realizowan|prowadzon|w ramach projektu)\p{L}*.*:\s*$|^\s*(?:program|zakres|harmonogram) działań/iu;
const MAX_ACTIVITY = 130;

/** Sentences of the text between two lines, each with its first line. */
function sentences(lines: string[], from: number, to: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let buf = "";
  let start = from;
  const flush = () => {
    if (clean(buf)) out.push({ text: clean(buf), line: start });
    buf = "";
  };
  for (let i = from; i < to; i++) {
    const l = lines[i] ?? "";
    if (isBlank(l)) {
      flush();
      continue;
    }
    if (!buf) start = i;
    const parts = l.split(/(?<=[.!?])\s+(?=[\p{Lu}„"])/u);
    parts.forEach((part, k) => {
      if (k > 0) {
        flush();
        start = i;
      }
      buf += (buf ? " " : "") + part;
    });
  }
  flush();
  return out;
}

export function parseProjectNarrative(lines: string[]): {
  projects: ProposedProject[];
  indicators: ProposedIndicator[];
  warnings: string[];
} | null {
  const headings = lines
    .map((l, line) => ({ line, m: PROJECT_HEADING.exec(l) }))
    .filter((h) => h.m !== null);
  const titles = new Set(headings.map((h) => clean(h.m?.[1] ?? "").toLowerCase()));
  // One project per page: several different headings are a list of projects, not this structure.
  if (titles.size !== 1) return null;
  const head = headings[0];
  if (!head) return null;
  let end = lines.length;
  for (let i = head.line + 1; i < lines.length; i++) {
    if (FOOTER.test(lines[i] ?? "")) {
      end = i;
      break;
    }
  }
  const body = sentences(lines, head.line + 1, end);
  const whole = body.map((s) => s.text).join(" ");
  const totalMatch = TOTAL.exec(whole);
  const periodMatch = PERIOD.exec(whole);
  if (!totalMatch && !periodMatch) return null;

  const warnings: string[] = [];
  const title = clean(head.m?.[1] ?? "");

  let total: number | null = null;
  if (totalMatch) {
    const parsed = parsePolishNumber(totalMatch[1] ?? "");
    total = "error" in parsed ? null : parsed.value;
  }
  const parts: BudgetPart[] = [];
  for (const m of whole.matchAll(PART)) {
    const amount = parsePolishNumber(m[2] ?? "");
    const percent = m[3] ? parsePolishNumber(m[3]) : null;
    parts.push({
      source: clean(m[1] ?? "").replace(/[\s:–-]+$/u, ""),
      amount: "error" in amount ? null : amount.value,
      percent: percent && !("error" in percent) ? percent.value : null,
    });
  }

  // The activities: headed blocks after the "what was done" line, each heading standing alone
  // and followed by text rather than by a list.
  const marker = lines.findIndex(
    (l, i) => i > head.line && i < end && ACTIVITIES_MARKER.test(clean(l)),
  );
  const projectLevelEnd = marker >= 0 ? marker : end;
  const activities: string[] = [];
  if (marker >= 0) {
    for (let i = marker + 1; i < end; i++) {
      const l = clean(lines[i] ?? "");
      if (!l || l.length > MAX_ACTIVITY || !isBlank(lines[i - 1] ?? "")) continue;
      if (!isBlank(lines[i + 1] ?? "") || /[,;:]$/u.test(l) || /^[-–•·a-z]/u.test(l)) continue;
      let n = i + 1;
      while (n < end && isBlank(lines[n] ?? "")) n++;
      const next = lines[n] ?? "";
      if (n >= end || /^\s*[-–•·]/u.test(next) || clean(next).length < 40) continue;
      activities.push(l.replace(/^\d{1,2}[.)]\s*/u, "").replace(/\.$/u, ""));
    }
  }

  const projectLevel = body.filter((s) => s.line < projectLevelEnd);
  const find = (re: RegExp) => projectLevel.find((s) => re.test(s.text)) ?? null;
  const aim = find(AIM);
  const finished = find(FINISHED);
  const funding = find(FUNDING);

  let addressees: string | null = null;
  const labelled = find(ADDRESSEES_LABEL);
  if (labelled) addressees = clean(ADDRESSEES_LABEL.exec(labelled.text)?.[1] ?? "") || null;
  else if (aim) {
    addressees = ADDRESSEES_IN_AIM.exec(aim.text)?.[1] ?? null;
    if (addressees) warnings.push("Adresatów projektu ustalono z opisu jego celu — sprawdź.");
  }

  let implementers: string | null = null;
  for (let i = head.line; i < lines.length && !implementers; i++) {
    implementers = IMPLEMENTER_LABEL.exec(lines[i] ?? "")?.[1]?.trim() ?? null;
  }
  if (!implementers && end < lines.length) {
    // A site's contact block names the institution that publishes — and usually runs — it.
    for (let i = end; i < Math.min(lines.length, end + 6); i++) {
      const l = clean(lines[i] ?? "");
      if (INSTITUTION.test(l) && l.length < 120) {
        implementers = l;
        warnings.push("Realizatora projektu ustalono z danych kontaktowych strony — sprawdź.");
        break;
      }
    }
  }

  // The total is the project's budget, not an indicator.
  const figures = readFigures(lines, head.line + 1, end, () => ({
    goalCode: null,
    directionCode: null,
    projectSymbol: "",
  })).filter(
    (f) => !(total !== null && f.value === total && f.unit && /^(?:zł|PLN)/u.test(f.unit)),
  );
  const effects = projectLevel
    .filter((s) =>
      figures.some(
        (f) =>
          f.source.line - 1 >= s.line &&
          f.source.line - 1 <= s.line + 3 &&
          s.text.includes(String(f.value)),
      ),
    )
    .map((s) => s.text);

  warnings.push(`Projekt „${title}”: dokument nie podaje symbolu — nadaj go przed zapisem.`);
  if (total === null)
    warnings.push(`Projekt „${title}”: nie znaleziono całkowitej kwoty projektu.`);

  const project: ProposedProject = {
    symbol: "",
    title,
    goalCode: null,
    directionCode: null,
    status: finished ? "finished" : "carried_out",
    statusReason: finished ? finished.text : null,
    fields: {
      goal: aim?.text ?? null,
      addressees,
      implementers,
      stages: activities.length ? activities.join("\n") : null,
      effects: effects.length ? effects.join("\n") : null,
      funding: funding?.text ?? null,
      timeframe: periodMatch ? clean(periodMatch[1] ?? "") : null,
    },
    budget: total === null && parts.length === 0 ? null : { total, parts },
    source: { line: head.line + 1, text: clean(lines[head.line] ?? "") },
  };
  return { projects: [project], indicators: figures, warnings };
}
