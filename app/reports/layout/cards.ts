// Layout 1: project cards grouped by strategic goal, each goal with its table of contents
// "Lp | Symbol | Tytuł projektu" (seed 000), then the list of projects for next year.
import { formatMoney, formatPercent } from "../../format/polish-numbers.ts";
import { plural } from "../../format/polish-plural.ts";
import { CARD_FIELD_LABELS, GOAL_VERDICT_LABELS } from "../../domain/value-labels.ts";
import type { ReportCard, ReportData, ReportModel, ReportProject } from "../model.ts";
import { DASH, hasText, type Block, type Cell, type TocEntry } from "./blocks.ts";
import { charts, indicatorTable } from "./indicator-blocks.ts";

function cardCounts(data: ReportData) {
  const counts = { all: 0, carriedOut: 0, notCarriedOut: 0, elsewhere: 0, missing: 0 };
  for (const g of data.goals)
    for (const d of g.directions)
      for (const p of d.projects) {
        counts.all += 1;
        const s = p.card?.status;
        if (!s) counts.missing += 1;
        else if (s === "not_carried_out") counts.notCarriedOut += 1;
        else if (s === "reported_elsewhere") counts.elsewhere += 1;
        else counts.carriedOut += 1;
      }
  return counts;
}

export function layoutCards(model: ReportModel, blocks: Block[]) {
  const { data } = model;
  const c = cardCounts(data);
  const parts = [
    `zrealizowane ${DASH} ${c.carriedOut}`,
    `niezrealizowane ${DASH} ${c.notCarriedOut}`,
    `sprawozdawane w innych dokumentach ${DASH} ${c.elsewhere}`,
  ];
  if (c.missing) parts.push(`bez karty za ${data.year} r. ${DASH} ${c.missing}`);
  blocks.push({
    kind: "paragraph",
    text: `W sprawozdaniu ujęto ${c.all} ${plural(c.all, "projekt", "projekty", "projektów")} w ${data.goals.length} ${plural(data.goals.length, "celu strategicznym", "celach strategicznych", "celach strategicznych")}: ${parts.join(", ")}.`,
  });
  let anchor = 0;
  data.goals.forEach((goal, gi) => {
    blocks.push({ kind: "pageBreak" });
    blocks.push({
      kind: "heading",
      level: 2,
      text: `Cel strategiczny ${goal.code}. ${goal.title}`,
      anchor: `cel_${gi + 1}`,
    });
    if (hasText(goal.coordinatorName)) {
      blocks.push({
        kind: "paragraph",
        text: `Koordynator: ${goal.coordinatorName}${hasText(goal.coordinatorPosition) ? ` ${DASH} ${goal.coordinatorPosition}` : ""}`,
      });
    }
    const entries: TocEntry[] = [];
    const cards: Block[] = [];
    let lp = 0;
    for (const d of goal.directions) {
      if (d.projects.length === 0) continue;
      entries.push({ kind: "group", title: `${d.code} ${d.title}` });
      for (const p of d.projects) {
        anchor += 1;
        lp += 1;
        const id = `projekt_${anchor}`;
        entries.push({ kind: "entry", lp: `${lp}.`, symbol: p.symbol, title: p.title, anchor: id });
        cards.push(...projectCard(model, p, id));
      }
    }
    if (lp > 0) {
      blocks.push({ kind: "toc", caption: `Projekty celu strategicznego ${goal.code}`, entries });
    } else {
      blocks.push({ kind: "paragraph", text: "W tym celu nie sprawozdano projektów." });
    }
    blocks.push(...cards);
    const goalIndicators = goal.directions.flatMap((d) =>
      d.indicators
        .filter((i) => !d.projects.some((p) => p.indicators.includes(i)))
        .map((i) => ({ d, i })),
    );
    if (goalIndicators.length) {
      blocks.push({
        kind: "heading",
        level: 3,
        text: `Wskaźniki realizacji celu ${goal.code}`,
        anchor: `cel_${gi + 1}_wskazniki`,
      });
      blocks.push(
        indicatorTable(
          `Wskaźniki realizacji celu ${goal.code} w ${data.year} r.`,
          goalIndicators.map((x) => x.i),
        ),
      );
      if (model.charts) blocks.push(...charts(goalIndicators.map((x) => x.i)));
    }
  });
  nextYearList(model, blocks);
}

