import { describe, expect, it } from "vitest";
import {
  formatMoney,
  formatNumber,
  formatPercent,
  NBSP,
  parsePolishNumber,
  PARSE_ERROR_NOT_A_NUMBER,
} from "../../../app/format/polish-numbers.ts";

// Tests spell the no-break space out so a reader sees where it is.
const s = (text: string) => text.replaceAll("_", NBSP);

describe("formatNumber", () => {
  it("groups thousands with a no-break space and uses a decimal comma", () => {
    expect(formatNumber(1588268.16)).toBe(s("1_588_268,16"));
    expect(formatNumber(12345)).toBe(s("12_345"));
    expect(formatNumber(1000000)).toBe(s("1_000_000"));
  });

  it("leaves a 4-digit integer part ungrouped, as Polish typography and pl-PL do", () => {
    expect(formatNumber(1234)).toBe("1234");
    expect(formatNumber(9999.5)).toBe("9999,5");
    expect(formatNumber(999)).toBe("999");
  });

  it("shows integers without decimals unless asked", () => {
    expect(formatNumber(884)).toBe("884");
    expect(formatNumber(884, { decimals: 2 })).toBe("884,00");
    expect(formatNumber(8.5, { decimals: 2 })).toBe("8,50");
    expect(formatNumber(8.567, { decimals: 1 })).toBe("8,6");
  });

  it("shows the decimals a fraction needs, at most three", () => {
    expect(formatNumber(8.5)).toBe("8,5");
    expect(formatNumber(0.125)).toBe("0,125");
    expect(formatNumber(0.1 + 0.2)).toBe("0,3");
    expect(formatNumber(2 / 3)).toBe("0,667");
  });

  it("writes negatives with a minus and never prints -0", () => {
    expect(formatNumber(-5)).toBe("-5");
    expect(formatNumber(-12345.5)).toBe(s("-12_345,5"));
    expect(formatNumber(-0.0001)).toBe("0");
    expect(formatNumber(-0)).toBe("0");
  });

  it("refuses what cannot be shown in a report", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatNumber(1, { decimals: -1 })).toThrow(RangeError);
  });

  it("agrees with Intl pl-PL, so text from toLocaleString elsewhere looks the same", () => {
    const intl = new Intl.NumberFormat("pl-PL", { maximumFractionDigits: 3 });
    for (const n of [
      0, 7, 999, 1234, 9999, 10000, 12345.678, 1588268.16, 6807342.26, -4321, -54321.5,
    ]) {
      expect(formatNumber(n)).toBe(intl.format(n));
    }
  });
});

describe("formatMoney", () => {
  it("always shows grosze and the złoty sign after a no-break space", () => {
    expect(formatMoney(1588268.16)).toBe(s("1_588_268,16_zł"));
    expect(formatMoney(32400)).toBe(s("32_400,00_zł"));
    expect(formatMoney(1234.5)).toBe(s("1234,50_zł"));
    expect(formatMoney(0)).toBe(s("0,00_zł"));
  });

  it("agrees with Intl's PLN currency format", () => {
    const intl = new Intl.NumberFormat("pl-PL", { style: "currency", currency: "PLN" });
    for (const n of [0, 1234.5, 48960, 476513.96, 6807342.26]) {
      expect(formatMoney(n)).toBe(intl.format(n));
    }
  });
});

describe("formatPercent", () => {
  it("takes percentage points and writes no space before the sign", () => {
    expect(formatPercent(85)).toBe("85%");
    expect(formatPercent(8.5)).toBe("8,5%");
    expect(formatPercent(100)).toBe("100%");
  });

  it("shows a fixed number of decimals when asked", () => {
    expect(formatPercent(15.000000014, { decimals: 2 })).toBe("15,00%");
    expect(formatPercent(15.000000014)).toBe("15%");
    expect(formatPercent(33.333333)).toBe("33,33%");
  });
});

describe("parsePolishNumber", () => {
  const ok = (value: number | null, approximate = false) => ({ value, approximate });

  it.each([
    ["1 588 268,16", 1588268.16],
    [s("1_588_268,16"), 1588268.16],
    ["1\u202F588\u202F268,16", 1588268.16],
    ["1588268.16", 1588268.16],
    ["1588268,16", 1588268.16],
    ["7.502.449,00", 7502449],
    ["7.502.449", 7502449],
    ["48.960,00 zł", 48960],
    ["1,588,268.16", 1588268.16],
    ["1.5", 1.5],
    ["1,5", 1.5],
    [",5", 0.5],
    ["0.125", 0.125],
    ["600 zł", 600],
    ["3 057 431,81 PLN", 3057431.81],
    ["6 osób", 6],
    ["6 os.", 6],
    ["10 rodzin zastępczych", 10],
    ["85%", 85],
    ["85 %", 85],
    ["007", 7],
    ["+5", 5],
    ["  277  ", 277],
  ])("reads %j as %d", (text, value) => {
    expect(parsePolishNumber(text)).toEqual(ok(value));
  });

  it("returns negatives so that validation can flag them", () => {
    expect(parsePolishNumber("-5")).toEqual(ok(-5));
    expect(parsePolishNumber("\u22125")).toEqual(ok(-5));
    expect(parsePolishNumber("– 5")).toEqual(ok(-5));
    expect(parsePolishNumber("-0")).toEqual(ok(0));
  });

  it("marks approximate values written with ok. and its variants", () => {
    expect(parsePolishNumber("ok. 600")).toEqual(ok(600, true));
    expect(parsePolishNumber("ok.600")).toEqual(ok(600, true));
    expect(parsePolishNumber("Ok. 1 000 osób")).toEqual(ok(1000, true));
    expect(parsePolishNumber("około 600")).toEqual(ok(600, true));
    expect(parsePolishNumber("~5")).toEqual(ok(5, true));
  });

  it("treats an empty cell or a lone dash as no value", () => {
    expect(parsePolishNumber("")).toEqual(ok(null));
    expect(parsePolishNumber("   ")).toEqual(ok(null));
    expect(parsePolishNumber("-")).toEqual(ok(null));
    expect(parsePolishNumber("—")).toEqual(ok(null));
  });

  it("asks instead of guessing when a single dot may be a thousands separator", () => {
    expect(parsePolishNumber("7.502")).toEqual({
      error: "Nie wiadomo, czy „7.502” to 7502 czy 7,502. Wpisz 7502 albo 7,502.",
    });
    expect(parsePolishNumber("1.000 zł")).toHaveProperty("error");
  });

  it.each([
    "abc",
    "zł",
    "ok.",
    "12 34",
    "1 5",
    "1,588,268",
    "1.2,5",
    "5,",
    "17 313, 94 zł",
    "6 osób w tym 3 kobiety",
    "3-4",
    "1e5",
  ])("rejects %j with a Polish hint", (text) => {
    expect(parsePolishNumber(text)).toEqual({ error: PARSE_ERROR_NOT_A_NUMBER });
  });

  it("rejects numbers beyond safe integer precision", () => {
    expect(parsePolishNumber("12345678901234567890")).toEqual({ error: "Ta liczba jest za duża." });
  });

  it("round-trips what formatNumber and formatMoney produce", () => {
    for (const n of [0, 5, 1234, 12345.67, 1588268.16, -476513.96]) {
      expect(parsePolishNumber(formatNumber(n))).toEqual(ok(n));
      expect(parsePolishNumber(formatMoney(n))).toEqual(ok(n));
    }
  });
});
