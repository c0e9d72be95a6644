// Boundaries of the validation rules, written against the mutants Stryker found alive
// (npm run test:mutation validation): each case pins one comparison, one guard or one message.
import { describe, expect, it } from "vitest";
import {
  checkBudget,
  checkIndicatorValue,
  isCountUnit,
  isPercentUnit,
} from "../../../app/domain/validation/index.ts";

const codes = (findings: { code: string }[]) => findings.map((f) => f.code).sort();

describe("units at their edges", () => {
  it.each(["metry", "dni", "ha", "litry", "zestaw"])(
    "%j reaches the stem list and is not a count",
    (unit) => expect(isCountUnit(unit)).toBe(false),
  );
  it("a percentage of people is not a count; dots and slashes are word edges", () => {
    expect(isCountUnit("osoby (%)")).toBe(false);
    expect(isCountUnit("os..")).toBe(true);
    expect(isCountUnit("osoby/godz.")).toBe(false);
    expect(isCountUnit("rodziny  zastępcze")).toBe(true);
  });
  it.each(["%", "procent", "proc.", "p.p.", "pp", "Procent osób"])("%j is a percentage", (u) =>
    expect(isPercentUnit(u)).toBe(true),
  );
  it.each(["osoby", "pln", "punkty"])("%j is not a percentage", (u) =>
    expect(isPercentUnit(u)).toBe(false),
  );
});

