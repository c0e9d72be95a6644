import { describe, expect, it } from "vitest";
import { isCountUnit, isMoneyUnit, isPercentUnit } from "../../../app/domain/validation/index.ts";

describe("isCountUnit", () => {
  it.each([
    "osoby",
    "osób",
    "osoba",
    "os.",
    "Osoby",
    "OSÓB",
    "rodziny",
    "rodzin",
    "rodziny zastępcze",
    "dzieci",
    "dziecko",
    "szt.",
    "sztuk",
    "porady",
    "porad",
    "spotkania",
    "spotkań",
    "osobodni",
    "kampanie",
    "kampanii",
    "organizacje",
    "organizacji",
    "instytucje",
    "programy",
    "wnioski",
    "mieszkania",
    "placówki",
    "szkolenia",
    "wolontariusze",
    "uczestnicy",
    "świetlice",
    "inicjatywy",
    "partnerstwa",
    "kontrakty socjalne",
    "  osoby  ",
  ])("%j counts whole things", (unit) => {
    expect(isCountUnit(unit)).toBe(true);
  });

  it.each([
    "zł",
    "PLN",
    "%",
    "godziny",
    "godz.",
    "h",
    "osobogodziny",
    "punkty procentowe",
    "km",
    "tys. zł",
    "",
  ])("%j is not a count", (unit) => {
    expect(isCountUnit(unit)).toBe(false);
  });
});

describe("isMoneyUnit and isPercentUnit", () => {
  it("recognise złoty and percentages", () => {
    expect(["zł", "ZŁ", "PLN", "złotych"].every(isMoneyUnit)).toBe(true);
    expect(["osoby", "tys. zł", "%"].some(isMoneyUnit)).toBe(false);
    expect(["%", "procent", "punkty procentowe", "p.p."].every(isPercentUnit)).toBe(true);
    expect(["osoby", "zł", "porady"].some(isPercentUnit)).toBe(false);
  });
});