function projectCard(model: ReportModel, p: ReportProject, anchor: string): Block[] {
  const year = model.data.year;
  const out: Block[] = [{ kind: "heading", level: 3, text: `${p.title} [${p.symbol}]`, anchor }];
  const card = p.card;
  if (!card) {
    out.push({ kind: "paragraph", text: `Brak karty projektu za ${year} r.`, style: "note" });
    return out;
  }
  if (card.status === "reported_elsewhere") {
    const where = hasText(card.reportedIn) ? card.reportedIn : card.statusReason;
    out.push({
      kind: "paragraph",
      text: `Projekt sprawozdawany w innym dokumencie${hasText(where) ? `: ${where.trim()}` : "."}`,
      style: "note",
    });
    return out;
  }
  if (card.status === "not_carried_out") {
    out.push({
      kind: "paragraph",
      text: `Projekt nie był realizowany w ${year} r.${hasText(card.statusReason) ? ` Przyczyna: ${card.statusReason.trim()}` : ""}`,
      style: "note",
    });
  } else if (card.status === "finished") {
    out.push({ kind: "paragraph", text: `Projekt zakończony.`, style: "note" });
  }
  const field = (label: string, text: string | null | undefined) => {
    if (hasText(text)) out.push({ kind: "field", label, text: text.trim() });
  };
  field(CARD_FIELD_LABELS.goalText, goalText(card));
  field(CARD_FIELD_LABELS.addressees, card.addressees);
  field(
    CARD_FIELD_LABELS.implementers,
    hasText(card.implementers) ? card.implementers : p.institutions.join(", "),
  );
  field(CARD_FIELD_LABELS.stages, card.stages);
  field(CARD_FIELD_LABELS.effects, card.effects);
  if (hasText(card.indicatorsText) || p.indicators.length) {
    out.push({
      kind: "field",
      label: CARD_FIELD_LABELS.indicatorsText,
      text: card.indicatorsText?.trim() ?? "",
    });
    if (p.indicators.length) {
      out.push(indicatorTable(`Wskaźniki projektu „${p.title}” w ${year} r.`, p.indicators));
      if (model.charts) out.push(...charts(p.indicators));
    }
  }
  field(CARD_FIELD_LABELS.evaluation, card.evaluation);
  if (hasText(card.funding) || p.budgets.length) {
    out.push({ kind: "field", label: CARD_FIELD_LABELS.funding, text: card.funding?.trim() ?? "" });
    for (const b of p.budgets) out.push(budgetTable(p, b));
  }
  field(CARD_FIELD_LABELS.timeframe, timeframe(card, year));
  return out;
}

function goalText(card: ReportCard): string | null {
  const verdict = card.goalVerdict ? GOAL_VERDICT_LABELS[card.goalVerdict] : undefined;
  const text = card.goalText?.trim() ?? "";
  // Imported cards carry the verdict in the goal text already ("cel został osiągnięty").
  if (!verdict || /osiągnięt/iu.test(text)) return text || null;
  const reason = hasText(card.goalVerdictReason) ? ` (${card.goalVerdictReason.trim()})` : "";
  const sentence = `${verdict.charAt(0).toUpperCase()}${verdict.slice(1)}${reason}.`;
  return text ? `${text}\n${sentence}` : sentence;
}

function timeframe(card: ReportCard, year: number): string | null {
  const text = card.timeframe?.trim() ?? "";
  if (/kontynuowan/iu.test(text) || !card.continuation) return text || null;
  const next = year + 1;
  const sentence =
    card.continuation === "no"
      ? `Projekt nie będzie kontynuowany w ${next} r.`
      : card.continuation === "renamed" && hasText(card.nextYearTitle)
        ? `Projekt będzie kontynuowany w ${next} r. pod nazwą „${card.nextYearTitle.trim()}”.`
        : `Projekt będzie kontynuowany w ${next} r.`;
  return text ? `${text}\n${sentence}` : sentence;
}

function budgetTable(p: ReportProject, b: ReportProject["budgets"][number]): Block {
  const rows: Cell[][] = b.parts.map((part) => [
    { lines: [part.label] },
    { lines: [part.amount !== null ? formatMoney(part.amount) : DASH] },
    { lines: [part.percent !== null ? formatPercent(part.percent) : DASH] },
  ]);
  rows.push([
    { lines: ["Razem"], header: true },
    { lines: [b.total !== null ? formatMoney(b.total) : DASH] },
    { lines: [b.total !== null ? "100%" : DASH] },
  ]);
  return {
    kind: "table",
    caption: `Budżet projektu „${p.title}” ${b.year === null ? "na cały okres realizacji" : `w ${b.year} r.`}`,
    headers: ["Źródło finansowania", "Kwota", "Udział"],
    widths: [3, 1.4, 0.8],
    rows,
  };
}

function nextYearList(model: ReportModel, blocks: Block[]) {
  const { data } = model;
  const next = data.year + 1;
  blocks.push({ kind: "pageBreak" });
  blocks.push({
    kind: "heading",
    level: 2,
    text: `Wykaz projektów zgłoszonych na ${next} r.`,
    anchor: "rok_nastepny",
  });
  if (data.nextYear.length === 0) {
    blocks.push({ kind: "paragraph", text: `Nie zgłoszono projektów na ${next} r.` });
    return;
  }
  const label = (e: ReportData["nextYear"][number]) =>
    e.kind === "new"
      ? "nowy projekt"
      : e.kind === "renamed"
        ? `kontynuacja pod nową nazwą (w ${data.year} r.: „${e.previousTitle}”)`
        : "kontynuacja";
  blocks.push({
    kind: "table",
    caption: `Projekty zgłoszone na ${next} r.`,
    headers: ["Lp", "Symbol", "Tytuł projektu", "Uwagi"],
    widths: [0.5, 0.9, 4, 1.8],
    rows: data.nextYear.map((e, i) => [
      { lines: [`${i + 1}.`] },
      { lines: [e.symbol] },
      { lines: [e.title] },
      { lines: [label(e)] },
    ]),
  });
}
