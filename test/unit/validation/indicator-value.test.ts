import { describe, expect, it } from "vitest";
import {
  checkIndicatorValue,
  type BreakdownInput,
  type ContributionInput,
  type IndicatorValueInput,
} from "../../../app/domain/validation/index.ts";

const NBSP = "\u00A0";

const ofWhich = (...values: number[]): BreakdownInput[] =>
  values.map((value, i) => ({ dimension: "of_which", label: `pozycja ${i + 1}`, value }));

const contributions = (...pairs: [string, number | null][]): ContributionInput[] =>
  pairs.map(([institution, value]) => ({ institution, value }));

describe("checkIndicatorValue — the real mismatches of seed 003 (DOMAIN.md §5)", () => {
  it("277 children vs UM WEiSS 227 + Zespół Kuratorski 0 + Prokuratura 0", () => {
    const findings = checkIndicatorValue({
      unit: "dzieci",
      total: 277,
      contributions: contributions(["UM WEiSS", 227], ["Zespół Kuratorski", 0], ["Prokuratura", 0]),
    });
    expect(findings).toEqual([
      {
        code: "total_vs_contributions",
        severity: "warning",
        field: "total",
        key: "total_vs_contributions:total=277,227,0,0",
        message:
          "Wartość ogółem (277) jest o 50 większa niż suma wartości podanych przez instytucje " +
          "(227 — UM WEiSS: 227, Zespół Kuratorski: 0, Prokuratura: 0). " +
          "Sprawdź, czy każda instytucja podała swoją wartość.",
      },
    ]);
  });

  it("884 at rehabilitation camps vs WTZ 72 + PCPR 772: a finding on the total, none on PCPR's consistent w tym", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 884,
      contributions: [
        { institution: "WTZ „Szansa”", value: 72 },
        {
          institution: "PCPR",
          value: 772,
          breakdowns: [
            { dimension: "of_which", label: "dorośli niepełnosprawni", value: 590 },
            { dimension: "of_which", label: "dzieci i młodzież niepełnosprawna", value: 24 },
            { dimension: "of_which", label: "opiekunowie dorosłych", value: 136 },
            { dimension: "of_which", label: "opiekunowie dzieci i młodzieży", value: 22 },
          ],
        },
      ],
    });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding?.code).toBe("total_vs_contributions");
    expect(finding?.field).toBe("total");
    expect(finding?.severity).toBe("warning");
    // The w tym (772) must not be added a second time: the sum is 844, not 1616.
    expect(finding?.message).toContain("Wartość ogółem (884) jest o 40 większa");
    expect(finding?.message).toContain("(844 — WTZ „Szansa”: 72, PCPR: 772)");
  });

  it("5 campaigns vs ZI 6 + UTW 2: the sum is larger", () => {
    const findings = checkIndicatorValue({
      unit: "kampanie",
      total: 5,
      contributions: contributions(["ZI", 6], ["UTW", 2]),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      "Wartość ogółem (5) jest o 3 mniejsza niż suma wartości podanych przez instytucje (8 — ZI: 6, UTW: 2). " +
        "Jeśli kilka instytucji policzyło to samo (np. wspólne działanie), wyjaśnij to w uwagach.",
    );
  });

  it("13 organisations vs UM WEiSS 10 + PCPR 3 + MOPS 4", () => {
    const findings = checkIndicatorValue({
      unit: "organizacje",
      total: 13,
      contributions: contributions(["UM WEiSS", 10], ["PCPR", 3], ["MOPS", 4]),
    });
    expect(findings.map((f) => [f.code, f.field])).toEqual([["total_vs_contributions", "total"]]);
    expect(findings[0]?.message).toContain("Wartość ogółem (13) jest o 4 mniejsza");
    expect(findings[0]?.message).toContain("(17 — UM WEiSS: 10, PCPR: 3, MOPS: 4)");
  });
});

