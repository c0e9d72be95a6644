// Indicator tables as other municipalities lay them out: columns in another order, other header
// words, a column per year, small three-column tables. Rows are written as the readers give
// them: one line per row, TAB between cells.
import { describe, expect, it } from "vitest";
import { parseIndicatorTables } from "../../../app/report-reader/indicator-tables.ts";
import { splitLines } from "../../../app/report-reader/normalise.ts";

const read = (rows: string[][]) => {
  const lines = splitLines(rows.map((r) => r.join("\t")).join("\n"));
  return parseIndicatorTables(lines, 0, lines.length);
};

describe("indicator tables in any layout", () => {
  it("reads 'Nazwa wskaźnika | Podmiot realizujący | Wykonanie | Uwagi' in that order", () => {
    const { indicators } = read([
      ["Lp.", "Nazwa wskaźnika", "Podmiot realizujący", "Wykonanie", "Uwagi"],
      ["1.1", "Wspieranie rodzin", "", "", ""],
      ["", "liczba rodzin objętych pracą asystenta", "MOPS, PCPR", "48", "MOPS: 40; PCPR: 8"],
      ["", "liczba porad prawnych", "PCPR", "ok. 120", ""],
    ]);
    expect(indicators.map((i) => [i.name, i.value, i.directionCode])).toEqual([
      ["liczba rodzin objętych pracą asystenta", 48, "1.1"],
      ["liczba porad prawnych", 120, "1.1"],
    ]);
    expect(indicators[0]?.contributions.map((c) => [c.institution, c.value])).toEqual([
      ["MOPS", 40],
      ["PCPR", 8],
    ]);
    expect(indicators[1]?.approximate).toBe(true);
  });

  it("reads 'Miernik | Stan na 31.12' and a code written in the goal's cell", () => {
    const { indicators, goals } = read([
      ["Cel operacyjny", "Miernik", "Stan na 31.12", "Realizatorzy"],
      [
        "2.1. Przeciwdziałanie bezrobociu",
        "liczba osób, które podjęły zatrudnienie",
        "748",
        "PUP – 725, MOPS – 23",
      ],
      ["", "liczba staży", "95", "PUP"],
    ]);
    expect(indicators.map((i) => [i.name, i.value, i.goalCode, i.directionCode])).toEqual([
      ["liczba osób, które podjęły zatrudnienie", 748, "2", "2.1"],
      ["liczba staży", 95, "2", "2.1"],
    ]);
    expect(goals[0]?.directions[0]?.title).toBe("Przeciwdziałanie bezrobociu");
    // The implementers cell holds the split when there is no remarks column.
    expect(indicators[0]?.contributions.map((c) => c.value)).toEqual([725, 23]);
  });

  it("gives a value per year when the table has a column per year", () => {
    const { indicators } = read([
      ["Wskaźnik", "2019", "2020", "2021", "Uwagi"],
      ["liczba rodzin zastępczych", "31", "33", "36", ""],
      ["liczba dzieci w pieczy zastępczej", "52", "ok. 50", "", "brak danych za 2021"],
    ]);
    expect(indicators[0]?.value).toBe(36);
    expect(indicators[0]?.values).toEqual([
      { year: 2019, value: 31, approximate: false },
      { year: 2020, value: 33, approximate: false },
      { year: 2021, value: 36, approximate: false },
    ]);
    expect(indicators[1]?.values?.map((v) => v.value)).toEqual([52, 50, null]);
    expect(indicators[1]?.values?.[1]?.approximate).toBe(true);
  });

  it("reads year columns headed 'Wykonanie 2020 r.' and keeps the target apart", () => {
    const { indicators } = read([
      ["Wskaźnik", "Wartość docelowa", "Wykonanie 2019 r.", "Wykonanie 2020 r."],
      ["liczba uczestników CIS", "60", "54", "58"],
    ]);
    expect(indicators[0]?.target).toBe(60);
    expect(indicators[0]?.value).toBe(58);
    expect(indicators[0]?.values?.map((v) => v.year)).toEqual([2019, 2020]);
  });

  it("reads a three-column table", () => {
    const { indicators } = read([
      ["Wskaźnik", "Wartość", "Uwagi"],
      ["liczba interwencji", "41", "KPP (30), Straż Miejska (11)"],
    ]);
    expect(indicators.map((i) => [i.name, i.value])).toEqual([["liczba interwencji", 41]]);
    expect(indicators[0]?.contributions.map((c) => [c.institution, c.value])).toEqual([
      ["KPP", 30],
      ["Straż Miejska", 11],
    ]);
  });

  it("does not take a table without indicator and value columns", () => {
    expect(
      read([
        ["Lp", "Nazwa zadania", "Kwota"],
        ["1", "Kolonie", "12 000"],
      ]).indicators,
    ).toEqual([]);
  });
});
