import { describe, expect, it } from "vitest";
import { visiblePages } from "../../../app/components/pagination/pagination.tsx";

describe("visiblePages", () => {
  it("shows every page of a short table", () => {
    expect(visiblePages(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it("keeps the first, the last and two either side, with gaps between", () => {
    expect(visiblePages(12, 40)).toEqual([1, "gap", 10, 11, 12, 13, 14, "gap", 40]);
    expect(visiblePages(1, 225)).toEqual([1, 2, 3, "gap", 225]);
    expect(visiblePages(225, 225)).toEqual([1, "gap", 223, 224, 225]);
  });
});
