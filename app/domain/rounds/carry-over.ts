// Last year's text carried into this year's card (issue 15 item 4). A partner's form starts from
// last year's card, so a text that describes the year — what was done, its effects — may go
// through unchanged by mistake ("…będzie kontynuowany w 2021 r." in the 2021 report). Pure.
import { CARD_FIELDS, type CardFields } from "../value-labels.ts";

/** Fields that describe the reporting year: the same text two years running needs a look. */
export const YEAR_TEXT_FIELDS = [
  "statusReason",
  "stages",
  "effects",
  "indicatorsText",
  "evaluation",
] as const satisfies readonly (typeof CARD_FIELDS)[number][];

type CardLike = Partial<Record<(typeof CARD_FIELDS)[number], string | null | undefined>>;

const norm = (v: string | null | undefined) => (v ?? "").replace(/\s+/gu, " ").trim();

/** The year-describing fields whose non-empty text is last year's, word for word. */
export function carriedOverFields(
  current: CardLike | CardFields,
  previous: CardLike | null,
): (typeof YEAR_TEXT_FIELDS)[number][] {
  if (!previous) return [];
  const now = current as CardLike;
  return YEAR_TEXT_FIELDS.filter((f) => norm(now[f]) !== "" && norm(now[f]) === norm(previous[f]));
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
