// Program reports written as numbered sections: "1. Goal" over "1.1. Direction – what it is"
// with narrative, figures in the text and small tables (a family-support or prevention program
// reported year by year). A top-level number is a goal only when directions numbered under it
// follow; otherwise "1." is just a list item (trainings attended, needs for next year). A second
// layout is accepted when no decimal codes exist: Roman goals ("I.", "II.") over "1)"/"1."
// directions. Figures are read by narrative-figures.ts with the code of the section they stand in.
import { clean, isBlank } from "./normalise.ts";
import { readFigures, type FigureScope } from "./narrative-figures.ts";
import type { ProposedDirection, ProposedGoal, ProposedIndicator } from "./types.ts";

const LABEL = String.raw`(?:(?:cel|kierunek|zadanie|działanie|obszar|priorytet)\p{L}*(?:\s+\p{Ll}+)?\s+(?:nr\.?\s*)?)?`;
const COMPOUND = new RegExp(
  String.raw`^\s*${LABEL}(\d{1,2})\.(\d{1,2})\.?\s+([\p{L}„"“(].*)$`,
  "iu",
);
// "1. Title", or with a label the dot may go: "Cel 1 Title", "Cel nr 2: Title".
const LABELLED_TOP = LABEL.replace(/\)\?$/u, ")");
const TOP = new RegExp(
  String.raw`^\s*(?:${LABELLED_TOP}(\d{1,2})[.:)]?|(\d{1,2})\.)\s+([\p{L}„"“].*)$`,
  "iu",
);
const ROMAN_TOP = new RegExp(String.raw`^\s*${LABEL}([IVX]{1,5})\.\s+([\p{L}„"“].*)$`, "u");
const SUB_ITEM = /^\s*(\d{1,2})[.)]\s+([\p{L}„"“].*)$/u;
const ROMAN_LINE = /^\s*[IVX]{1,5}\.\s+\S/u;
const BULLET = /^\s*[-–•·]\s*/u;
const MAX_HEADING = 400;
const MAX_ACTION = 120;

type Heading = { line: number; code: string; rest: string };
type Section = { code: string; goalCode: string; line: number; end: number };

export type ProgramSections = {
  goals: ProposedGoal[];
  indicators: ProposedIndicator[];
  warnings: string[];
};

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };
function romanToNumber(s: string): number {
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const v = ROMAN[s[k] ?? ""] ?? 0;
    const next = ROMAN[s[k + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const plain = (l: string) => l.replace(/\[bookmark:[^\]]*\]/gu, "").replace(/\t/gu, " ");

/** Decimal layout: goals are the "N." lines that have "N.k" directions after them. */
function decimalLayout(lines: string[]): { goals: Heading[]; directions: Heading[] } {
  const directions: Heading[] = [];
  const tops: Heading[] = [];
  lines.forEach((raw, line) => {
    const l = plain(raw);
    if (l.length > MAX_HEADING * 4) return;
    const c = COMPOUND.exec(l);
    if (c) {
      directions.push({ line, code: `${Number(c[1])}.${Number(c[2])}`, rest: c[3] ?? "" });
      return;
    }
    const t = TOP.exec(l);
    if (t && l.length <= MAX_HEADING) {
      tops.push({ line, code: String(Number(t[1] ?? t[2])), rest: t[3] ?? "" });
    }
  });
  const goals: Heading[] = [];
  let after = -1;
  for (const d of directions) {
    const goalCode = d.code.split(".")[0] ?? "";
    if (goals.some((g) => g.code === goalCode)) continue;
    const heading = tops
      .filter((t) => t.code === goalCode && t.line < d.line && t.line > after)
      .pop();
    goals.push(heading ?? { line: d.line, code: goalCode, rest: "" });
    after = d.line;
  }
  return { goals, directions };
}

/** Roman layout: "I. Goal" over "1) Direction" / "1. Direction" lines that stand alone. */
function romanLayout(lines: string[]): { goals: Heading[]; directions: Heading[] } {
  const goals: Heading[] = [];
  const directions: Heading[] = [];
  lines.forEach((raw, line) => {
    const l = plain(raw);
    const r = ROMAN_TOP.exec(l);
    if (r && l.length <= MAX_HEADING) {
      goals.push({ line, code: String(romanToNumber(r[1] ?? "")), rest: r[2] ?? "" });
      return;
    }
    const s = SUB_ITEM.exec(l);
    const goal = goals[goals.length - 1];
    // A direction heading stands apart from text: blank line before it.
    if (s && goal && l.length <= MAX_HEADING && isBlank(lines[line - 1] ?? "")) {
      directions.push({ line, code: `${goal.code}.${Number(s[1])}`, rest: s[2] ?? "" });
    }
  });
  const withDirections = goals.filter((g) =>
    directions.some((d) => d.code.startsWith(`${g.code}.`)),
  );
  return { goals: withDirections, directions };
}

/** Heading text → title: the explanation after a dash or the first sentence is not the title. */
export function headingTitle(rest: string, next: string | undefined): string {
  let t = clean(rest);
  const dash = /\s[–—-]\s/u.exec(t);
  if (dash) {
    const after = t.slice((dash.index ?? 0) + dash[0].length);
    const explains = after.split(/\s+/u).length >= 5 && (/\.\s*$/u.test(after) || t.length > 120);
    if (explains || after.trim() === "") t = t.slice(0, dash.index);
  }
  if (t.length > 160) {
    const dot = /[.:]\s+\p{Lu}/u.exec(t);
    if (dot) t = t.slice(0, dot.index);
  }
  // A title broken across lines continues in lowercase on the next line.
  if (
    next !== undefined &&
    !/[.:;!?–—-]\s*$/u.test(rest) &&
    t === clean(rest) &&
    t.length <= 120 &&
    /^\s*\p{Ll}/u.test(next) &&
    clean(next).length <= 100 &&
    !/[,;]$/u.test(clean(next))
  ) {
    t = `${t} ${clean(next)}`;
  }
  return t
    .replace(/[\s.:;,–—-]+$/u, "")
    .replace(/^[„"“](.*)[”"]$/u, "$1")
    .trim();
}

// Closing parts of a report, headed in sentence case: "Potrzeby na rok 2023:", "Wnioski".
const CLOSING_PART = /^(?:potrzeby|wnioski|podsumowanie|rekomendacje|zalecenia)\b.{0,70}:?$/iu;

function isPartBoundary(line: string, roman: boolean): boolean {
  const l = plain(line).trim();
  if (!roman && ROMAN_LINE.test(l)) return true;
  if (CLOSING_PART.test(l)) return true;
  const letters = l.replace(/[^\p{L}]/gu, "");
  return letters.length >= 12 && !/\p{Ll}/u.test(letters) && l.split(/\s+/u).length >= 2;
}

export function parseProgramSections(lines: string[]): ProgramSections | null {
  let layout = decimalLayout(lines);
  let roman = false;
  if (layout.goals.length < 2) {
    layout = romanLayout(lines);
    roman = true;
  }
  const { goals: goalHeads } = layout;
  if (goalHeads.length < 2) return null;
  const directionHeads = layout.directions.filter((d) =>
    goalHeads.some((g) => d.code.startsWith(`${g.code}.`) && d.line > g.line),
  );
  const warnings: string[] = [];

  // Where the last goal ends: the next part of the report (a Roman or capitalised heading).
  const lastStart = Math.max(...directionHeads.map((d) => d.line), ...goalHeads.map((g) => g.line));
  let end = lines.length;
  for (let i = lastStart + 1; i < lines.length; i++) {
    if (goalHeads.some((g) => g.line === i)) continue;
    if (isPartBoundary(lines[i] ?? "", roman)) {
      end = i;
      break;
    }
  }

  const headingLines = new Set<number>();
  const sections: Section[] = [];
  const ordered = [
    ...goalHeads.map((g) => ({ ...g, kind: "goal" as const })),
    ...directionHeads.map((d) => ({ ...d, kind: "direction" as const })),
  ].sort((a, b) => a.line - b.line);
  ordered.forEach((h, k) => {
    const next = ordered[k + 1];
    const goalCode = h.code.split(".")[0] ?? h.code;
    sections.push({ code: h.code, goalCode, line: h.line, end: next ? next.line : end });
    headingLines.add(h.line);
  });

  const goals: ProposedGoal[] = goalHeads.map((g) => {
    const title = g.rest ? headingTitle(plain(g.rest), lines[g.line + 1]) : "";
    if (!title)
      warnings.push(
        `Cel ${g.code}: nie znaleziono nagłówka celu — są tylko działania ${g.code}.x.`,
      );
    return { code: g.code, title, coordinator: null, directions: [] };
  });
  for (const d of directionHeads) {
    const goal = goals.find((g) => d.code.startsWith(`${g.code}.`));
    if (!goal || goal.directions.some((x) => x.code === d.code)) continue;
    const section = sections.find((s) => s.line === d.line);
    const direction: ProposedDirection = {
      code: d.code,
      title: headingTitle(plain(d.rest), lines[d.line + 1]),
      actionLines: section ? actionLines(lines, d.line + 1, section.end) : [],
    };
    goal.directions.push(direction);
  }

  const scopeAt = (line: number): FigureScope => {
    const s = sections.filter((x) => x.line <= line && line < x.end).pop();
    if (!s) return { goalCode: null, directionCode: null, projectSymbol: null };
    return {
      goalCode: s.goalCode,
      directionCode: s.code.includes(".") ? s.code : null,
      projectSymbol: null,
    };
  };
  const first = Math.min(...goalHeads.map((g) => g.line));
  const indicators = readFigures(lines, first, lines.length, scopeAt, headingLines);
  return { goals, indicators, warnings };
}

/** Activities listed under a direction: a dash line standing alone, short, no figures. */
function actionLines(lines: string[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const l = plain(lines[i] ?? "");
    if (!BULLET.test(l) || !isBlank(lines[i - 1] ?? "")) continue;
    const text = clean(l.replace(BULLET, ""));
    if (!text || text.length > MAX_ACTION || /[,;:]$/u.test(text) || /\d/u.test(text)) continue;
    out.push(text);
  }
  return out;
}