describe("checkIndicatorValue — consistent values give no findings", () => {
  it("seed 000 Asystent rodziny: 47 families finished = 18 + 24 + 5", () => {
    expect(
      checkIndicatorValue({
        unit: "rodziny",
        total: 47,
        contributions: [],
        breakdowns: [
          { dimension: "other", label: "ze względu na poprawę funkcjonowania", value: 18 },
          {
            dimension: "other",
            label: "ze względu na zaprzestanie współpracy przez rodzinę",
            value: 24,
          },
          { dimension: "other", label: "ze względu na brak efektów", value: 5 },
        ],
      }),
    ).toEqual([]);
  });

  // Rows of seed 003 whose Uwagi add up to the value.
  const consistent: [string, IndicatorValueInput][] = [
    [
      "1727 families = MOPS 1718 + UTW 9",
      { unit: "rodziny", total: 1727, contributions: contributions(["MOPS", 1718], ["UTW", 9]) },
    ],
    [
      "860 people = PUP 725 + Fundacja Pomocna Dłoń/CIS 135",
      {
        unit: "osoby",
        total: 860,
        contributions: contributions(["PUP", 725], ["Fundacja Pomocna Dłoń/CIS", 135]),
      },
    ],
    [
      "218 trained = ARL 1 + WTZ 8 + PUP 2 + ZOZ 169 + MOPS 38",
      {
        unit: "osoby",
        total: 218,
        contributions: contributions(
          ["ARL", 1],
          ["WTZ „Szansa”", 8],
          ["PUP", 2],
          ["ZOZ", 169],
          ["MOPS", 38],
        ),
      },
    ],
    [
      "621 people = ŚDS 68 + ZOZ 95 + MOPS 458",
      {
        unit: "osoby",
        total: 621,
        contributions: contributions(["ŚDS „Przystań”", 68], ["ZOZ", 95], ["MOPS", 458]),
      },
    ],
    [
      "637 children with KPP's approximate ok. 600 + 0 + 0 + 37",
      {
        unit: "dzieci",
        total: 637,
        contributions: [
          { institution: "KPP", value: 600, approximate: true },
          { institution: "Zespół Kuratorski", value: 0 },
          { institution: "Prokuratura", value: 0 },
          { institution: "Poradnia Psychologiczno-Pedagogiczna", value: 37 },
        ],
      },
    ],
    [
      "1282 consultations = 1000 + 0 + 0 + 19 + MOPS 263 (w tym 219 + 44)",
      {
        unit: "porady",
        total: 1282,
        contributions: [
          ...contributions(
            ["KPP", 1000],
            ["Zespół Kuratorski", 0],
            ["Prokuratura", 0],
            ["Poradnia", 19],
          ),
          { institution: "MOPS", value: 263, breakdowns: ofWhich(219, 44) },
        ],
      },
    ],
    [
      "3720 consultations, MOPS 709 (w tym 623 + 86)",
      {
        unit: "porady",
        total: 3720,
        contributions: [
          ...contributions(
            ["ARL", 224],
            ["UM WEiSS", 123],
            ["Fundacja Pomocna Dłoń/CIS", 79],
            ["ESKULAP", 2526],
            ["PCPR", 59],
          ),
          { institution: "MOPS", value: 709, breakdowns: ofWhich(623, 86) },
        ],
      },
    ],
    [
      "868 people = ARL 20 + PUP 725 + MOPS 23 (w tym OSL 16) + WSBiP 100",
      {
        unit: "osoby",
        total: 868,
        contributions: [
          ...contributions(["ARL", 20], ["PUP", 725]),
          { institution: "MOPS", value: 23, breakdowns: ofWhich(16, 7) },
          ...contributions(["WSBiP", 100]),
        ],
      },
    ],
    [
      "255 families, MOPS w tym 69 + 157 + 29",
      {
        unit: "rodzin",
        total: 255,
        contributions: [{ institution: "MOPS", value: 255, breakdowns: ofWhich(69, 157, 29) }],
      },
    ],
  ];
  it.each(consistent)("%s", (_name, input) => {
    expect(checkIndicatorValue(input)).toEqual([]);
  });

  it("accepts a w tym that covers only part of its parent", () => {
    // Seed 000: 149 families w tym 61 large and 53 single-parent families.
    expect(
      checkIndicatorValue({
        unit: "rodziny",
        total: 149,
        contributions: [],
        breakdowns: ofWhich(61, 53),
      }),
    ).toEqual([]);
  });

  it("does not compare when the total or all contributions are missing", () => {
    expect(
      checkIndicatorValue({
        unit: "osoby",
        total: null,
        contributions: contributions(["MOPS", 5]),
      }),
    ).toEqual([]);
    expect(
      checkIndicatorValue({
        unit: "osoby",
        total: 5,
        contributions: contributions(["MOPS", null]),
      }),
    ).toEqual([]);
    expect(checkIndicatorValue({ unit: "osoby", total: 5, contributions: [] })).toEqual([]);
  });
});

