import { describe, expect, it } from "vitest";
import { expectedValue, targetStatus } from "../../../app/domain/analytics/target-status.ts";

// Ruda Śląska's strategy 2016–2025: families with a family assistant, baseline 120 in 2016,
// target 200 by 2025 (more is better); people in crisis intervention, fewer is better.
const assistant = {
  direction: "increase",
  baseline: 120,
  baselineYear: 2016,
  target: 200,
  targetYear: 2025,
};

describe("targetStatus", () => {
  it("judges a middle year against the line from the baseline to the target", () => {
    expect(expectedValue({ ...assistant, value: null, year: 2020 })).toBeCloseTo(155.56, 2);
    expect(targetStatus({ ...assistant, value: 160, year: 2020 })).toBe("on_target");
    expect(targetStatus({ ...assistant, value: 150, year: 2020 })).toBe("close");
    expect(targetStatus({ ...assistant, value: 125, year: 2020 })).toBe("off_target");
  });

  it("judges the final year against the target itself", () => {
    expect(targetStatus({ ...assistant, value: 200, year: 2025 })).toBe("on_target");
    expect(targetStatus({ ...assistant, value: 190, year: 2025 })).toBe("close");
  });

  it("works for a decreasing indicator, with and without a baseline", () => {
    const crisis = {
      direction: "decrease",
      baseline: 400,
      baselineYear: 2016,
      target: 300,
      targetYear: 2025,
    };
    expect(targetStatus({ ...crisis, value: 290, year: 2025 })).toBe("on_target");
    expect(targetStatus({ ...crisis, value: 315, year: 2025 })).toBe("close");
    expect(targetStatus({ ...crisis, value: 390, year: 2025 })).toBe("off_target");
    expect(targetStatus({ direction: "decrease", target: 300, value: 330 })).toBe("close");
    expect(targetStatus({ direction: "decrease", target: 300, value: 600 })).toBe("off_target");
  });

  it("says no data without a value, a target or a direction, and honours thresholds", () => {
    expect(targetStatus({ ...assistant, value: null, year: 2020 })).toBe("no_data");
    expect(targetStatus({ direction: "increase", target: null, value: 5 })).toBe("no_data");
    expect(targetStatus({ direction: "none", target: 10, value: 5 })).toBe("no_data");
    expect(targetStatus({ direction: "increase", target: 100, value: 70 })).toBe("off_target");
    expect(targetStatus({ direction: "increase", target: 100, value: 70 }, { close: 0.6 })).toBe(
      "close",
    );
  });
});
