// Document-level facts: kind, title, municipality and the year reported on. Reports state them
// in a title block ("Sprawozdanie z realizacji Strategii … w Gminie X … za rok 2021"), or not at
// all (a card report that starts with its table of contents); then they are inferred from the
// text and the inference is reported as a warning.
import { findTitle } from "./document-title.ts";
import {
  findMunicipality,
  findPeriod,
  findResolution,
  isActivityReport,
  programOf,
  type Resolution,
} from "./document-facts.ts";
import { foldPolish, matchMunicipalityName } from "./municipalities.ts";

export type DocumentInfo = {
  kind: string;
  title: string | null;
  municipality: string | null;
  teryt: string | null;
  program: string | null;
  period: { start: number; end: number } | null;
  resolution: Resolution | null;
  year: number | null;
  warnings: string[];
};

const YEAR_STATED =
  /\b(?:za\s+(?:rok\s+)?|w\s+roku\s+|za\s+okres\s+od\s+\d{1,2}[.\s]\S+[.\s]\s*\d{0,4}\s*r?\.?\s*do\s+31[.\s]+(?:12|grudnia)[.\s]+)(\d{4})\s*(?:r\.?|rok|roku)?(?!\d)/iu;
const YEAR_MENTION = /\bw\s+(\d{4})\s*(?:r\.?|roku)(?!\p{L})/giu;

export function readDocumentInfo(
  lines: string[],
  found: { cards: number; indicatorRows: number; structure?: string | undefined },
): DocumentInfo {
  const warnings: string[] = [];
  const head = lines.slice(0, 60);

  const title = findTitle(head);

  const text = lines.join("\n");
  let year: number | null = null;
  const stated =
    YEAR_STATED.exec(title ?? "") ??
    /\bw\s+(\d{4})\s*(?:r\.|roku)(?!\p{L})/u.exec(title ?? "") ??
    YEAR_STATED.exec(head.join("\n"));
  if (stated) year = Number(stated[1]);
  if (year === null) {
    const counts = new Map<number, number>();
    for (const m of text.matchAll(YEAR_MENTION)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) {
      year = best[0];
      warnings.push(
        `Rok sprawozdania (${year}) ustalono z treści — dokument nie podaje go w tytule.`,
      );
    }
  }

  // A web page's contact block gives the town in the nominative after its postal code.
  const postal =
    found.structure === "project_page"
      ? (/\b\d{2}-\d{3}\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u.exec(text)?.[1] ?? null)
      : null;
  // The postal town is already in the nominative: only an exact register name counts for it.
  const matched = postal
    ? (matchMunicipalityName(postal).find((m) => foldPolish(m.name) === foldPolish(postal)) ?? null)
    : findMunicipality(title, text.slice(0, 200_000));
  const municipality = matched?.name ?? postal;
  if (!municipality) warnings.push("Nie ustalono nazwy gminy — uzupełnij ją przed zapisem.");
  else if (!matched) {
    warnings.push(`Gminy „${municipality}” nie ma w rejestrze TERC — sprawdź nazwę i kod TERYT.`);
  } else if (!title) {
    warnings.push(`Nazwę gminy („${municipality}”) ustalono z treści — sprawdź.`);
  }

  const about = `${title ?? ""} ${text.slice(0, 20000)}`;
  const program = programOf(title ?? "") ?? (title ? null : programOf(text.slice(0, 3000)));
  let kind = "report";
  if (found.structure === "project_page") kind = "project_page";
  else if (isActivityReport(title, text.slice(0, 5000))) kind = "activity_report";
  else if (found.structure === "program_sections" && /program/iu.test(about)) {
    kind = /strategi/iu.test(title ?? "") ? "strategy_report" : "program_report";
  } else if (/strategi/iu.test(title ?? "") || (found.cards > 0 && /strategi/iu.test(about))) {
    kind = "strategy_report";
  } else if (/program/iu.test(title ?? "")) kind = "program_report";
  else if (found.indicatorRows > 0 && /strategi/iu.test(about)) kind = "strategy_report";

  const opening = `${title ?? ""}\n${head.slice(0, 15).join("\n")}`;
  return {
    kind,
    title,
    municipality,
    teryt: matched?.teryt ?? null,
    program: kind === "program_report" ? program : null,
    period: findPeriod(title ?? "") ?? findPeriod(head.slice(0, 15).join(" ")),
    // Only the title block: later resolutions are those of other documents the report names.
    resolution: findResolution(opening),
    year,
    warnings,
  };
}
