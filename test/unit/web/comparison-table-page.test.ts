import { describe, expect, it } from "vitest";
import { PAGE_SIZE, tablePage } from "../../../app/web/comparison/comparison-table.ts";

describe("tablePage", () => {
  const rows = Array.from({ length: 2 * PAGE_SIZE + 5 }, (_, i) => i + 1);
  it("cuts the rows into pages of PAGE_SIZE, 1-based", () => {
    const second = tablePage(rows, 2);
    expect(second).toMatchObject({ page: 2, pages: 3, first: PAGE_SIZE + 1 });
    expect(second.rows[0]).toBe(PAGE_SIZE + 1);
    expect(second.rows).toHaveLength(PAGE_SIZE);
    expect(tablePage(rows, 3).rows).toEqual([201, 202, 203, 204, 205]);
  });
  it("answers a page past the end with the last one and an empty table with one page", () => {
    expect(tablePage(rows, 99).page).toBe(3);
    expect(tablePage(rows, 0).page).toBe(1);
    expect(tablePage([], 5)).toEqual({ rows: [], page: 1, pages: 1, first: 1 });
  });
});