describe("budget boundaries", () => {
  it("a negative total, amount and percent are errors naming the field; zero is not", () => {
    const negative = checkBudget({
      total: -1,
      parts: [{ label: "Wkład własny", amount: -2, percent: -3 }],
    }).filter((f) => f.code === "negative_value");
    expect(negative.map((f) => f.field)).toEqual(["total", "parts.0.amount", "parts.0.percent"]);
    expect(negative[0]!.message).toContain("Całkowita wartość projektu nie może być ujemna");
    expect(negative[0]!.key).toContain("=-1");
    const zero = checkBudget({ total: 0, parts: [{ label: "A", amount: 0, percent: 0 }] });
    expect(codes(zero)).not.toContain("negative_value");
    const unknown = checkBudget({
      total: null,
      parts: [{ label: "A", amount: null, percent: null }],
    });
    expect(unknown).toEqual([]);
  });

  it("parts below the total ask for a missing source; above it, for a double count", () => {
    const below = checkBudget({ total: 100, parts: [{ label: "A", amount: 60, percent: null }] });
    const b = below.find((f) => f.code === "budget_parts_vs_total")!;
    expect(b.message).toContain("mniejsza");
    expect(b.message).toContain("nie brakuje któregoś źródła");
    expect(b.key).toBe("budget_parts_vs_total:total=100,60");
    const above = checkBudget({
      total: 100,
      parts: [
        { label: "A", amount: 70, percent: null },
        { label: "B", amount: 50, percent: null },
      ],
    });
    const a = above.find((f) => f.code === "budget_parts_vs_total")!;
    expect(a.message).toContain("większa");
    expect(a.message).toContain("Sprawdź, czy któraś kwota nie jest wliczona dwa razy.");
    const equal = checkBudget({ total: 100, parts: [{ label: "A", amount: 100, percent: 100 }] });
    expect(equal).toEqual([]);
    // A part without an amount: the parts cannot be expected to add up yet.
    expect(
      codes(
        checkBudget({
          total: 100,
          parts: [
            { label: "A", amount: 10, percent: null },
            { label: "B", amount: null, percent: null },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it("a stated percent half a point off is rounding; more is a mismatch", () => {
    const at = (percent: number) =>
      codes(
        checkBudget({
          total: 1000,
          parts: [
            { label: "A", amount: 855, percent },
            { label: "B", amount: 145, percent: 100 - percent },
          ],
        }),
      ).filter((c) => c === "budget_percent_mismatch");
    expect(at(85)).toEqual([]);
    expect(at(85.5)).toEqual([]);
    expect(at(86)).toEqual([]);
    expect(at(86.5)).toHaveLength(2);
    // No percent check against a zero total.
    expect(
      codes(checkBudget({ total: 0, parts: [{ label: "A", amount: 0, percent: 50 }] })),
    ).not.toContain("budget_percent_mismatch");
  });

  it("percentages must add up to exactly 100 when all are given", () => {
    const sumOf = (...percents: (number | null)[]) =>
      codes(
        checkBudget({
          total: null,
          parts: percents.map((percent, i) => ({ label: `P${i}`, amount: null, percent })),
        }),
      );
    expect(sumOf(33.33, 33.33, 33.34)).toEqual([]);
    expect(sumOf(50, 49)).toEqual(["budget_percent_sum"]);
    expect(sumOf(50, null)).toEqual([]);
  });
});

describe("indicator value boundaries", () => {
  it("a whole-number unit refuses a fraction in a breakdown, naming the position", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 10,
      contributions: [],
      breakdowns: [{ dimension: "sex", label: "kobiety", value: 2.5 }],
    });
    const f = findings.find((x) => x.field === "breakdowns.0.value")!;
    expect(f.message).toContain("Pozycja „kobiety”");
    expect(f.message).toContain("2,5");
  });

  it("a total above or below the contributions says which way; equal says nothing", () => {
    const check = (total: number) =>
      checkIndicatorValue({
        unit: "osoby",
        total,
        contributions: [
          { institution: "A", value: 5 },
          { institution: "B", value: null },
        ],
      }).find((f) => f.code === "total_vs_contributions");
    expect(check(7)!.message).toContain("większa");
    expect(check(7)!.message).toContain("Nie wliczono instytucji bez wartości: B.");
    expect(check(3)!.message).toContain("mniejsza");
    expect(check(5)).toBeUndefined();
  });

  it("an explained total is a note quoting the reason, not a warning", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 20,
      totalReason: "  Osoby liczone raz.  ",
      contributions: [
        { institution: "A", value: 12 },
        { institution: "B", value: 13 },
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "total_explained",
      severity: "note",
      field: "total",
    });
    expect(findings[0]!.message).toContain("Osoby liczone raz.");
    expect(findings[0]!.message).toContain("(20)");
    expect(findings[0]!.message).toContain("(25)");
    // A blank reason explains nothing.
    const blank = checkIndicatorValue({
      unit: "osoby",
      total: 20,
      totalReason: "   ",
      contributions: [
        { institution: "A", value: 12 },
        { institution: "B", value: 13 },
      ],
    });
    expect(blank[0]!.code).toBe("total_vs_contributions");
  });

  it("'w tym' parts above their whole: each one too big, and a sum above the whole", () => {
    const one = checkIndicatorValue({
      unit: "osoby",
      total: 10,
      contributions: [],
      breakdowns: [
        { dimension: "of_which", label: "dzieci", value: 12 },
        { dimension: "of_which", label: "seniorzy", value: 3 },
      ],
    });
    expect(one.some((f) => f.message.includes("dzieci"))).toBe(true);
    const sum = checkIndicatorValue({
      unit: "osoby",
      total: 10,
      contributions: [],
      breakdowns: [
        { dimension: "of_which", label: "dzieci", value: 6 },
        { dimension: "of_which", label: "seniorzy", value: 5 },
      ],
    });
    const s = sum.find((f) => f.message.includes("dzieci: 6"))!;
    expect(s.message).toContain("seniorzy: 5");
    expect(s.key).toContain("of_which");
    const fits = checkIndicatorValue({
      unit: "osoby",
      total: 11,
      contributions: [],
      breakdowns: [
        { dimension: "of_which", label: "dzieci", value: 6 },
        { dimension: "of_which", label: "seniorzy", value: 5 },
      ],
    });
    expect(fits).toEqual([]);
    // A full split (by sex) of an approximate whole ("ok.") may differ on purpose, and says so.
    const approx = checkIndicatorValue({
      unit: "osoby",
      total: 10,
      approximate: true,
      contributions: [],
      breakdowns: [
        { dimension: "sex", label: "kobiety", value: 6 },
        { dimension: "sex", label: "mężczyźni", value: 5 },
      ],
    });
    expect(approx.map((f) => f.message).join(" ")).toContain("przybliżona");
    const exact = checkIndicatorValue({
      unit: "osoby",
      total: 10,
      contributions: [],
      breakdowns: [
        { dimension: "sex", label: "kobiety", value: 6 },
        { dimension: "sex", label: "mężczyźni", value: 5 },
      ],
    });
    expect(exact.find((f) => f.code === "breakdown_sum")!.message).not.toContain("przybliżona");
  });
});
