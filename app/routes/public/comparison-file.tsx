// The comparison's table as CSV (/porownania/:code/dane.csv): the same rows as the page, in
// the same voivodeship and year (every page of the table).
import type { Route } from "./+types/comparison-file";
import { run } from "../../web/auth.server.ts";
import { comparisonCsv } from "../../web/comparison/comparison-table.ts";
import { attachment } from "../../web/forms/report-choice.ts";
import { loadComparison } from "./comparison.server.ts";

export async function loader({ params, request }: Route.LoaderArgs) {
  return run(async () => {
    const { comparison: c } = await loadComparison(params.code, new URL(request.url));
    return new Response(comparisonCsv(c), {
      headers: {
        "Cache-Control": "no-cache",
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(
          `porownanie-${[c.entry.code, c.filter.voivodeship, c.filter.year].filter(Boolean).join("-")}.csv`,
        ),
      },
    });
  });
}
