// The indicator value form (`/wskazniki/:indicator/:year/edycja`): the total, one row per
// institution's contribution, an institution to add and the breakdown rows.
import { BREAKDOWN_DIMENSIONS } from "../../domain/value-labels.ts";
import type { BreakdownRowInput, ContributionInput } from "../../domain/indicator-values/index.ts";
import { checkbox, polishNumber, readPolishNumber, rows, trimmedOrNull } from "./fields.ts";
import { z } from "./zod.ts";

const contribution = z.object({
  institutionId: z.string().optional(),
  value: polishNumber(),
  approximate: checkbox,
  note: trimmedOrNull,
});

// A breakdown row left empty is skipped; a half-filled one is an error at the missing part.
const breakdown = z
  .object({
    parent: z.string().optional(),
    dimension: z.string().optional(),
    label: z.string().optional(),
    value: z.string().optional(),
  })
  .transform((row, ctx): BreakdownRowInput | null => {
    const label = row.label?.trim() ?? "";
    const raw = row.value?.trim() ?? "";
    if (!label && !raw) return null;
    const parsed = readPolishNumber(raw);
    if ("error" in parsed) ctx.addIssue({ code: "custom", path: ["value"], message: parsed.error });
    if (!label)
      ctx.addIssue({
        code: "custom",
        path: ["label"],
        message: "Wpisz kategorię podziału, np. K, M albo nazwę dzielnicy.",
      });
    else if (raw === "")
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "Wpisz wartość dla tej kategorii.",
      });
    const dimension =
      row.dimension && row.dimension in BREAKDOWN_DIMENSIONS ? row.dimension : "other";
    return {
      institutionId: row.parent || null,
      dimension: dimension as BreakdownRowInput["dimension"],
      label,
      value: "error" in parsed ? null : parsed.value,
    };
  });

export const indicatorValueSchema = z
  .object({
    total: polishNumber(),
    totalReason: trimmedOrNull,
    approximate: checkbox,
    remarks: trimmedOrNull,
    contributions: rows(contribution),
    "add.institutionId": z.string().optional(),
    "add.value": polishNumber(),
    breakdowns: rows(breakdown),
    contributionVersion: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v["add.institutionId"] && v["add.value"].value === null)
      ctx.addIssue({
        code: "custom",
        path: ["add.value"],
        message: "Wpisz wartość dla dodawanej instytucji albo nie wybieraj instytucji.",
      });
  })
  .transform((v) => ({
    total: v.total.value,
    totalReason: v.total.value === null ? null : v.totalReason,
    approximate: v.total.approximate || v.approximate,
    remarks: v.remarks,
    contributions: [
      ...v.contributions.flatMap((c): ContributionInput[] =>
        c.institutionId
          ? [
              {
                institutionId: c.institutionId,
                value: c.value.value,
                approximate: c.value.approximate || c.approximate,
                note: c.note,
              },
            ]
          : [],
      ),
      ...(v["add.institutionId"]
        ? [
            {
              institutionId: v["add.institutionId"],
              value: v["add.value"].value,
              approximate: v["add.value"].approximate,
              note: null,
            },
          ]
        : []),
    ],
    breakdowns: v.breakdowns.filter((b) => b !== null),
    contributionVersion: v.contributionVersion,
  }));
