// Layout 2: one table of indicators per strategic goal, "Lp | Cele operacyjne | Proponowane
// kierunki działań | Wskaźniki… | Wartość | Realizatorzy | Uwagi" (seed 003), then conclusions.
import { formatDate } from "../../format/polish-dates.ts";
import { plural } from "../../format/polish-plural.ts";
import type { ReportModel } from "../model.ts";
import { DASH, hasText, paragraphs, type Block, type Cell } from "./blocks.ts";
import {
  TARGET_HEADER,
  anyTarget,
  charts,
  implementers,
  remarks,
  targetCell,
  valueText,
} from "./indicator-blocks.ts";

export function layoutIndicators(model: ReportModel, blocks: Block[]) {
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
  // Seven columns of text are unreadable on a portrait page: the goals' tables (and their
  // charts) are on landscape pages, the conclusions portrait again.
  if (data.goals.length) blocks.push({ kind: "orientation", landscape: true });
  // One set of columns for every goal's table: the target's column when any indicator of the
  // report has a target, so "Tabela 1" and "Tabela 2" read alike.
  const withTarget = anyTarget(
    data.goals.flatMap((g) => g.directions.flatMap((d) => d.indicators)),
  );
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
        const empty = withTarget ? 5 : 4;
        rows.push([...lead, ...Array.from({ length: empty }, () => ({ lines: [DASH] }))]);
        return;
      }
      inds.forEach((ind, ii) => {
        const cells: Cell[] = [
          { lines: [ind.name] },
          { lines: [valueText(ind)] },
          ...(withTarget ? [targetCell(ind)] : []),
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
        ...(withTarget ? [TARGET_HEADER] : []),
        "Realizatorzy strategii",
        "Uwagi",
      ],
      // In proportion to what the columns hold in seed 003: the remarks are the longest text.
      // The target's column takes its width from the three wide text columns, so "poniżej
      // oczekiwań" breaks between its words and the value column keeps its width (decision 060).
      widths: withTarget
        ? [0.4, 1.3, 2.0, 1.6, 0.8, 1.2, 1.0, 2.3]
        : [0.4, 1.4, 2.2, 1.8, 0.8, 1.1, 2.6],
      rows,
    });
    if (model.charts) blocks.push(...charts(goal.directions.flatMap((d) => d.indicators)));
  });
  if (data.goals.length) blocks.push({ kind: "orientation", landscape: false });
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
