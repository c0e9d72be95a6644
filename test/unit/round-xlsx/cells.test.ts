// Every kind of cell a spreadsheet program writes, read as the person sees it: workbooks
// written by exceljs here and one saved by LibreOffice (a committed fixture, made by
// test/fixtures/round-xlsx/make-libreoffice.ts).
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildPartnerWorkbook } from "../../../app/round-xlsx/build.ts";
import {
  CellError,
  cellIsEmpty,
  cellText,
  cellValue,
  structureProblem,
} from "../../../app/round-xlsx/cells.ts";
import { readPartnerWorkbook } from "../../../app/round-xlsx/read.ts";
import type { CardUpdate, ContributionUpdate } from "../../../app/round-xlsx/types.ts";
import { cardRow, filled, items } from "./fixtures.ts";

const LIBREOFFICE = readFileSync(
  new URL("../../fixtures/round-xlsx/libreoffice-filled.xlsx", import.meta.url),
);

const card = (r: Awaited<ReturnType<typeof readPartnerWorkbook>>) =>
  r.changes.cards[0] as CardUpdate | undefined;

describe("workbook cells", () => {
  it("formulas by their cached result, rich text, hyperlinks, dates — never [object Object]", async () => {
    const bytes = await filled(await buildPartnerWorkbook(items()), (wb) => {
      cardRow(wb, "statusReason").getCell(8).value = {
        formula: 'HYPERLINK("https://mops.pl","strona MOPS")',
        result: "strona MOPS",
      } as never;
      cardRow(wb, "goalText").getCell(8).value = {
        text: { richText: [{ text: "Cel " }, { text: "z linku" }] },
        hyperlink: "https://mops.pl",
      } as never;
      cardRow(wb, "effects").getCell(8).value = {
        text: "Efekty z linku",
        hyperlink: "https://x.pl",
      };
      cardRow(wb, "funding").getCell(8).value = {
        richText: [{ text: "EFS " }, { text: "i gmina" }],
      };
      const ind = wb.getWorksheet("Wskaźniki")!;
      ind.getRow(2).getCell(9).value = { formula: "700+34", result: 734 } as never;
      ind.getRow(2).getCell(11).value = {
        formula: 'CONCATENATE("a";"b")',
        result: "dane: ab",
      } as never;
    });
    const result = await readPartnerWorkbook(bytes, items());
    expect(result.errors).toEqual([]);
    expect(JSON.stringify(result)).not.toContain("[object Object]");
    expect(card(result)!.fields).toMatchObject({
      statusReason: "strona MOPS",
      goalText: "Cel z linku",
      effects: "Efekty z linku",
      funding: "EFS i gmina",
    });
    const value = result.changes.contributions[0] as ContributionUpdate;
    expect(value).toMatchObject({ value: 734, note: "dane: ab" });
  });

  it("a formula without a result, an error value and a date are per-cell Polish errors", async () => {
    const bytes = await filled(await buildPartnerWorkbook(items()), (wb) => {
      cardRow(wb, "statusReason").getCell(8).value = { formula: 'HYPERLINK("x")' } as never;
      cardRow(wb, "effects").getCell(8).value = { error: "#N/A" } as never;
      const date = cardRow(wb, "funding").getCell(8);
      date.value = new Date("2021-05-01");
      date.numFmt = "dd.mm.yyyy";
      const ind = wb.getWorksheet("Wskaźniki")!;
      ind.getRow(2).getCell(9).value = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
      ind.getRow(3).getCell(11).value = { formula: "A1", result: { error: "#REF!" } } as never;
    });
    const { errors, changes } = await readPartnerWorkbook(bytes, items());
    const at = Object.fromEntries(errors.map((e) => [`${e.sheet}!${e.cell}`, e.message]));
    const rowOf = async (field: string) =>
      cardRow(
        await (async () => {
          const ExcelJS = (await import("exceljs")).default;
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(bytes as never);
          return wb;
        })(),
        field,
      ).number;
    expect(at[`Karty projektów!H${await rowOf("statusReason")}`]).toMatch(
      /formuła bez obliczonej wartości/,
    );
    expect(at[`Karty projektów!H${await rowOf("effects")}`]).toMatch(/błąd #N\/A/);
    expect(at[`Karty projektów!H${await rowOf("funding")}`]).toMatch(/nie datę/);
    expect(at["Wskaźniki!I2"]).toMatch(/daje błąd #DIV\/0!/);
    expect(at["Wskaźniki!K3"]).toMatch(/daje błąd #REF!/);
    expect(changes.contributions).toEqual([]);
    expect(JSON.stringify(errors)).not.toContain("[object Object]");
  });

  it("a removed, moved or renamed column is a structure error, not 'no changes'", async () => {
    const base = await buildPartnerWorkbook(items());
    const removed = await filled(base, (wb) => wb.getWorksheet("Wskaźniki")!.spliceColumns(10, 1));
    const moved = await filled(base, (wb) => {
      const s = wb.getWorksheet("Karty projektów")!;
      const g = s.getColumn(7).values;
      const h = s.getColumn(8).values;
      s.getColumn(7).values = h;
      s.getColumn(8).values = g;
    });
    const renamed = await filled(base, (wb) => {
      wb.getWorksheet("Wskaźniki")!.getRow(1).getCell(11).value = "Uwagi";
    });
    const added = await filled(base, (wb) => {
      wb.getWorksheet("Wskaźniki")!.getRow(1).getCell(12).value = "Moja kolumna";
    });
    for (const [bytes, sheet] of [
      [removed, "Wskaźniki"],
      [moved, "Karty projektów"],
      [renamed, "Wskaźniki"],
      [added, "Wskaźniki"],
    ] as const) {
      const { errors, changes } = await readPartnerWorkbook(bytes, items());
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ sheet, cell: null });
      expect(errors[0]!.message).toMatch(/kolumn/);
      expect(changes).toEqual({ cards: [], contributions: [] });
    }
  });

  it("reads a workbook saved by LibreOffice: shared strings, calculated formulas, rich text", async () => {
    const result = await readPartnerWorkbook(LIBREOFFICE, items());
    expect(JSON.stringify(result)).not.toContain("[object Object]");
    expect(card(result)!.fields).toMatchObject({
      statusReason: "strona MOPS",
      funding: "EFS i budżet",
      stages: "Ocena 👍 zażółć",
    });
    expect(result.changes.contributions[0]).toMatchObject({ value: 734 });
    // LibreOffice calculated CONCATENATE("Efekty ";"2021") as #VALUE! (";" is not OOXML's separator).
    expect(result.errors).toEqual([
      expect.objectContaining({
        sheet: "Karty projektów",
        cell: "H9",
        message: expect.stringMatching(/daje błąd #VALUE!/),
      }),
      expect.objectContaining({
        sheet: "Wskaźniki",
        cell: "I3",
        message: expect.stringMatching(/#DIV\/0!/),
      }),
    ]);
  });
});

describe("one cell", () => {
  const cell = (value: unknown) => {
    const c = new ExcelJS.Workbook().addWorksheet("Wskaźniki").getCell("I2");
    c.value = value as ExcelJS.CellValue;
    return c;
  };
  const read = (value: unknown) => {
    try {
      return cellValue(cell(value));
    } catch (e) {
      if (e instanceof CellError) return `błąd: ${e.message}`;
      throw e;
    }
  };
  const date = new Date("2021-05-01T00:00:00Z");

  it("a formula by its result of any kind, a shared formula too", () => {
    expect(read({ formula: "TRUE()", result: true })).toBe(true);
    expect(read({ formula: "DATE(2021;5;1)", result: date })).toEqual(date);
    expect(read({ sharedFormula: "I1", result: 725 })).toBe(725);
    expect(read({ formula: "I1", result: { richText: [{ text: "PUP " }, { text: "725" }] } })).toBe(
      "PUP 725",
    );
    expect(read({ formula: 'HYPERLINK("https://mops.pl";"MOPS")', result: { text: "MOPS" } })).toBe(
      "MOPS",
    );
    expect(read({ formula: "I1", result: { kind: "nieznany" } })).toBe(
      "błąd: Nie udało się odczytać tej komórki. Wpisz w niej zwykły tekst albo liczbę.",
    );
  });

  it("plain values as typed, broken characters replaced, unknown objects and errors in Polish", () => {
    expect(read(null)).toBeNull();
    expect(read(0)).toBe(0);
    expect(read(false)).toBe(false);
    expect(read(date)).toEqual(date);
    expect(read("MOPS\uD800")).toBe("MOPS\uFFFD");
    expect(read({ formula: "I1", result: "UTW\uD800" })).toBe("UTW\uFFFD");
    expect(read({ richText: [{ text: "KPP\uD800" }] })).toBe("KPP\uFFFD");
    expect(
      read({ hyperlink: "https://mops.pl", text: { richText: [{ text: "strona MOPS" }] } }),
    ).toBe("strona MOPS");
    expect(read({ kind: "nieznany" })).toBe(
      "błąd: Nie udało się odczytać tej komórki. Wpisz w niej zwykły tekst albo liczbę.",
    );
    expect(read({ error: "#N/A" })).toBe(
      "błąd: Komórka zawiera błąd #N/A. Wpisz w niej wartość albo tekst.",
    );
  });

  it("as text: trimmed, a date as its day, a cell in error as empty text but not as empty", () => {
    expect(cellText(cell("  Zespół Kuratorski  "))).toBe("Zespół Kuratorski");
    expect(cellText(cell(date))).toBe("2021-05-01");
    expect(cellText(cell(12.5))).toBe("12.5");
    expect(cellText(cell(null))).toBe("");
    expect(cellText(cell({ error: "#REF!" }))).toBe("");
    expect(cellIsEmpty(cell({ error: "#REF!" }))).toBe(false);
    expect(cellIsEmpty(cell("   "))).toBe(true);
    expect(cellIsEmpty(cell({ richText: [{ text: " " }] }))).toBe(true);
    expect(cellIsEmpty(cell(null))).toBe(true);
    expect(cellIsEmpty(cell(0))).toBe(false);
    expect(cellIsEmpty(cell(" 5 "))).toBe(false);
  });

  it("names the first column whose header differs, or the column added after the last", () => {
    const sheet = (headers: string[]) => {
      const s = new ExcelJS.Workbook().addWorksheet("Wskaźniki");
      s.getRow(1).values = headers;
      return s;
    };
    expect(structureProblem(sheet(["id", "Wskaźnik"]), ["id", "Wskaźnik"])).toBeNull();
    expect(structureProblem(sheet(["id", "Wskaźnik", "Moja kolumna"]), ["id", "Wskaźnik"])).toBe(
      "W arkuszu „Wskaźniki” dodano kolumnę (nagłówek „Moja kolumna”). Nie zmieniaj układu kolumn — pobierz arkusz ponownie i wpisz dane do nowego pliku.",
    );
    expect(structureProblem(sheet(["id", "Uwagi"]), ["id", "Wskaźnik"])).toBe(
      "W arkuszu „Wskaźniki” zmieniono układ kolumn: w kolumnie 2 powinien być nagłówek „Wskaźnik”, jest „Uwagi”. Nie usuwaj, nie przenoś i nie zmieniaj nazw kolumn — pobierz arkusz ponownie i wpisz dane do nowego pliku.",
    );
    expect(structureProblem(sheet(["id"]), ["id", "Wskaźnik"])).toMatch(
      /w kolumnie 2 powinien być nagłówek „Wskaźnik”, jest „”/,
    );
  });
});
