// Remarks cells of other municipalities' reports: every common way of writing "institution –
// value", with the separators people use. Each expectation is what a reviewer would read off
// the cell.
import { describe, expect, it } from "vitest";
import { splitContributions } from "../../../app/report-reader/contributions.ts";

const pairs = (text: string) =>
  splitContributions(text).contributions.map((c) => [c.institution, c.value]);

describe("contributions in every common form", () => {
  it("reads a dash with or without spaces", () => {
    expect(pairs("PUP – 725, MOPS – 23")).toEqual([
      ["PUP", 725],
      ["MOPS", 23],
    ]);
    expect(pairs("PUP-725, MOPS-23")).toEqual([
      ["PUP", 725],
      ["MOPS", 23],
    ]);
  });

  it("reads a colon", () => {
    expect(pairs("MOPS: 294; UTW: 335")).toEqual([
      ["MOPS", 294],
      ["UTW", 335],
    ]);
    expect(pairs("Straż Miejska: 41, Komenda Powiatowa Policji: 1 120")).toEqual([
      ["Straż Miejska", 41],
      ["Komenda Powiatowa Policji", 1120],
    ]);
  });

  it("reads the value in parentheses", () => {
    expect(pairs("PUP (725), MOPS (23), PCPR (4 osoby)")).toEqual([
      ["PUP", 725],
      ["MOPS", 23],
      ["PCPR", 4],
    ]);
    expect(pairs("WTZ „Szansa” (72) oraz PCPR (772)")).toEqual([
      ["WTZ „Szansa”", 72],
      ["PCPR", 772],
    ]);
  });

  it("reads the value written before the institution", () => {
    expect(pairs("725 – PUP, 23 – MOPS")).toEqual([
      ["PUP", 725],
      ["MOPS", 23],
    ]);
    expect(pairs("12 rodzin - Dział Pomocy Środowiskowej; 3 rodziny - PCPR")).toEqual([
      ["Dział Pomocy Środowiskowej", 12],
      ["PCPR", 3],
    ]);
    expect(pairs("ok. 600 (KPP)")).toEqual([["KPP", 600]]);
    // Line breaks lost in conversion: one number-first item after another.
    expect(pairs("1 500 – MOPS 242 – Caritas")).toEqual([
      ["MOPS", 1500],
      ["Caritas", 242],
    ]);
  });

  it("reads a counted noun after the value", () => {
    expect(pairs("PUP – 725 osób, MOPS – 23 osoby")).toEqual([
      ["PUP", 725],
      ["MOPS", 23],
    ]);
    expect(pairs("MOPS: 48 rodzin, Fundacja Arka: 6 rodzin")).toEqual([
      ["MOPS", 48],
      ["Fundacja Arka", 6],
    ]);
  });

  it("takes new lines, semicolons, commas and 'oraz' as separators", () => {
    expect(pairs("MOPS – 294\nUTW – 335\nKPP – 12")).toEqual([
      ["MOPS", 294],
      ["UTW", 335],
      ["KPP", 12],
    ]);
    expect(pairs("294 – MOPS\n335 – UTW")).toEqual([
      ["MOPS", 294],
      ["UTW", 335],
    ]);
    expect(pairs("MOPS: 10 oraz PCPR: 4")).toEqual([
      ["MOPS", 10],
      ["PCPR", 4],
    ]);
    expect(pairs("MOPS<br>– 5<br/>ZOZ – 7")).toEqual([
      ["MOPS", 5],
      ["ZOZ", 7],
    ]);
  });

  it("keeps 'w tym' sub-breakdowns as parts in every form", () => {
    const colon = splitContributions("PCPR: 772, w tym: dorośli – 590, dzieci – 182; WTZ: 72");
    expect(colon.contributions.map((c) => [c.institution, c.value])).toEqual([
      ["PCPR", 772],
      ["WTZ", 72],
    ]);
    expect(colon.contributions[0]?.ofWhich).toEqual([
      { label: "dorośli", value: 590 },
      { label: "dzieci", value: 182 },
    ]);
    const parens = splitContributions("MOPS (263, w tym psycholog 219, pedagog 44), PUP (5)");
    expect(parens.contributions.map((c) => [c.institution, c.value])).toEqual([
      ["MOPS", 263],
      ["PUP", 5],
    ]);
    expect(parens.contributions[0]?.ofWhich.map((o) => o.value)).toEqual([219, 44]);
  });

  it("leaves prose, dates and ranges alone", () => {
    expect(pairs("Program realizowany w latach 2019-2021: 3 edycje")).toEqual([]);
    expect(pairs("w tym: 5 spotkań")).toEqual([]);
    expect(pairs("Dane na dzień 31.12.2020 r.")).toEqual([]);
    expect(pairs("MOPS – 1 294 143 zł")).toEqual([["MOPS", 1294143]]);
  });
});
