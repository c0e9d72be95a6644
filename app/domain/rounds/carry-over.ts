// Last year's text carried into this year's card (issue 15 item 4). A partner's form starts from
// last year's card, so a text that describes the year — what was done, its effects — may go
// through unchanged by mistake ("…będzie kontynuowany w 2021 r." in the 2021 report). Pure.
import { CARD_FIELDS, type CardFields } from "../value-labels.ts";

/** Fields that describe what happened in the year: the same text two years running needs a look. */
export const YEAR_TEXT_FIELDS = [
  "statusReason",
  "goalVerdictReason",
  "stages",
  "effects",
] as const satisfies readonly (typeof CARD_FIELDS)[number][];

/** Free-text fields that may stay from year to year (a project's goal, addressees, rules). */
const STABLE_TEXT_FIELDS = [
  "goalText",
  "addressees",
  "implementers",
  "indicatorsText",
  "evaluation",
  "funding",
  "timeframe",
] as const satisfies readonly (typeof CARD_FIELDS)[number][];

type CarriedField = (typeof YEAR_TEXT_FIELDS | typeof STABLE_TEXT_FIELDS)[number];

type CardLike = Partial<Record<(typeof CARD_FIELDS)[number], string | null | undefined>>;

const norm = (v: string | null | undefined) => (v ?? "").replace(/\s+/gu, " ").trim();

/**
 * The fields whose non-empty text is last year's, word for word: the year-describing ones, and
 * a stable one only when it names last year or this one ("…będzie kontynuowany w 2021 r.").
 */
export function carriedOverFields(
  current: CardLike | CardFields,
  previous: CardLike | null,
  year: number,
): CarriedField[] {
  if (!previous) return [];
  const now = current as CardLike;
  const same = (f: CarriedField) => norm(now[f]) !== "" && norm(now[f]) === norm(previous[f]);
  const namesYear = (f: CarriedField) =>
    new RegExp(`(?<!\\d)(?:${year - 1}|${year})(?!\\d)`, "u").test(norm(now[f]));
  return [
    ...YEAR_TEXT_FIELDS.filter(same),
    ...STABLE_TEXT_FIELDS.filter((f) => same(f) && namesYear(f)),
  ];
}

export type FieldDifference = {
  field: (typeof CARD_FIELDS)[number];
  before: string | null;
  after: string | null;
  same: boolean;
};

/** Every card field this year against last year, for the reviewer. */
export function cardDifferences(
  current: CardLike | null,
  previous: CardLike | null,
): FieldDifference[] {
  return CARD_FIELDS.map((field) => {
    const before = norm(previous?.[field]) || null;
    const after = norm(current?.[field]) || null;
    return { field, before, after, same: before === after };
  }).filter((d) => d.before !== null || d.after !== null);
}
