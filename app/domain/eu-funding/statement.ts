// The co-financing statement EU publicity rules require of a project's public information, as
// text (the emblem itself is the municipality's to place). 2014–2020: a reference to the Union
// and to the fund (Regulation (EU) No 1303/2013, Annex XII, 2.2; Implementing Regulation (EU)
// No 821/2014, art. 4). 2021–2027: the emblem's statement "Dofinansowane przez Unię Europejską",
// the Polish form of "Co-funded by the European Union" used by Fundusze Europejskie 2021–2027
// (Regulation (EU) 2021/1060, art. 47 and Annex IX). Pure.
import { EU_FUND_GENITIVE, hasEuFunding, type EuFunding } from "./types.ts";

export type Perspective = "2014-2020" | "2021-2027" | "other";

export function perspectiveOf(f: EuFunding, sinceYear: number | null): Perspective {
  const text = f.programme ?? "";
  if (/2021\s*[-–]\s*2027|\bFE[A-Z]{1,4}\b|Fundusze Europejskie (?:dla|na)/u.test(text))
    return "2021-2027";
  if (/2014\s*[-–]\s*2020|Wiedza Edukacja Rozwój|Pomoc Żywnościowa/u.test(text)) return "2014-2020";
  if (sinceYear !== null) return sinceYear >= 2022 ? "2021-2027" : "2014-2020";
  return "other";
}

/** The statement, e.g. "Projekt współfinansowany przez Unię Europejską ze środków …". */
export function euStatement(f: EuFunding | null, sinceYear: number | null = null): string | null {
  if (!hasEuFunding(f)) return null;
  const fund = f.fund ? ` ze środków ${EU_FUND_GENITIVE[f.fund]}` : "";
  const programme = f.programme ? ` w ramach programu: ${f.programme}` : "";
  if (perspectiveOf(f, sinceYear) === "2021-2027")
    return `Dofinansowane przez Unię Europejską. Projekt współfinansowany${fund}${programme}.`;
  return `Projekt współfinansowany przez Unię Europejską${fund}${programme}.`;
}

/** The structured fields where a coordinator filled them, else what the texts say. */
export function effectiveEuFunding(
  fields: EuFunding | null | undefined,
  fromTexts: (EuFunding | null)[],
): { funding: EuFunding; source: "fields" | "text" } | null {
  if (hasEuFunding(fields)) return { funding: fields, source: "fields" };
  const found = fromTexts.filter(hasEuFunding);
  if (found.length === 0) return null;
  // The richest description wins: the one naming most parts.
  const score = (f: EuFunding) => Object.values(f).filter((v) => v !== null).length;
  return { funding: found.sort((a, b) => score(b) - score(a))[0]!, source: "text" };
}
