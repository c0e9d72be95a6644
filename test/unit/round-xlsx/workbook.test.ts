import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildPartnerWorkbook } from "../../../app/round-xlsx/build.ts";
import { readPartnerWorkbook } from "../../../app/round-xlsx/read.ts";
import { cardRow, filled, IDS, items, zip } from "./fixtures.ts";

const open = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
};

describe("the partner workbook", () => {
  it("has the Polish sheets, a locked structure with open input cells, lists and checks", async () => {
    const wb = await open(await buildPartnerWorkbook(items()));
    expect(wb.worksheets.filter((s) => s.state === "visible").map((s) => s.name)).toEqual([
      "Instrukcja",
      "Karty projektów",
      "Wskaźniki",
    ]);
    const ind = wb.getWorksheet("Wskaźniki")!;
    expect(ind.getRow(1).getCell(9).value).toBe("Rok 2021 (wpisz)");
    expect(ind.getRow(1).getCell(8).value).toBe("Rok 2020 (do wglądu)");
    expect([1, 2, 3].map((c) => ind.getColumn(c).hidden)).toEqual([true, true, true]);
    expect(ind.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // Last year for reference, written the Polish way; this year's input open, the rest locked.
    expect(ind.getRow(3).getCell(8).value).toBe("ok. 1200,5");
    expect(ind.getRow(2).getCell(9).value).toBe(700);
    expect(ind.getRow(2).getCell(9).protection).toMatchObject({ locked: false });
    expect(ind.getRow(2).getCell(6).protection?.locked).not.toBe(false);
    expect(ind.getRow(2).getCell(9).dataValidation).toMatchObject({ type: "decimal" });
    expect(ind.getRow(2).getCell(10).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"tak,nie"'],
    });
    const status = cardRow(wb, "status");
    expect(status.getCell(8).value).toBe("zrealizowany");
    expect(status.getCell(8).dataValidation.formulae[0]).toContain("niezrealizowany");
    expect(cardRow(wb, "funding").getCell(7).value).toBe("EFS");
    // The sheets are protected (exceljs keeps the protection element when it reads a file).
    const model = (
      wb.getWorksheet("Karty projektów") as unknown as { model: { sheetProtection: unknown } }
    ).model;
    expect(model.sheetProtection).toMatchObject({ sheet: true });
  });

  it("round trip: what a partner types comes back as the differences against the stored values", async () => {
    const bytes = await filled(await buildPartnerWorkbook(items()), (wb) => {
      cardRow(wb, "status").getCell(8).value = "niezrealizowany";
      cardRow(wb, "statusReason").getCell(8).value = "brak oferentów w konkursie";
      cardRow(wb, "effects").getCell(8).value = {
        richText: [{ text: "Nowe " }, { text: "efekty" }],
      };
      const ind = wb.getWorksheet("Wskaźniki")!;
      ind.getRow(2).getCell(9).value = "1 234,5";
      ind.getRow(2).getCell(11).value = "dane z systemu Syriusz";
      ind.getRow(3).getCell(9).value = "ok. 600";
    });
    const { changes, errors } = await readPartnerWorkbook(bytes, items());
    expect(errors).toEqual([]);
    expect(changes.cards).toHaveLength(1);
    expect(changes.cards[0]).toMatchObject({ projectId: IDS.project, version: 3, stale: false });
    expect(changes.cards[0]!.fields).toMatchObject({
      status: "not_carried_out",
      statusReason: "brak oferentów w konkursie",
      effects: "Nowe efekty",
      goalText: "Cel 2021",
    });
    expect(changes.cards[0]!.diffs.map((d) => [d.field, d.before, d.after])).toEqual([
      ["status", "carried_out", "not_carried_out"],
      ["statusReason", null, "brak oferentów w konkursie"],
      ["effects", "Efekty", "Nowe efekty"],
    ]);
    expect(changes.contributions).toEqual([
      expect.objectContaining({
        indicatorId: IDS.indicator1,
        version: 2,
        value: 1234.5,
        approximate: false,
        note: "dane z systemu Syriusz",
      }),
      expect.objectContaining({
        indicatorId: IDS.indicator2,
        version: null,
        value: 600,
        approximate: true,
        diffs: [
          { field: "value", label: "Wartość (porady)", before: null, after: 600 },
          { field: "approximate", label: "Wartość przybliżona", before: false, after: true },
        ],
      }),
    ]);
  });

  it("an untouched workbook has no differences", async () => {
    const { changes, errors } = await readPartnerWorkbook(
      await buildPartnerWorkbook(items()),
      items(),
    );
    expect(errors).toEqual([]);
    expect(changes).toEqual({ cards: [], contributions: [] });
  });

  it("reports errors per cell, in Polish", async () => {
    const bytes = await filled(await buildPartnerWorkbook(items()), (wb) => {
      const ind = wb.getWorksheet("Wskaźniki")!;
      ind.getRow(2).getCell(9).value = "abc";
      ind.getRow(3).getCell(9).value = "1.250";
      ind.getRow(3).getCell(10).value = "może";
      cardRow(wb, "status").getCell(8).value = "w trakcie";
    });
    const { changes, errors } = await readPartnerWorkbook(bytes, items());
    const statusRow = errors.find((e) => e.sheet === "Karty projektów")!;
    expect(statusRow.cell).toMatch(/^H\d+$/);
    expect(statusRow.message).toBe(
      "„w trakcie” nie jest dozwoloną wartością pola „Status w roku”. Wybierz z listy: zrealizowany, niezrealizowany, sprawozdawany w innym dokumencie, zakończony.",
    );
    expect(errors.filter((e) => e.sheet === "Wskaźniki")).toEqual([
      {
        sheet: "Wskaźniki",
        cell: "I2",
        message: "Wartość „abc” nie jest liczbą — wpisz na przykład 1 234,5.",
      },
      {
        sheet: "Wskaźniki",
        cell: "I3",
        message: "Nie wiadomo, czy „1.250” to 1250 czy 1,250. Wpisz 1250 albo 1,250.",
      },
    ]);
    expect(changes.contributions).toEqual([]);
  });

  it("a row with a foreign or guessed id is an error, never a change", async () => {
    const bytes = await filled(await buildPartnerWorkbook(items()), (wb) => {
      const ind = wb.getWorksheet("Wskaźniki")!;
      ind.getRow(2).getCell(1).value = "0b6f3c1e-9999-4c1e-9c1e-000000000099";
      ind.getRow(2).getCell(9).value = 5;
      cardRow(wb, "goalText").getCell(1).value = "not-an-id";
      cardRow(wb, "goalText").getCell(8).value = "Cel cudzego projektu";
    });
    const { changes, errors } = await readPartnerWorkbook(bytes, items());
    expect(errors.map((e) => [e.sheet, e.cell])).toEqual([
      ["Karty projektów", expect.stringMatching(/^A\d+$/)],
      ["Wskaźniki", "A2"],
    ]);
    expect(errors[1]!.message).toContain("nie dotyczy żadnego ze wskaźników Twojej instytucji");
    expect(changes.contributions).toEqual([]);
    expect(changes.cards).toEqual([]);
  });

  it("refuses another institution's or another year's workbook", async () => {
    const other = items();
    other.institution = { id: "0b6f3c1e-8888-4c1e-9c1e-000000000008", name: "KPP" };
    const built = await buildPartnerWorkbook(other);
    const result = await readPartnerWorkbook(built, items());
    expect(result.errors).toEqual([
      {
        sheet: null,
        cell: null,
        message:
          "Ten arkusz przygotowano dla innej instytucji. Pobierz arkusz instytucji „Powiatowy Urząd Pracy” i wpisz dane do niego.",
      },
    ]);
    const nextYear = { ...items(), year: 2022 };
    expect(
      (await readPartnerWorkbook(await buildPartnerWorkbook(items()), nextYear)).errors[0]!.message,
    ).toContain("dotyczy roku 2021");
  });

  it("refuses what is not a safe XLSX, with Polish messages", async () => {
    const messages = async (bytes: Uint8Array) =>
      (await readPartnerWorkbook(bytes, items())).errors.map((e) => e.message);
    expect(await messages(Buffer.from("%PDF-1.7 ..."))).toEqual([
      expect.stringContaining("To nie jest plik XLSX."),
    ]);
    expect(await messages(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))).toEqual([
      expect.stringContaining("Plik jest uszkodzony"),
    ]);
    expect(await messages(Buffer.alloc(6 * 1024 * 1024, 0x50))).toEqual([
      expect.stringContaining("Plik jest za duży"),
    ]);
    // 60 MB of zeros squeeze into a few kilobytes: declared honestly, or understated.
    const zeros = Buffer.alloc(60 * 1024 * 1024);
    expect(await messages(zip([{ name: "xl/workbook.xml", data: zeros }]))).toEqual([
      expect.stringContaining("podejrzanie duży"),
    ]);
    expect(await messages(zip([{ name: "xl/workbook.xml", data: zeros, declare: 1000 }]))).toEqual([
      expect.stringContaining("podejrzanie duży"),
    ]);
    expect(await messages(zip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]))).toEqual(
      [expect.stringContaining("To nie jest plik XLSX")],
    );
  });
});
