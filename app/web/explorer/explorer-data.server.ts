// The explorer's request: the address read into a selection, checked against what the
// municipality offers (an id of another municipality reads as unknown), then the domain query.
// Shared by the page and its CSV/XLSX export, so both answer the same selection.
import {
  exploreIndicators,
  explorerChoices,
  type ExplorerChoices,
  type ExplorerResult,
} from "../../domain/analytics/explorer.ts";
import type { FieldError } from "../../domain/errors.ts";
import type { TenantScope } from "../../domain/scope.ts";
import {
  EXPLORER_FIELDS,
  UNKNOWN_INDICATOR,
  UNKNOWN_INSTITUTION,
  explorerQuery,
  parseExplorerSelection,
  type ExplorerSelection,
} from "../forms/explorer-selection.ts";

export type ExplorerRequest = {
  choices: ExplorerChoices;
  selection: ExplorerSelection;
  problems: FieldError[];
  result: ExplorerResult;
  /** The query string of what was shown (for the export links). */
  query: string;
};

function known(
  ids: string[],
  offered: { id: string }[],
  problem: FieldError,
  problems: FieldError[],
): string[] {
  const set = new Set(offered.map((o) => o.id));
  const kept = ids.filter((id) => set.has(id));
  if (kept.length < ids.length && !problems.some((p) => p.message === problem.message))
    problems.push(problem);
  return kept;
}

export async function loadExplorer(scope: TenantScope, url: URL): Promise<ExplorerRequest> {
  const parsed = parseExplorerSelection(url.searchParams);
  const problems = [...parsed.problems];
  const choices = await explorerChoices({ scope });
  const selection: ExplorerSelection = {
    ...parsed.selection,
    indicatorIds: known(
      parsed.selection.indicatorIds,
      choices.indicators,
      { field: "w", message: UNKNOWN_INDICATOR },
      problems,
    ),
    institutionIds: known(
      parsed.selection.institutionIds,
      choices.institutions,
      { field: "i", message: UNKNOWN_INSTITUTION },
      problems,
    ),
  };
  const result = await exploreIndicators({ scope, query: selection });
  // In the order of the form's fields, as the error summary lists them.
  const order: string[] = Object.values(EXPLORER_FIELDS);
  problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { choices, selection, problems, result, query: explorerQuery(selection) };
}