describe("checkIndicatorValue — total vs contributions details", () => {
  it("says when approximate numbers are involved and stays a warning", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 1200,
      contributions: [
        { institution: "KPP", value: 1000, approximate: true },
        { institution: "MOPS", value: 263 },
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("warning");
    expect(findings[0]?.message).toContain(`(1263 — KPP: ok. 1000, MOPS: 263)`);
    expect(findings[0]?.message).toContain(
      "Część liczb jest przybliżona („ok.”), więc różnica może być zamierzona.",
    );
    expect(findings[0]?.key).toBe("total_vs_contributions:total=1200,~1000,263");
  });

  it("names institutions that gave no value and leaves them out of the sum", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 460,
      contributions: contributions(["KPP", 350], ["Straż Miejska", null]),
    });
    expect(findings[0]?.message).toContain("jest o 110 większa");
    expect(findings[0]?.message).toContain("Nie wliczono instytucji bez wartości: Straż Miejska.");
  });

  it("formats large numbers and money the Polish way", () => {
    const counts = checkIndicatorValue({
      unit: "porady",
      total: 123456,
      contributions: contributions(["ESKULAP", 100000], ["MOPS", 20000]),
    });
    expect(counts[0]?.message).toContain(`Wartość ogółem (123${NBSP}456) jest o 3456 większa`);
    const money = checkIndicatorValue({
      unit: "zł",
      total: 1588268.16,
      contributions: contributions(["MOPS", 1500000], ["PCPR", 88268.15]),
    });
    expect(money[0]?.message).toContain(
      `Wartość ogółem (1${NBSP}588${NBSP}268,16${NBSP}zł) jest o 0,01${NBSP}zł większa`,
    );
  });

  it("ignores floating-point noise below half a grosz", () => {
    expect(
      checkIndicatorValue({
        unit: "zł",
        total: 0.3,
        contributions: contributions(["A", 0.1], ["B", 0.2]),
      }),
    ).toEqual([]);
  });

  it("gives a new key when a number changes, so an acknowledgement goes stale", () => {
    const base: IndicatorValueInput = {
      unit: "dzieci",
      total: 277,
      contributions: contributions(["UM WEiSS", 227], ["Prokuratura", 0]),
    };
    const before = checkIndicatorValue(base)[0]?.key;
    const sameSumOtherSplit = checkIndicatorValue({
      ...base,
      contributions: contributions(["UM WEiSS", 200], ["Prokuratura", 27]),
    })[0]?.key;
    const again = checkIndicatorValue(structuredClone(base))[0]?.key;
    expect(before).toBeDefined();
    expect(again).toBe(before);
    expect(sameSumOtherSplit).not.toBe(before);
  });

  it("skips sums for percentages, which do not add up", () => {
    expect(
      checkIndicatorValue({
        unit: "%",
        total: 40,
        contributions: contributions(["PUP", 30], ["MOPS", 25]),
      }),
    ).toEqual([]);
  });
});

