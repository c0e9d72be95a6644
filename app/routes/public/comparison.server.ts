// What the comparison page and its CSV share: the code and the narrowing from the address
// (voivodeship, year; anything else in them is ignored, as the public home ignores a bad
// query), the comparison read from published data only (readComparison) with the
// installation's small-count threshold, and the filter form's choices.
import { comparisonChoices, readComparison } from "../../domain/comparison/comparison.ts";
import { getServices } from "../../services.ts";
import { z } from "../../web/forms/zod.ts";
import { requestReadDb } from "../../web/read-db.server.ts";

const query = z.object({
  woj: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  rok: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  strona: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export function comparisonQueryOf(url: URL) {
  const q = query.parse(Object.fromEntries(url.searchParams));
  return { voivodeship: q.woj ?? null, year: q.rok ?? null, page: q.strona ?? 1 };
}

export async function loadComparison(code: string | undefined, url: URL) {
  const services = getServices();
  const db = await requestReadDb();
  const { voivodeship, year, page } = comparisonQueryOf(url);
  const actor = null;
  const choices = await comparisonChoices({ db, actor, code: code ?? "" });
  // A voivodeship or year nobody publishes for is not narrowed to an empty page: ignored.
  const filter = {
    voivodeship: choices.voivodeships.some((v) => v.code === voivodeship) ? voivodeship : null,
    year: year !== null && choices.years.includes(year) ? year : null,
  };
  const comparison = await readComparison({
    db,
    actor,
    code: code ?? "",
    minCount: services.config.publicMinCount,
    filter,
  });
  return { comparison, choices, page };
}
