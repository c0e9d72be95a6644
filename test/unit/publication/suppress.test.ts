// Small counts on public output (decision 031): primary and secondary suppression on values
// shaped like the seeds' (Ruda Śląska's "Niebieska Karta" procedures, Ostrowiec's families).
import { describe, expect, it } from "vitest";
import { findProseCounts } from "../../../app/domain/publication/prose-counts.ts";
import {
  isPeopleUnit,
  suppressCount,
  suppressValue,
} from "../../../app/domain/publication/suppress.ts";
import type { ReportValue } from "../../../app/reports/model.ts";

function value(
  total: number | null,
  contributions: [string, number | null, [string, string, number | null][]?][],
  parts: [string, string, number | null][] = [],
): ReportValue {
  return {
    total,
    approximate: false,
    remarks: null,
    published: true,
    parts: parts.map(([dimension, label, v]) => ({ dimension, label, value: v })),
    contributions: contributions.map(([institution, v, ps]) => ({
      institution,
      value: v,
      approximate: false,
      note: null,
      parts: (ps ?? []).map(([dimension, label, x]) => ({ dimension, label, value: x })),
    })),
  };
}

const shown = (v: ReportValue) => ({
  total: v.total,
  contributions: v.contributions.map((c) => c.value),
  parts: v.parts.map((p) => p.value),
  contributionParts: v.contributions.map((c) => c.parts.map((p) => p.value)),
});

describe("suppressValue", () => {
  it("withholds a small contribution and, so it cannot be derived, the next smallest", () => {
    // Liczba rodzin objętych procedurą „Niebieskie Karty”: MOPS 41, Policja 2, Oświata 7; razem 50.
    const v = value(50, [
      ["MOPS", 41],
      ["KMP", 2],
      ["Oświata", 7],
    ]);
    suppressValue(v, "rodziny", 3);
    expect(shown(v).contributions).toEqual([41, null, null]);
    expect(v.total).toBe(50);
    expect(v.contributions.map((c) => c.withheld ?? false)).toEqual([false, true, true]);
  });

  it("withholds the total when no other contribution can hide the small one", () => {
    // The total counts people once across institutions, so it is more than the sum.
    const v = value(45, [
      ["KMP", 2],
      ["MOPS", 0],
    ]);
    suppressValue(v, "osób", 3);
    expect(shown(v)).toMatchObject({ total: null, contributions: [null, 0] });
    const three = value(45, [
      ["KMP", 2],
      ["MOPS", 0],
      ["PCPR", 43],
    ]);
    suppressValue(three, "osób", 3);
    expect(shown(three)).toMatchObject({ total: 45, contributions: [null, 0, null] });
  });

  it("protects a split by sex: the other part goes too, and a withheld parent's parts do not add up to it", () => {
    const v = value(
      30,
      [
        [
          "MOPS",
          30,
          [
            ["sex", "kobiety", 28],
            ["sex", "mężczyźni", 2],
          ],
        ],
      ],
      [
        ["sex", "kobiety", 28],
        ["sex", "mężczyźni", 2],
        ["of_which", "w tym dzieci", 1],
      ],
    );
    suppressValue(v, "osoby", 3);
    expect(shown(v).parts).toEqual([null, null, null]);
    expect(shown(v).contributionParts).toEqual([[null, null]]);
    expect(v.total).toBe(30);
    expect(v.contributions[0]!.value).toBe(30);
  });

  it("leaves counts of things, money and zero alone", () => {
    const meetings = value(20, [
      ["MOPS", 18],
      ["PCPR", 2],
    ]);
    suppressValue(meetings, "spotkania", 3);
    expect(shown(meetings).contributions).toEqual([18, 2]);
    const money = value(1588268.16, [["MOPS", 2]]);
    suppressValue(money, "zł", 3);
    expect(shown(money).contributions).toEqual([2]);
    const zero = value(0, [["MOPS", 0]]);
    suppressValue(zero, "osoby", 3);
    expect(shown(zero)).toMatchObject({ total: 0, contributions: [0] });
  });

  it("withholds a small total and leaves nothing that adds up to it", () => {
    const v = value(2, [
      ["MOPS", 1],
      ["KMP", 1],
    ]);
    suppressValue(v, "rodzin", 3);
    expect(shown(v)).toMatchObject({ total: null, contributions: [null, null] });
    expect(v.withheld).toBe(true);
  });

  it("recognises units of people, not of things", () => {
    for (const u of [
      "osoby",
      "osób",
      "os.",
      "rodziny",
      "liczba dzieci",
      "procedury NK",
      "uczestnicy",
    ]) {
      expect(isPeopleUnit(u), u).toBe(true);
    }
    for (const u of ["zł", "%", "spotkania", "szt.", "godziny", "kampanie"]) {
      expect(isPeopleUnit(u), u).toBe(false);
    }
    expect(suppressCount(2, "osoby", 3)).toEqual({ value: null, withheld: true });
    expect(suppressCount(2, "szt.", 3)).toEqual({ value: 2 });
  });
});

describe("findProseCounts", () => {
  it("finds small numbers of people in card prose, in digits and in words", () => {
    const text =
      "W 2020 r. odwiedzono 2 rodziny, a w świetlicy było 25 dzieci. Dwie samotne matki skorzystały z porad; zorganizowano 2 spotkania.";
    expect(findProseCounts(text, 3).map((f) => [f.match, f.value])).toEqual([
      ["2 rodziny", 2],
      ["Dwie samotne matki", 2],
    ]);
    expect(findProseCounts("Kwota 1 588 268,16 zł dla 1 osoby.", 3).map((f) => f.match)).toEqual([
      "1 osoby",
    ]);
  });
});

describe("remarks beside a value", () => {
  it("do not print what the cells withhold, nor any small count", () => {
    const v = value(732, [
      ["PUP", 725],
      ["MOPS", 3],
      ["PCPR", 4],
    ]);
    v.remarks = "PUP – 725; MOPS – 3; PCPR – 4. Dane na dzień 31.12.2021 r., w tym 1 234 osoby.";
    suppressValue(v, "osoby", 10);
    // MOPS and PCPR are small; with both withheld, 725 stays (two unknown parts).
    expect(v.remarks).toBe(
      "PUP – 725; MOPS – poniżej progu; PCPR – poniżej progu. Dane na dzień 31.12.2021 r., w tym 1 234 osoby.",
    );
  });

  it("lose a large number too when secondary suppression withholds it", () => {
    const v = value(729, [
      ["PUP", 725],
      ["MOPS", 4],
    ]);
    v.remarks = "PUP: 725, MOPS: 4";
    suppressValue(v, "osoby", 10);
    expect(v.remarks).toBe("PUP: poniżej progu, MOPS: poniżej progu");
  });

  it("stay as they are for counts of things", () => {
    const v = value(5, [["MOPS", 5]]);
    v.remarks = "MOPS – 5 spotkań";
    suppressValue(v, "spotkania", 10);
    expect(v.remarks).toBe("MOPS – 5 spotkań");
  });
});
