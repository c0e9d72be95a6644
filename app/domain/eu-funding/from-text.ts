// EU co-financing read from a card's or a report's prose ("…współfinansowany ze środków
// Europejskiego Funduszu Społecznego w ramach Regionalnego Programu Operacyjnego Województwa
// Śląskiego na lata 2014-2020, Oś priorytetowa IX Włączenie społeczne, Działanie 9.1 …"), for
// projects whose coordinator has not filled the structured fields. Reports write these in any
// order, case and grammatical case, so each part is found on its own. Pure.
import { EU_FUNDS, NO_EU_FUNDING, type EuFund, type EuFunding } from "./types.ts";

const FUND_PATTERNS: [EuFund, RegExp][] = [
  ["efs_plus", /Europejsk\p{L}* Fundusz\p{L}* Społeczn\p{L}* Plus|\bEFS\s?\+|\bEFS Plus\b/iu],
  ["fead", /Fundusz\p{L}* Pomocy Najbardziej Potrzebującym|\bFEAD\b|\bPEAD\b/iu],
  ["efrr", /Europejsk\p{L}* Fundusz\p{L}* Rozwoju Regionalnego|\bEFRR\b/iu],
  ["efs", /Europejsk\p{L}* Fundusz\p{L}* Społeczn\p{L}*|\bEFS\b/iu],
  ["fs", /Fundusz\p{L}* Spójności/iu],
];

// Where a named part ends: a bracket, a comma or semicolon, "w ramach", or a sentence's end.
const END = String.raw`(?=\s*(?:[),;]|\s-\s(?=[a-ząćęłńóśźż])|\bw ramach\b|\bze środków\b|\.(?:\s|$)|$))`;

// A programme's name: its head words, then capitalised words, years and the few small words
// names use ("na lata 2014–2020", "dla Śląskiego"); the first other word ends it.
const PROGRAMME_HEAD =
  /(?:Regionaln\p{L}+\s+)?Program\p{L}*\s+Operacyjn\p{L}+|Fundusz\p{L}*\s+Europejsk\p{L}+\s+(?=(?:dla|na)\s)/u;
const NAME_WORD = /^(?:[\p{Lu}][\p{L}-]*|na|lata|dla|i|\d{4}(?:[-–]\d{4})?|[-–]|[IVX]+)$/u;

function programmeAt(flat: string): string | null {
  const head = PROGRAMME_HEAD.exec(flat);
  if (!head) return null;
  const rest = flat
    .slice(head.index + head[0].length)
    .replace(/(\d{4})\s*[-–]\s*(\d{4})/gu, "$1–$2");
  const words: string[] = [];
  for (const raw of rest.split(" ")) {
    const word = raw.replace(/[),;.:]+$/u, "");
    if (word === "" && words.length === 0) continue;
    if (!NAME_WORD.test(word)) break;
    if (/^(?:O(?:ś|si|sią)|Działani\p{L}*|Poddziałani\p{L}*|Priorytet\p{L}*)$/u.test(word)) break;
    words.push(word);
    // A name ends at its period ("na lata 2014–2020") or at punctuation.
    if (word !== raw || /^\d{4}–\d{4}$/u.test(word)) break;
  }
  while (words.length && /^(?:na|lata|dla|i|[-–])$/u.test(words.at(-1)!)) words.pop();
  if (words.length === 0) return null;
  return tidy(`${head[0]} ${words.join(" ")}`);
}

const AXIS = new RegExp(
  String.raw`\bO(?:ś|si|sią)\s+[Pp]riorytetow\p{L}*\s+(?:nr\s+)?([IVXLC]+|\d+)\.?\s*([^),;]*?)` +
    END,
  "iu",
);
const MEASURE = new RegExp(
  String.raw`(?<![Pp]od)\b[Dd]ziałani\p{L}*:?\s+(?:nr\s+)?(\d+(?:\.\d+)*)\.?\s+([^),;]*?)` + END,
  "u",
);
const SUB_MEASURE = new RegExp(
  String.raw`\b[Pp]oddziałani\p{L}*:?\s+(?:nr\s+)?(\d+(?:\.\d+)+)\.?\s+([^),;]*?)` + END,
  "u",
);
const AGREEMENT = /\b((?:RP|PO|FE)[A-Z]{2,4}\.\d{2}\.\d{2}\.\d{2}-\d{2}-[0-9A-Z]{3,5}\/\d{2})\b/u;

const NOMINATIVE: [RegExp, string][] = [
  [/^Regionaln\p{L}+/u, "Regionalny"],
  [/^Program\p{L}*/u, "Program"],
  [/^Operacyjn\p{L}+/u, "Operacyjny"],
  [/^Fundusz\p{L}*/u, "Fundusze"],
  [/^Europejsk\p{L}+/u, "Europejskie"],
];

/** "Regionalnego Programu Operacyjnego Województwa …" → "Regionalny Program Operacyjny Województwa …". */
function programmeInNominative(text: string): string {
  const words = text.split(" ");
  for (let i = 0; i < Math.min(3, words.length); i++) {
    for (const [re, nominative] of NOMINATIVE) {
      if (re.test(words[i]!)) {
        words[i] = nominative;
        break;
      }
    }
  }
  return words.join(" ");
}

function tidy(text: string): string {
  return text
    .replace(/(\d{4})\s*[-–]\s*(\d{4})/gu, "$1–$2")
    .replace(/\s+/gu, " ")
    .replace(/[\s.:–-]+$/u, "")
    .trim();
}

function numbered(m: RegExpExecArray | null): string | null {
  if (!m) return null;
  const title = tidy(m[2] ?? "");
  return title ? `${m[1]} ${title}` : m[1]!;
}

export function fundOf(text: string): EuFund | null {
  for (const [fund, re] of FUND_PATTERNS) if (re.test(text)) return fund;
  return /Uni\p{L}* Europejsk\p{L}*|\bUE\b/u.test(text) ? "other" : null;
}

/** The EU co-financing a text describes; null when it names no EU programme or fund. */
export function euFundingFromText(text: string | null | undefined): EuFunding | null {
  if (!text) return null;
  const flat = text.replace(/\s+/gu, " ");
  const programme = programmeAt(flat);
  const fund = fundOf(flat);
  if (!programme && !fund) return null;
  const axis = AXIS.exec(flat);
  return {
    ...NO_EU_FUNDING,
    programme: programme ? programmeInNominative(programme) : null,
    priorityAxis: axis ? numbered(axis) : null,
    measure: numbered(MEASURE.exec(flat)),
    subMeasure: numbered(SUB_MEASURE.exec(flat)),
    fund: fund && (EU_FUNDS as readonly string[]).includes(fund) ? fund : null,
    agreementNumber: AGREEMENT.exec(flat)?.[1] ?? null,
  };
}
