// The explorer's address (decision 055): parsing never fails; each problem names its field.
import { describe, expect, it } from "vitest";
import {
  MAX_EXPLORER_INDICATORS,
  explorerQuery,
  parseExplorerSelection,
} from "../../../app/web/forms/explorer-selection.ts";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("explorer selection", () => {
  it("reads a shared address and writes it back", () => {
    const q = `w=${id(1)}&w=${id(2)}&od=2019&do=2021&i=${id(3)}&podzial=sex`;
    const { selection, problems } = parseExplorerSelection(new URLSearchParams(q));
    expect(problems).toEqual([]);
    expect(selection).toEqual({
      indicatorIds: [id(1), id(2)],
      fromYear: 2019,
      toYear: 2021,
      institutionIds: [id(3)],
      dimensions: ["sex"],
    });
    expect(explorerQuery(selection)).toBe(q);
  });

  it("leaves out what it cannot read and says so at the field", () => {
    const params = new URLSearchParams("w=x&od=2022&do=2019&i=y&podzial=hair");
    for (let n = 0; n < MAX_EXPLORER_INDICATORS + 1; n++) params.append("w", id(n));
    const { selection, problems } = parseExplorerSelection(params);
    expect(selection.indicatorIds).toHaveLength(MAX_EXPLORER_INDICATORS);
    expect([selection.fromYear, selection.toYear]).toEqual([2019, 2022]);
    expect(selection.institutionIds).toEqual([]);
    expect(selection.dimensions).toEqual([]);
    expect(problems.map((p) => p.field)).toEqual(["w", "w", "od", "i", "podzial"]);
    expect(problems[1]!.message).toBe(
      "Można porównać najwyżej 12 wskaźników naraz — pokazano pierwsze 12.",
    );
  });
});
