// suppressSmallCounts on its own (DOMAIN §6): which numbers a public report withholds. The
// rendered outputs are checked in test/db/public-report.test.ts.
import { describe, expect, it } from "vitest";
import type { ReportData, ReportIndicator, ReportValue } from "../../../app/reports/model.ts";
import { suppressSmallCounts } from "../../../app/reports/small-counts.ts";

const part = (value: number | null) => ({ dimension: "of_which", label: "w tym", value });

function value(total: number | null, contributions: (number | null)[] = []): ReportValue {
  return {
    total,
    approximate: false,
    remarks: null,
    published: true,
    parts: [part(total)],
    contributions: contributions.map((v, i) => ({
      institution: `I${i}`,
      value: v,
      approximate: false,
      note: null,
      parts: [part(v)],
    })),
  };
}

function indicator(unit: string, v: ReportValue | null, history: number[] = []): ReportIndicator {
  return {
    unit,
    value: v,
    history: history.map((total, i) => ({ year: 2010 + i, total })),
  } as unknown as ReportIndicator;
}

function data(direct: ReportIndicator[], ofProject: ReportIndicator[] = []): ReportData {
  return {
    goals: [{ directions: [{ indicators: direct, projects: [{ indicators: ofProject }] }] }],
  } as unknown as ReportData;
}

const first = (d: ReportData) => d.goals[0]!.directions[0]!.indicators[0]!;
const ofProject = (d: ReportData) => d.goals[0]!.directions[0]!.projects[0]!.indicators[0]!;

describe("suppressSmallCounts", () => {
  it("withholds counts from 1 to below the threshold, in totals, parts and contributions", () => {
    const out = suppressSmallCounts(data([indicator("osoby", value(9, [9, 0, 10, null]))]), 10);
    const v = first(out).value!;
    expect(v).toMatchObject({ total: null, withheld: true });
    expect(v.parts[0]).toMatchObject({ value: null, withheld: true });
    expect(v.contributions.map((c) => [c.value, c.withheld ?? false])).toEqual([
      [null, true],
      [0, false], // zero says nothing about a person
      [10, false], // at the threshold: printed
      [null, false], // no data is not a withheld count
    ]);
    expect(v.contributions.map((c) => c.parts[0]!.withheld ?? false)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(out.smallCountsBelow).toBe(10);
  });

  it("keeps a total at or above the threshold", () => {
    const out = suppressSmallCounts(data([indicator("osoby", value(10, [1]))]), 10);
    expect(first(out).value).toMatchObject({ total: 10 });
    expect(first(out).value!.withheld).toBeUndefined();
    expect(first(out).value!.parts[0]!.withheld).toBeUndefined();
  });

  it("leaves money and other non-count units alone", () => {
    const out = suppressSmallCounts(data([indicator("zł", value(5, [5]), [3])]), 10);
    expect(first(out).value).toMatchObject({ total: 5, contributions: [{ value: 5 }] });
    expect(first(out).history).toHaveLength(1);
  });

  it("drops withheld years from the history and covers project indicators too", () => {
    const out = suppressSmallCounts(
      data([indicator("rodziny", null, [3, 30, 0])], [indicator("sprawy", value(2))]),
      10,
    );
    expect(first(out).history.map((h) => h.total)).toEqual([30, 0]);
    expect(first(out).value).toBeNull();
    expect(ofProject(out).value).toMatchObject({ total: null, withheld: true });
  });

  it("does not change its input, and a threshold of 1 or less withholds nothing", () => {
    const input = data([indicator("osoby", value(3, [3]))]);
    suppressSmallCounts(input, 10);
    expect(first(input).value).toMatchObject({ total: 3 });
    expect(input.smallCountsBelow).toBeUndefined();
    const same = suppressSmallCounts(input, 1);
    expect(same).toBe(input);
    expect(suppressSmallCounts(input, Number.NaN)).toBe(input);
    expect(first(suppressSmallCounts(input, 4)).value!.total).toBeNull();
  });
});
