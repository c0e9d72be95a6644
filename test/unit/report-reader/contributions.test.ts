import { describe, expect, it } from "vitest";
import { institutionAtEnd, splitContributions } from "../../../app/report-reader/contributions.ts";

const pairs = (text: string) =>
  splitContributions(text).contributions.map((c) => [c.institution, c.value]);

describe("splitContributions — the 'Uwagi' column", () => {
  it("splits institution – value pairs written with any dash and spacing", () => {
    expect(pairs("MOPS -1718 UTW - 9")).toEqual([
      ["MOPS", 1718],
      ["UTW", 9],
    ]);
    expect(pairs("ARL -1 MOPS – 1 CIS -1 PCPR -1")).toEqual([
      ["ARL", 1],
      ["MOPS", 1],
      ["CIS", 1],
      ["PCPR", 1],
    ]);
    expect(pairs("PUP - 725 Fundacja Pomocna Dłoń/CIS - 135")).toEqual([
      ["PUP", 725],
      ["Fundacja Pomocna Dłoń/CIS", 135],
    ]);
    expect(pairs("ARL- 2 Punkt konsultacyjny dla osób")).toEqual([["ARL", 2]]);
  });

  it("keeps multi-word and quoted institution names whole", () => {
    expect(pairs("UM WEiSS – 227 Zespół Kuratorski – 0 Prokuratura - 0")).toEqual([
      ["UM WEiSS", 227],
      ["Zespół Kuratorski", 0],
      ["Prokuratura", 0],
    ]);
    expect(pairs("ŚDS „Przystań” – 68 ZOZ – 95 MOPS - 458")).toEqual([
      ["ŚDS „Przystań”", 68],
      ["ZOZ", 95],
      ["MOPS", 458],
    ]);
    expect(pairs("ESKULAP - 53 Sąd Rejonowy - 47 leczenie niestacjonarne")).toEqual([
      ["ESKULAP", 53],
      ["Sąd Rejonowy", 47],
    ]);
  });

  it("skips notes, project names, years and ranges between the pairs", () => {
    expect(
      pairs(
        "ARL – 1 „Akademia Świadomych Rodziców” realizowana w projekcie „Dzieciaki na 5+” MOPS –3 Gminny Program Wspierania Rodziny2019-2021; Szkoła Rodzin; PCPR -1 Powiatowa Strategia na lata 2021-2025",
      ),
    ).toEqual([
      ["ARL", 1],
      ["MOPS", 3],
      ["PCPR", 1],
    ]);
    expect(
      pairs("ARL - 8 Projekt „Dzieciaki na 5+” UM WEiSS – 1949 9 świetlic PCK - 262 8 świetlic"),
    ).toEqual([
      ["ARL", 8],
      ["UM WEiSS", 1949],
      ["PCK", 262],
    ]);
    expect(pairs("KPP – 1000 osób Zespół Kuratorski – 0")).toEqual([
      ["KPP", 1000],
      ["Zespół Kuratorski", 0],
    ]);
  });

  it("marks 'ok.' values as approximate", () => {
    const { contributions } = splitContributions("KPP – ok. 600 Zespół Kuratorski – 0");
    expect(contributions[0]).toEqual({
      institution: "KPP",
      value: 600,
      approximate: true,
      ofWhich: [],
    });
    expect(contributions[1]?.approximate).toBe(false);
  });

  it("reads 'w tym' as a breakdown of the value before it, closed when its items add up", () => {
    const { contributions } = splitContributions(
      "ARL - 20 Staże PUP – 725 MOPS – 23, w tym: OSL – 16, pozostałe – 7 WSBiP 100 praktyk",
    );
    expect(contributions.map((c) => [c.institution, c.value])).toEqual([
      ["ARL", 20],
      ["PUP", 725],
      ["MOPS", 23],
      ["WSBiP", 100],
    ]);
    expect(contributions[2]?.ofWhich).toEqual([
      { label: "OSL", value: 16 },
      { label: "pozostałe", value: 7 },
    ]);
  });

  it("reads 'w tym' items written number-first, label-first and in parentheses", () => {
    const numberFirst = splitContributions(
      "PCPR - 772 w tym: - 590 dorosłych niepełnosprawnych, - 24 dzieci i młodzieży niepełnosprawnej, - 136 opiekunów dorosłych, - 22 opiekunów dzieci.",
    ).contributions[0];
    expect(numberFirst?.ofWhich).toEqual([
      { label: "dorosłych niepełnosprawnych", value: 590 },
      { label: "dzieci i młodzieży niepełnosprawnej", value: 24 },
      { label: "opiekunów dorosłych", value: 136 },
      { label: "opiekunów dzieci", value: 22 },
    ]);
    const labelFirst = splitContributions(
      "MOPS – 263, w tym - psycholog 219 osób, - specjalista profilaktyki uzależnień - 44",
    ).contributions[0];
    expect(labelFirst?.ofWhich).toEqual([
      { label: "psycholog", value: 219 },
      { label: "specjalista profilaktyki uzależnień", value: 44 },
    ]);
    const parenthesised = splitContributions(
      "PCPR – 11, w tym: – organizacje w konkursie (3), – organizacje z dofinansowaniem PFRON (8)",
    ).contributions[0];
    expect(parenthesised?.ofWhich.map((o) => o.value)).toEqual([3, 8]);
  });

  it("ends an unbalanced 'w tym' at the next institution and says so", () => {
    const result = splitContributions(
      "ZI – 6, w tym: tydzień pomocy Osobom Pokrzywdzonym Przestępstwem, „Biała Wstążka”. UTW- 2",
    );
    expect(result.contributions.map((c) => [c.institution, c.value])).toEqual([
      ["ZI", 6],
      ["UTW", 2],
    ]);
    expect(result.uncertain.length).toBeGreaterThan(0);
  });

  it("returns the numbers of the four real mismatches as written (validation is elsewhere)", () => {
    expect(pairs("UM WEiSS – 227 Zespół Kuratorski – 0 Prokuratura - 0").map((p) => p[1])).toEqual([
      227, 0, 0,
    ]);
    const rehab = splitContributions(
      "WTZ „Szansa” - 72 PCPR - 772 w tym: - 590 dorosłych, - 24 dzieci, - 136 opiekunów dorosłych, - 22 opiekunów dzieci.",
    ).contributions;
    expect(rehab.map((c) => c.value)).toEqual([72, 772]);
    expect(rehab[1]?.ofWhich.map((o) => o.value)).toEqual([590, 24, 136, 22]);
    expect(
      pairs("ZI – 6, w tym: tydzień pomocy, „Biała Wstążka”. UTW- 2").map((p) => p[1]),
    ).toEqual([6, 2]);
    expect(
      pairs(
        "UM WEiSS – 10 PCPR – 3 MOPS - 4 w tym: - Fundacja Pomocna Dłoń - Fundacja Skrzydła Opieki",
      ).map((p) => p[1]),
    ).toEqual([10, 3, 4]);
  });

  it("flags remarks with numbers it cannot attribute, and accepts empty remarks", () => {
    expect(splitContributions("")).toEqual({ contributions: [], uncertain: [] });
    expect(splitContributions(null)).toEqual({ contributions: [], uncertain: [] });
    expect(splitContributions("wydano 12 ulotek").uncertain).toHaveLength(1);
  });

  it("takes the institution name from the end of the text before the dash", () => {
    expect(institutionAtEnd("udział w spotkaniach Zespołu Interdyscyplinarnego MOPS")).toBe("MOPS");
    expect(institutionAtEnd("we współpracy z PCK Fundacja Pomocna Dłoń/CIS")).toBe(
      "Fundacja Pomocna Dłoń/CIS",
    );
    expect(institutionAtEnd("68 Poradnia Psychologiczno-Pedagogiczna")).toBe(
      "Poradnia Psychologiczno-Pedagogiczna",
    );
    expect(institutionAtEnd("praktyk")).toBe("");
  });
});
