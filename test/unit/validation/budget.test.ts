import { describe, expect, it } from "vitest";
import { checkBudget, type BudgetInput } from "../../../app/domain/validation/index.ts";

const NBSP = "\u00A0";
const s = (text: string) => text.replaceAll("_", NBSP);

// Seed 002, "Centrum Wsparcia Rodziny" (DOMAIN.md §5).
const centrumWsparciaRodziny: BudgetInput = {
  total: 6807342.26,
  parts: [
    { label: "Wartość dofinansowania projektu z UE", amount: 5786240.92, percent: 85 },
    { label: "budżet państwa", amount: 1021101.34, percent: 8 },
    { label: "Wkład własny", amount: 476513.96, percent: 7 },
  ],
};

describe("checkBudget — Centrum Wsparcia Rodziny (seed 002)", () => {
  const findings = checkBudget(centrumWsparciaRodziny);

  it("finds the state budget line labelled 8% that is really 15,00% of the total", () => {
    const percent = findings.find((f) => f.code === "budget_percent_mismatch");
    expect(percent).toEqual({
      code: "budget_percent_mismatch",
      severity: "warning",
      field: "parts.1.percent",
      key: "budget_percent_mismatch:parts.1.percent=6807342.26,1021101.34,8",
      message: s(
        "Przy pozycji „budżet państwa” podano 8%, ale 1_021_101,34_zł to 15,00% całkowitej wartości projektu (6_807_342,26_zł).",
      ),
    });
  });

  it("notes that the parts exceed the total by exactly the own contribution", () => {
    const parts = findings.find((f) => f.code === "budget_parts_vs_total");
    expect(parts).toMatchObject({ severity: "warning", field: "total" });
    expect(parts?.message).toBe(
      s(
        "Suma kwot ze wszystkich źródeł finansowania (7_283_856,22_zł) jest o 476_513,96_zł większa niż całkowita wartość projektu (6_807_342,26_zł). " +
          "Nadwyżka jest równa kwocie pozycji „Wkład własny” — być może ta kwota została wliczona także do innej pozycji.",
      ),
    );
  });

  it("finds nothing else: 85% and 7% are right and the labels add up to 100%", () => {
    expect(findings.map((f) => f.code).sort()).toEqual([
      "budget_parts_vs_total",
      "budget_percent_mismatch",
    ]);
  });
});

describe("checkBudget — Bytom budgets that add up to the grosz (seed 002)", () => {
  it.each<[string, BudgetInput]>([
    [
      "RKIS 2, 01.01.2020–31.12.2022: 2 077 965,19 zł",
      {
        total: 2077965.19,
        parts: [
          { label: "środki unijne", amount: 1766270.41, percent: 85 },
          { label: "budżet państwa", amount: 207796.52, percent: 10 },
          { label: "Wkład własny", amount: 103898.26, percent: 5 },
        ],
      },
    ],
    [
      "RKIS 1, 01.04.2018–31.12.2019: 1 123 472,56 zł",
      {
        total: 1123472.56,
        parts: [
          { label: "środki unijne", amount: 954951.67, percent: 85 },
          { label: "budżet państwa", amount: 112347.26, percent: 10 },
          { label: "Wkład własny", amount: 56173.63, percent: 5 },
        ],
      },
    ],
    [
      "Aktywny Społecznie, 01.01.2021–31.12.2022: 3 596 978,60 zł",
      {
        total: 3596978.6,
        parts: [
          { label: "wartość dofinansowania projektu z UE", amount: 3057431.81, percent: 85 },
          { label: "wkład własny", amount: 539546.79, percent: 15 },
        ],
      },
    ],
    [
      "equipment project without percentages: 995 607,50 zł",
      {
        total: 995607.5,
        parts: [
          { label: "środki unijne", amount: 846266.37, percent: null },
          { label: "budżet państwa", amount: 29868.23, percent: null },
          { label: "wkład własny", amount: 119472.9, percent: null },
        ],
      },
    ],
  ])("%s", (_name, budget) => {
    expect(checkBudget(budget)).toEqual([]);
  });
});

describe("checkBudget — rules", () => {
  it("reports a shortfall of one grosz", () => {
    const findings = checkBudget({
      total: 129484,
      parts: [
        { label: "dotacja MRPiPS", amount: 100000, percent: null },
        { label: "wkład własny", amount: 29483.99, percent: null },
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      s(
        "Suma kwot ze wszystkich źródeł finansowania (129_483,99_zł) jest o 0,01_zł mniejsza niż całkowita wartość projektu (129_484,00_zł). " +
          "Sprawdź, czy nie brakuje któregoś źródła finansowania.",
      ),
    );
  });

  it("does not add up parts while an amount is missing", () => {
    expect(
      checkBudget({
        total: 129484,
        parts: [
          { label: "dotacja MRPiPS", amount: 100000, percent: null },
          { label: "wkład własny", amount: null, percent: null },
        ],
      }),
    ).toEqual([]);
  });

  it("tolerates half a percentage point of rounding in a stated percentage", () => {
    expect(
      checkBudget({
        total: 1000,
        parts: [
          { label: "A", amount: 334, percent: 33 },
          { label: "B", amount: 666, percent: 67 },
        ],
      }),
    ).toEqual([]);
    const findings = checkBudget({
      total: 1000,
      parts: [
        { label: "A", amount: 336, percent: 33 },
        { label: "B", amount: 664, percent: 67 },
      ],
    });
    expect(findings.map((f) => f.field)).toEqual(["parts.0.percent", "parts.1.percent"]);
    expect(findings[0]?.message).toContain("podano 33%, ale 336,00\u00A0zł to 33,60%");
  });

  it("warns when the stated percentages do not add up to 100%", () => {
    const findings = checkBudget({
      total: null,
      parts: [
        { label: "środki unijne", amount: null, percent: 85 },
        { label: "wkład własny", amount: null, percent: 10 },
      ],
    });
    expect(findings).toEqual([
      {
        code: "budget_percent_sum",
        severity: "warning",
        field: "parts",
        key: "budget_percent_sum:parts=85,10",
        message:
          "Podane udziały procentowe (środki unijne: 85%, wkład własny: 10%) sumują się do 95%, a powinny do 100%.",
      },
    ]);
  });

  it("accepts percentages with decimals that add up to 100%", () => {
    expect(
      checkBudget({
        total: null,
        parts: [
          { label: "A", amount: null, percent: 33.33 },
          { label: "B", amount: null, percent: 33.33 },
          { label: "C", amount: null, percent: 33.34 },
        ],
      }),
    ).toEqual([]);
  });

  it("flags negative amounts and percentages as errors", () => {
    const findings = checkBudget({
      total: 100,
      parts: [
        { label: "A", amount: -50, percent: -50 },
        { label: "B", amount: 150, percent: 150 },
      ],
    });
    expect(
      findings.filter((f) => f.severity === "error").map((f) => [f.code, f.field, f.message]),
    ).toEqual([
      ["negative_value", "parts.0.amount", s("Kwota pozycji „A” nie może być ujemna: -50,00_zł.")],
      ["negative_value", "parts.0.percent", "Udział pozycji „A” nie może być ujemny: -50%."],
    ]);
  });

  it("skips percentage checks when the total is zero or missing", () => {
    expect(checkBudget({ total: 0, parts: [{ label: "A", amount: 0, percent: 100 }] })).toEqual([]);
    expect(checkBudget({ total: null, parts: [{ label: "A", amount: 10, percent: 100 }] })).toEqual(
      [],
    );
  });
});