describe("checkIndicatorValue — breakdowns", () => {
  it("flags a full split (sex) that does not add up to the total", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 90,
      contributions: [],
      breakdowns: [
        { dimension: "sex", label: "K", value: 63 },
        { dimension: "sex", label: "M", value: 25 },
      ],
    });
    expect(findings).toEqual([
      {
        code: "breakdown_sum",
        severity: "warning",
        field: "breakdowns.0.value",
        key: "breakdown_sum:breakdowns.sex=90,63,25",
        message:
          "Podział według płci (K: 63, M: 25) daje razem 88, a wartość ogółem wynosi 90 — różnica 2. " +
          "Części podziału powinny sumować się do całości.",
      },
    ]);
  });

  it("checks each dimension separately and points at its first part", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 90,
      contributions: [],
      breakdowns: [
        { dimension: "sex", label: "K", value: 60 },
        { dimension: "sex", label: "M", value: 30 },
        { dimension: "age", label: "dorośli", value: 60 },
        { dimension: "age", label: "dzieci", value: 20 },
      ],
    });
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ["breakdown_sum", "breakdowns.2.value"],
    ]);
    expect(findings[0]?.message).toMatch(
      /^Podział według wieku \(dorośli: 60, dzieci: 20\) daje razem 80/,
    );
  });

  it("checks a contribution's split against the contribution, not the total", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 100,
      contributions: [
        {
          institution: "MOPS",
          value: 100,
          breakdowns: [
            { dimension: "district", label: "Śródmieście", value: 40 },
            { dimension: "district", label: "Rudna", value: 50 },
          ],
        },
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.field).toBe("contributions.0.breakdowns.0.value");
    expect(findings[0]?.message).toContain("a wartość podana przez MOPS wynosi 100 — różnica 10");
  });

  it("waits for every part of a split before comparing", () => {
    expect(
      checkIndicatorValue({
        unit: "osoby",
        total: 90,
        contributions: [],
        breakdowns: [
          { dimension: "sex", label: "K", value: 60 },
          { dimension: "sex", label: "M", value: null },
        ],
      }),
    ).toEqual([]);
  });

  it("warns when w tym parts together exceed their parent", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 772,
      contributions: [],
      breakdowns: ofWhich(590, 24, 136, 30),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "of_which_exceeds",
      severity: "warning",
      field: "breakdowns.0.value",
    });
    expect(findings[0]?.message).toContain(
      "dają razem 780, czyli o 8 więcej niż wartość ogółem (772)",
    );
  });

  it("reports a single w tym part bigger than its parent as an error, once", () => {
    const findings = checkIndicatorValue({
      unit: "rodziny",
      total: 149,
      contributions: [],
      breakdowns: [
        { dimension: "of_which", label: "rodziny wielodzietne", value: 160 },
        { dimension: "of_which", label: "rodziny niepełne", value: 53 },
      ],
    });
    expect(findings).toEqual([
      {
        code: "of_which_part_exceeds",
        severity: "error",
        field: "breakdowns.0.value",
        key: "of_which_part_exceeds:breakdowns.0.value=149,160",
        message:
          "Pozycja „w tym” „rodziny wielodzietne” (160) jest większa niż wartość ogółem (149), a powinna być jej częścią.",
      },
    ]);
  });
});

describe("checkIndicatorValue — single values", () => {
  it("flags negative values as errors wherever they are", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: -5,
      contributions: [{ institution: "MOPS", value: -5, breakdowns: ofWhich(-1) }],
    });
    expect(
      findings
        .filter((f) => f.code === "negative_value")
        .map((f) => [f.severity, f.field, f.message]),
    ).toEqual([
      ["error", "total", "Wartość ogółem nie może być ujemna: -5."],
      ["error", "contributions.0.value", "Wartość podana przez MOPS nie może być ujemna: -5."],
      [
        "error",
        "contributions.0.breakdowns.0.value",
        "Pozycja „pozycja 1” (MOPS) nie może być ujemna: -1.",
      ],
    ]);
  });

  it("flags fractions of a count unit as errors", () => {
    const findings = checkIndicatorValue({
      unit: "osoby",
      total: 12.5,
      contributions: contributions(["MOPS", 12.5]),
    });
    expect(findings.map((f) => [f.code, f.severity, f.field])).toEqual([
      ["fractional_count", "error", "total"],
      ["fractional_count", "error", "contributions.0.value"],
    ]);
    expect(findings[0]?.message).toBe(
      "Wartość ogółem (12,5) powinna być liczbą całkowitą — wskaźnik w jednostce „osoby” nie może mieć części ułamkowej.",
    );
  });

  it("allows fractions of hours and money", () => {
    expect(
      checkIndicatorValue({
        unit: "godziny",
        total: 12.5,
        contributions: contributions(["MOPS", 12.5]),
      }),
    ).toEqual([]);
    expect(
      checkIndicatorValue({
        unit: "zł",
        total: 12.5,
        contributions: contributions(["MOPS", 12.5]),
      }),
    ).toEqual([]);
  });
});
