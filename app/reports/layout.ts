// The two layouts users publish, as a list of neutral blocks (headings, paragraphs, tables,
// tables of contents, charts). The three renderers draw the same blocks, so DOCX, PDF and HTML
// say the same thing in the same order; only what a medium cannot do differs (page numbers).
import { formatDate } from "../format/polish-dates.ts";
import { formatMoney, formatPercent } from "../format/polish-numbers.ts";
import { plural } from "../format/polish-plural.ts";
import { CARD_FIELD_LABELS, GOAL_VERDICT_LABELS } from "../domain/value-labels.ts";
import { formatInUnit } from "../domain/validation/finding.ts";
import { isMoneyUnit } from "../domain/validation/units.ts";
import { chartAltText, renderChartSvg, CHART_HEIGHT, CHART_WIDTH } from "./charts.ts";
import type {
  ReportCard,
  ReportData,
  ReportIndicator,
  ReportModel,
  ReportProject,
  ReportValue,
} from "./model.ts";

/** Printed instead of a withheld small count (small-counts.ts); the introduction explains it. */
const WITHHELD = "poniżej progu";

/** A table cell: lines of text (each its own paragraph), optionally spanning rows. */
export type Cell = { lines: string[]; rowSpan?: number; header?: boolean };

export type TocEntry =
  | { kind: "group"; title: string }
  | { kind: "entry"; lp: string; symbol: string; title: string; anchor: string };

export type Block =
  | {
      kind: "title";
      municipality: string;
      lines: string[];
      preparedBy: string;
      date: string;
      draft: boolean;
    }
  | { kind: "outline"; title: string }
  | { kind: "heading"; level: 2 | 3; text: string; anchor: string }
  | { kind: "paragraph"; text: string; style?: "note" }
  /** A card's labelled part ("Cel projektu"); the text may be empty when a table follows. */
  | { kind: "field"; label: string; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "toc"; caption: string; entries: TocEntry[] }
  | {
      kind: "table";
      caption: string;
      headers: string[];
      /** Relative column widths. */
      widths: number[];
      rows: Cell[][];
    }
  | {
      kind: "chart";
      caption: string;
      svg: string;
      alt: string;
      width: number;
      height: number;
      table: { headers: string[]; rows: string[][] };
    }
  | { kind: "pageBreak" };

export type ReportLayoutResult = {
  /** The document's title in one line: HTML <title>, PDF and DOCX metadata. */
  title: string;
  /** Running header of the pages. */
  runningHead: string;
  blocks: Block[];
};

const DASH = "\u2013";

export function defaultIntroduction(data: ReportData): string {
  const powiat = data.municipality.kind === "powiat";
  const basis = powiat
    ? "art. 19 pkt 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej opracowanie i realizacja powiatowej strategii rozwiązywania problemów społecznych należą do zadań własnych powiatu"
    : "art. 17 ust. 1 pkt 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej opracowanie i realizacja gminnej strategii rozwiązywania problemów społecznych należą do zadań własnych gminy o charakterze obowiązkowym";
  return [
    `Zgodnie z ${basis}. Zgodnie z art. 16b tej ustawy strategia zawiera w szczególności diagnozę sytuacji społecznej, prognozę zmian, cele strategiczne projektowanych zmian, kierunki niezbędnych działań, sposób realizacji strategii i jej ramy finansowe oraz wskaźniki realizacji działań.`,
    `Niniejsze sprawozdanie przedstawia stan realizacji dokumentu „${data.document.title}” na lata ${data.document.periodStart}${DASH}${data.document.periodEnd} w ${data.year} r., na podstawie informacji przekazanych przez realizatorów projektów i instytucje współpracujące.`,
    ...(data.smallCountsBelow
      ? [
          `W tej wersji publicznej liczby osób, rodzin i spraw mniejsze niż ${data.smallCountsBelow} (poza zerem) nie są podawane, aby nie można było rozpoznać konkretnych osób; w tabelach oznaczono je słowami „${WITHHELD}”.`,
        ]
      : []),
  ].join("\n");
}

export function layoutReport(model: ReportModel): ReportLayoutResult {
  const { data } = model;
  const period = `na lata ${data.document.periodStart}${DASH}${data.document.periodEnd}`;
  const title = `Sprawozdanie z realizacji: ${data.document.title} ${period} za rok ${data.year}`;
  const blocks: Block[] = [
    {
      kind: "title",
      municipality: data.municipality.name,
      lines: ["Sprawozdanie z realizacji", data.document.title, period, `za rok ${data.year}`],
      preparedBy: model.preparedBy,
      date: formatDate(model.generatedAt),
      draft: model.draft,
    },
    { kind: "outline", title: "Spis treści" },
    { kind: "heading", level: 2, text: "Wprowadzenie", anchor: "wprowadzenie" },
    ...paragraphs(model.introduction),
  ];
  if (model.layout === "cards") layoutCards(model, blocks);
  else layoutIndicators(model, blocks);
  if (model.draft) annex(model, blocks);
  return {
    title,
    runningHead: `${data.municipality.name} ${DASH} sprawozdanie za rok ${data.year}${model.draft ? " (projekt)" : ""}`,
    blocks,
  };
}

