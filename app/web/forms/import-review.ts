// The import review form's decisions: which items are saved (ticked) and the reviewer's
// corrections of names and values, checked against the plan the draft makes.
import { FormInputError, type FieldError } from "../../domain/errors.ts";
import { parsePolishNumber } from "../../format/polish-numbers.ts";
import type { ItemCorrection } from "../../domain/import-drafts/decisions.ts";
import type { planDraft } from "../../domain/import-drafts/drafts.ts";
import type { PlanItem } from "../../domain/import-drafts/plan.ts";

type Plan = Awaited<ReturnType<typeof planDraft>>;

/** The editable text of an item: titles and names as read. */
export function editableText(item: PlanItem, plan: Plan): string {
  if (item.section === "goal") return plan.goals.find((g) => g.key === item.key)?.title ?? "";
  if (item.section === "direction")
    return plan.goals.flatMap((g) => g.directions).find((d) => d.key === item.key)?.title ?? "";
  if (item.section === "project")
    return plan.projects.find((p) => p.key === item.key)?.proposal.title ?? "";
  if (item.section === "indicator")
    return plan.indicators.find((i) => i.key === item.key)?.proposal.name ?? "";
  if (item.section === "document")
    return plan.namedDocuments.find((d) => d.key === item.key)?.title ?? "";
  return plan.nextYear.find((n) => n.key === item.key)?.title ?? "";
}

/**
 * The reviewer's decisions from the form's `item`, `accept`, `text.<key>` and `value.<key>`
 * fields; an accepted item emptied of its name or a value that is no number is refused.
 */
export function reviewDecisions(
  plan: Plan,
  items: string[],
  accepted: Set<string>,
  values: Record<string, string>,
) {
  const errors: FieldError[] = [];
  const corrections: Record<string, ItemCorrection> = {};
  for (const item of plan.items) {
    if (!items.includes(item.key)) continue;
    const text = (values[`text.${item.key}`] ?? "").trim();
    const original = editableText(item, plan);
    const c: ItemCorrection = {};
    if (text && text !== original) {
      if (item.section === "indicator") c.name = text;
      else c.title = text;
    }
    if (accepted.has(item.key) && !text && original)
      errors.push({
        field: `text.${item.key}`,
        message: `„${item.label}”: nazwa nie może być pusta — wpisz ją albo odznacz tę pozycję.`,
      });
    const raw = values[`value.${item.key}`]?.trim();
    if (item.section === "indicator" && raw !== undefined) {
      const indicator = plan.indicators.find((i) => i.key === item.key)!;
      if (raw === "") {
        if (indicator.proposal.value !== null) c.value = null;
      } else {
        const parsed = parsePolishNumber(raw);
        if ("error" in parsed)
          errors.push({ field: `value.${item.key}`, message: `„${item.label}”: ${parsed.error}` });
        else if (parsed.value !== indicator.proposal.value) c.value = parsed.value;
      }
    }
    if (Object.keys(c).length) corrections[item.key] = c;
  }
  if (errors.length) throw new FormInputError(errors);
  return { rejected: items.filter((k) => !accepted.has(k)), corrections };
}
