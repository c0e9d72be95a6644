// Document-level facts: kind, title, municipality and the year reported on. Reports state them
// in a title block ("Sprawozdanie z realizacji Strategii … w Gminie X … za rok 2021"), or not at
// all (a card report that starts with its table of contents); then they are inferred from the
// text and the inference is reported as a warning.
import { clean, isBlank, stripMarkup } from "./normalise.ts";

export type DocumentInfo = {
  kind: string;
  title: string | null;
  municipality: string | null;
  year: number | null;
  warnings: string[];
};

const TITLE_START = /^(?:sprawozdanie|raport|informacja|ocena)\b/iu;
const YEAR_STATED = /\bza\s+(?:rok\s+)?(\d{4})\s*(?:r\.?|rok|roku)?(?!\d)/iu;
const YEAR_MENTION = /\bw\s+(\d{4})\s*(?:r\.?|roku)(?!\p{L})/giu;
// The municipality after the words that name it; nominative after "Miasta"/"Gminy"/"Gminie"
// (Polish keeps place names in the nominative there: "w Gminie Ostrowiec Świętokrzyski").
const MUNICIPALITY =
  /\b(?:Gmin(?:a|y|ie)|Miast(?:o|a)|Powiat(?:u)?|Miasto i Gmin(?:a|y))\s+((?:\p{Lu}[\p{L}-]*\.?)(?:\s+\p{Lu}[\p{L}-]*\.?){0,2})/gu;

export function readDocumentInfo(
  lines: string[],
  found: { cards: number; indicatorRows: number; structure?: string | undefined },
): DocumentInfo {
  const warnings: string[] = [];
  const head = lines.slice(0, 60);

  let title: string | null = null;
  for (let i = 0; i < head.length; i++) {
    // A part number before the title ("I. SPRAWOZDANIE …") is not part of it.
    const first = stripMarkup(head[i] ?? "").replace(/^(?:[IVX]{1,5}|\d{1,2})\.\s+/u, "");
    if (!TITLE_START.test(first) || first.includes("\t")) continue;
    const parts = [first];
    for (let j = i + 1; j < head.length && !isBlank(head[j] ?? ""); j++) {
      parts.push(stripMarkup(head[j] ?? ""));
    }
    title = clean(parts.join(" "));
    break;
  }

  const text = lines.join("\n");
  let year: number | null = null;
  const stated = YEAR_STATED.exec(title ?? "") ?? YEAR_STATED.exec(head.join("\n"));
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

  const byMentions = (source: string): string | null => {
    const counts = new Map<string, number>();
    for (const m of source.matchAll(MUNICIPALITY)) {
      // A word that ends a sentence ends the name: "kobiet z Miasta Rybnika. W projekcie".
      const name = clean(
        (m[1] ?? "").replace(/(\p{L}{4,})\.(?:\s.*)?$/u, "$1").replace(/\.$/u, ""),
      );
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    return best ? best[0] : null;
  };
  // A web page's contact block gives the town in the nominative after its postal code.
  const postal =
    found.structure === "project_page"
      ? (/\b\d{2}-\d{3}\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u.exec(text)?.[1] ?? null)
      : null;
  const municipality = (title ? byMentions(title) : null) ?? postal ?? byMentions(text);
  if (!municipality) warnings.push("Nie ustalono nazwy gminy — uzupełnij ją przed zapisem.");
  else if (!title) {
    warnings.push(`Nazwę gminy („${municipality}”) ustalono z treści — sprawdź.`);
  }

  const about = `${title ?? ""} ${text.slice(0, 20000)}`;
  let kind = "report";
  if (found.structure === "project_page") kind = "project_page";
  else if (found.structure === "program_sections" && /program/iu.test(about)) {
    kind = /strategi/iu.test(title ?? "") ? "strategy_report" : "program_report";
  } else if (/strategi/iu.test(title ?? "") || (found.cards > 0 && /strategi/iu.test(about))) {
    kind = "strategy_report";
  } else if (/program/iu.test(title ?? "")) kind = "program_report";
  else if (found.indicatorRows > 0 && /strategi/iu.test(about)) kind = "strategy_report";

  return { kind, title, municipality, year, warnings };
}
