// "Uwagi" of the indicator tables say each fact once (issue 15, item 9): a remark line that only
// restates the institutions' parts is left out, anything more keeps the line whole.
import { describe, expect, it } from "vitest";
import { remarks, restatesContributions } from "../../../app/reports/layout/remarks.ts";
import type { ReportValue } from "../../../app/reports/model.ts";

const value = (text: string | null): ReportValue => ({
  total: 1342,
  approximate: false,
  remarks: text,
  published: true,
  parts: [],
  contributions: [
    {
      institution: "PUP",
      aliases: ["Powiatowy Urząd Pracy w Ostrowcu Świętokrzyskim", "PUP"],
      value: 725,
      approximate: false,
      note: null,
      parts: [],
    },
    { institution: "MOPS", value: 23, approximate: false, note: null, parts: [] },
    {
      institution: "KPP",
      value: 1294,
      approximate: true,
      note: null,
      parts: [{ dimension: "of_which", label: "kobiety", value: 600 }],
    },
  ],
});

describe("remarks that restate the contributions", () => {
  it.each([
    "PUP - 725 MOPS - 23",
    "PUP – 725, MOPS — 23 osoby",
    "Powiatowy Urząd Pracy w Ostrowcu Świętokrzyskim - 725",
    "KPP – ok. 1 294, w tym kobiety 600",
    "KPP - 1294",
  ])("%s is left out", (line) => {
    expect(restatesContributions(line, value(line), "osoby")).toBe(true);
  });

  it.each([
    "PUP - 725; dane z rejestru bezrobotnych",
    "PUP - 7250",
    "PUP - 72",
    "Dane z rejestru bezrobotnych.",
    "MOPS - 23,5",
  ])("%s is kept", (line) => {
    expect(restatesContributions(line, value(line), "osoby")).toBe(false);
  });

  it("prints remarks that name every share in their own words alone", () => {
    const told = "PUP – 725 osób po stażach, MOPS - 23 Podpisano kontrakty, KPP – ok. 1 294";
    expect(remarks(value(told), "osoby")).toEqual([told]);
    // A share the remarks do not give (changed since the import): the parts come first.
    const stale = "PUP – 700 osób po stażach, MOPS - 23 Podpisano kontrakty, KPP – ok. 1 294";
    expect(remarks(value(stale), "osoby")[1]).toBe(stale);
  });

  it("prints the parts once and keeps the other lines", () => {
    expect(remarks(value("PUP - 725 MOPS - 23\nDane z rejestru."), "osoby")).toEqual([
      "PUP – 725, MOPS – 23, KPP – ok. 1294 (w tym: kobiety – 600)",
      "Dane z rejestru.",
    ]);
  });
});