function paragraphs(text: string): Block[] {
  return splitLines(text).map((t) => ({ kind: "paragraph", text: t }));
}

/** Paragraphs of a free text: one per non-empty line. */
export function splitLines(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function hasText(text: string | null | undefined): text is string {
  return !!text && text.trim() !== "";
}

// ---------------------------------------------------------------------------------------------
// Layout 1: project cards grouped by strategic goal (seed 000).

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

function layoutCards(model: ReportModel, blocks: Block[]) {
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

// ---------------------------------------------------------------------------------------------
// Layout 2: one table of indicators per strategic goal (seed 003).

function layoutIndicators(model: ReportModel, blocks: Block[]) {
  const { data } = model;
  if (data.programs.length) {
    blocks.push({
      kind: "heading",
      level: 2,
      text: "Programy realizujące strategię",
      anchor: "programy",
    });
    blocks.push({
      kind: "paragraph",
      text: "Strategię realizują następujące programy:",
    });
    blocks.push({
      kind: "list",
      items: data.programs.map((p) => {
        const resolution = [
          hasText(p.resolutionNumber) ? `uchwała nr ${p.resolutionNumber.trim()}` : "",
          hasText(p.resolutionDate) ? `z dnia ${dateText(p.resolutionDate)}` : "",
        ]
          .filter(Boolean)
          .join(" ");
        return `${p.title} na lata ${p.periodStart}${DASH}${p.periodEnd}${resolution ? ` (${resolution})` : ""}`;
      }),
    });
  }
  let indicatorCount = 0;
  let withValue = 0;
  data.goals.forEach((goal, gi) => {
    blocks.push({
      kind: "heading",
      level: 2,
      text: `Cel strategiczny ${goal.code}. ${goal.title}`,
      anchor: `cel_${gi + 1}`,
    });
    const rows: Cell[][] = [];
    goal.directions.forEach((d, di) => {
      const inds = d.indicators;
      indicatorCount += inds.length;
      withValue += inds.filter((i) => i.value?.total !== null && i.value !== null).length;
      const span = Math.max(1, inds.length);
      const lead: Cell[] = [
        { lines: [`${di + 1}.`], rowSpan: span },
        { lines: [`${d.code} ${d.title}`], rowSpan: span },
        {
          lines: d.actionLines.length ? d.actionLines.map((l) => `• ${l}`) : [DASH],
          rowSpan: span,
        },
      ];
      if (inds.length === 0) {
        rows.push([...lead, ...[DASH, DASH, DASH, DASH].map((t) => ({ lines: [t] }))]);
        return;
      }
      inds.forEach((ind, ii) => {
        const cells: Cell[] = [
          { lines: [ind.name] },
          { lines: [valueText(ind)] },
          { lines: [implementers(ind.value)] },
          { lines: remarks(ind.value, ind.unit) },
        ];
        rows.push(ii === 0 ? [...lead, ...cells] : cells);
      });
    });
    blocks.push({
      kind: "table",
      caption: `Tabela ${gi + 1}. Realizacja celu strategicznego ${goal.code} w ${data.year} r.`,
      headers: [
        "Lp",
        "Cele operacyjne",
        "Proponowane kierunki działań",
        "Wskaźniki realizacji celu operacyjnego",
        "Wartość wskaźnika",
        "Realizatorzy strategii",
        "Uwagi",
      ],
      widths: [0.45, 1.6, 2.4, 1.8, 0.9, 1.1, 1.8],
      rows,
    });
    if (model.charts) blocks.push(...charts(goal.directions.flatMap((d) => d.indicators)));
  });
  blocks.push({
    kind: "heading",
    level: 2,
    text: "Podsumowanie i wnioski",
    anchor: "podsumowanie",
  });
  blocks.push({
    kind: "paragraph",
    text: `W ${data.year} r. monitorowano ${indicatorCount} ${plural(indicatorCount, "wskaźnik", "wskaźniki", "wskaźników")} w ${data.goals.length} ${plural(data.goals.length, "celu strategicznym", "celach strategicznych", "celach strategicznych")}; wartość podano dla ${withValue} z nich.`,
  });
  if (hasText(model.conclusions)) blocks.push(...paragraphs(model.conclusions));
  else
    blocks.push({
      kind: "paragraph",
      text: "Wnioski z realizacji strategii w roku sprawozdawczym uzupełnia koordynator strategii.",
      style: "note",
    });
}

function dateText(iso: string): string {
  try {
    return formatDate(iso);
  } catch {
    return iso;
  }
}

/** The value as the table prints it: "725", "ok. 600", "1 588 268,16 zł". */
export function valueText(ind: Pick<ReportIndicator, "unit" | "value">): string {
  const v = ind.value;
  if (v?.withheld) return WITHHELD;
  if (!v || v.total === null) return DASH;
  return formatInUnit(v.total, ind.unit, v.approximate);
}

function amountText(
  value: number | null,
  unit: string,
  approximate: boolean,
  withheld = false,
): string {
  if (withheld) return WITHHELD;
  return value === null ? "brak danych" : formatInUnit(value, unit, approximate);
}

/** Seed 003's "Uwagi": each institution's part, "PUP – 725, MOPS – 23", with "w tym" splits. */
export function contributionsText(value: ReportValue | null, unit: string): string {
  if (!value || value.contributions.length === 0) return "";
  return value.contributions
    .map((c) => {
      const parts = c.parts.length
        ? ` (${c.parts[0]!.dimension === "of_which" ? "w tym: " : ""}${c.parts
            .map((p) => `${p.label} ${DASH} ${amountText(p.value, unit, false, p.withheld)}`)
            .join(", ")})`
        : "";
      const note = hasText(c.note) ? ` ${c.note.trim()}` : "";
      return `${c.institution} ${DASH} ${amountText(c.value, unit, c.approximate, c.withheld)}${parts}${note}`;
    })
    .join(", ");
}

function remarks(value: ReportValue | null, unit: string): string[] {
  if (!value) return [DASH];
  const lines = [contributionsText(value, unit), ...splitLines(value.remarks)].filter(
    (l) => l !== "",
  );
  return lines.length ? lines : [DASH];
}

function implementers(value: ReportValue | null): string {
  const names = [...new Set(value?.contributions.map((c) => c.institution) ?? [])];
  return names.length ? names.join(", ") : DASH;
}

function indicatorTable(caption: string, inds: ReportIndicator[]): Block {
  return {
    kind: "table",
    caption,
    headers: ["Wskaźnik", "Jednostka", "Wartość", "Uwagi"],
    widths: [2.6, 0.9, 1, 2.4],
    rows: inds.map((i) => [
      { lines: [i.name] },
      { lines: [i.unit] },
      { lines: [valueText(i)] },
      { lines: remarks(i.value, i.unit) },
    ]),
  };
}

function charts(inds: ReportIndicator[]): Block[] {
  return inds
    .filter((i) => i.history.length >= 2)
    .map((i) => {
      const chart = { name: i.name, unit: i.unit, points: i.history };
      return {
        kind: "chart" as const,
        caption: `Wskaźnik „${i.name}” w latach ${i.history[0]!.year}${DASH}${i.history.at(-1)!.year}`,
        svg: renderChartSvg(chart),
        alt: chartAltText(chart),
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        table: {
          headers: ["Rok", `Wartość (${i.unit})`],
          rows: i.history.map((h) => [
            String(h.year),
            formatInUnit(h.total, isMoneyUnit(i.unit) ? i.unit : "", h.approximate),
          ]),
        },
      };
    });
}

// ---------------------------------------------------------------------------------------------

function annex(model: ReportModel, blocks: Block[]) {
  const { findings } = model.data;
  blocks.push({ kind: "pageBreak" });
  blocks.push({
    kind: "heading",
    level: 2,
    text: "Załącznik. Niepotwierdzone uwagi z kontroli danych",
    anchor: "zalacznik_uwagi",
  });
  blocks.push({
    kind: "paragraph",
    text: "Ta wersja sprawozdania jest projektem. Poniższe uwagi wskazują liczby i opisy, które należy sprawdzić albo potwierdzić przed publikacją. Załącznik nie wchodzi do wersji ostatecznej.",
    style: "note",
  });
  if (findings.length === 0) {
    blocks.push({
      kind: "paragraph",
      text: "Kontrola danych nie wykazała niepotwierdzonych uwag.",
    });
    return;
  }
  blocks.push({
    kind: "table",
    caption: `Niepotwierdzone uwagi (${findings.length})`,
    headers: ["Lp", "Dotyczy", "Uwaga", "Waga"],
    widths: [0.45, 2.4, 3.6, 0.8],
    rows: findings.map((f, i) => [
      { lines: [`${i + 1}.`] },
      { lines: [f.subject] },
      { lines: [f.message] },
      { lines: [f.severity === "error" ? "błąd" : "ostrzeżenie"] },
    ]),
  });
}
