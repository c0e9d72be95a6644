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

describe("the reader's checks, cell by cell", () => {
  const read = async (fill: (wb: ExcelJS.Workbook) => void, stored = items()) =>
    readPartnerWorkbook(await filled(await buildPartnerWorkbook(items()), fill), stored);
  const indicators = (wb: ExcelJS.Workbook) => wb.getWorksheet("Wskaźniki")!;

  it("a value below zero, with three decimals, a yes/no or a long text is refused at its cell", async () => {
    const first = await read((wb) => {
      indicators(wb).getRow(2).getCell(9).value = -5;
      indicators(wb).getRow(3).getCell(9).value = "12,345";
    });
    expect(first).toEqual({
      changes: { cards: [], contributions: [] },
      errors: [
        {
          sheet: "Wskaźniki",
          cell: "I2",
          message: "Wartość nie może być ujemna — wpisz liczbę 0 lub większą.",
        },
        {
          sheet: "Wskaźniki",
          cell: "I3",
          message: "Wpisz wartość z najwyżej dwoma miejscami po przecinku.",
        },
      ],
    });
    const second = await read((wb) => {
      indicators(wb).getRow(2).getCell(9).value = true;
      indicators(wb).getRow(3).getCell(9).value = `około ${"tysiąca ".repeat(6)}osób`;
    });
    expect(second.errors).toEqual([
      {
        sheet: "Wskaźniki",
        cell: "I2",
        message: "Wartość w komórce I2 nie jest liczbą — wpisz na przykład 1 234,5.",
      },
      {
        sheet: "Wskaźniki",
        cell: "I3",
        message:
          "Wartość „około tysiąca tysiąca tysiąca tysiąca ty…” nie jest liczbą — wpisz na przykład 1 234,5.",
      },
    ]);
    // Exactly 40 characters are shown whole.
    const forty = "x".repeat(40);
    const third = await read((wb) => {
      indicators(wb).getRow(2).getCell(9).value = forty;
    });
    expect(third.errors[0]!.message).toBe(
      `Wartość „${forty}” nie jest liczbą — wpisz na przykład 1 234,5.`,
    );
  });

  it("zero, two decimals and 'TAK' in any case are accepted; an empty value is never approximate", async () => {
    const { changes, errors } = await read((wb) => {
      indicators(wb).getRow(2).getCell(9).value = 0;
      indicators(wb).getRow(2).getCell(10).value = "tak";
      indicators(wb).getRow(3).getCell(9).value = "12,34";
      indicators(wb).getRow(3).getCell(10).value = "TAK";
    });
    expect(errors).toEqual([]);
    expect(changes.contributions.map((c) => [c.value, c.approximate])).toEqual([
      [0, true],
      [12.34, true],
    ]);
    const cleared = await read((wb) => {
      indicators(wb).getRow(2).getCell(9).value = null;
      indicators(wb).getRow(2).getCell(10).value = "tak";
    });
    expect(cleared.errors).toEqual([]);
    expect(cleared.changes.contributions).toEqual([
      expect.objectContaining({
        value: null,
        approximate: false,
        diffs: [{ field: "value", label: "Wartość (osoby)", before: 700, after: null }],
      }),
    ]);
  });

  it("a changed version column, a repeated row or a too long note stops only that row", async () => {
    const { changes, errors } = await read((wb) => {
      const ind = indicators(wb);
      ind.getRow(2).getCell(3).value = "abc";
      ind.getRow(3).getCell(9).value = 5;
      ind.getRow(3).getCell(11).value = "a".repeat(20_001);
      ind.getRow(4).values = ind.getRow(3).values as ExcelJS.CellValue[];
    });
    expect(errors).toEqual([
      {
        sheet: "Wskaźniki",
        cell: "C2",
        message: "Wiersz 2: zmieniono ukrytą kolumnę wersji. Pobierz arkusz ponownie.",
      },
      {
        sheet: "Wskaźniki",
        cell: "K3",
        message: "Tekst jest za długi (ponad 20\u00a0000 znaków). Skróć go.",
      },
      {
        sheet: "Wskaźniki",
        cell: "I4",
        message:
          "Wskaźnik „liczba porad zawodowych” występuje w arkuszu dwa razy (wiersz 4). Usuń powtórzony wiersz.",
      },
    ]);
    expect(changes.contributions).toEqual([]);
    // 20 000 characters are allowed; a negative or fractional version is not a version.
    const atLimit = await read((wb) => {
      indicators(wb).getRow(3).getCell(11).value = "a".repeat(20_000);
      indicators(wb).getRow(2).getCell(3).value = -1;
    });
    expect(atLimit.errors.map((e) => e.cell)).toEqual(["C2"]);
    expect(atLimit.changes.contributions).toEqual([
      expect.objectContaining({ indicatorId: IDS.indicator2, note: "a".repeat(20_000) }),
    ]);
    const fractional = await read((wb) => {
      indicators(wb).getRow(2).getCell(3).value = "2.5";
    });
    expect(fractional.errors.map((e) => e.cell)).toEqual(["C2"]);
  });

  it("a version written as text still counts, and an older version marks the change stale", async () => {
    const stored = items();
    stored.contributions[0]!.version = 3;
    stored.cards[0]!.version = 4;
    const { changes, errors } = await read((wb) => {
      indicators(wb).getRow(2).getCell(3).value = "2";
      indicators(wb).getRow(2).getCell(9).value = 701;
      cardRow(wb, "effects").getCell(8).value = "Nowe efekty";
    }, stored);
    expect(errors).toEqual([]);
    expect(changes.contributions).toEqual([
      expect.objectContaining({ version: 2, stale: true, value: 701 }),
    ]);
    expect(changes.cards).toEqual([expect.objectContaining({ version: 3, stale: true })]);
  });

  it("an unchanged note, value and flag are no change; a changed note alone is one", async () => {
    const stored = items();
    stored.contributions[0]!.note = "dane z systemu Syriusz";
    stored.contributions[0]!.approximate = true;
    const same = await read((wb) => {
      indicators(wb).getRow(2).getCell(10).value = "tak";
      indicators(wb).getRow(2).getCell(11).value = "dane z systemu Syriusz";
    }, stored);
    expect(same).toEqual({ changes: { cards: [], contributions: [] }, errors: [] });
    const note = await read((wb) => {
      indicators(wb).getRow(2).getCell(10).value = "tak";
      indicators(wb).getRow(2).getCell(11).value = "dane z CAS";
    }, stored);
    expect(note.changes.contributions).toEqual([
      expect.objectContaining({
        diffs: [
          {
            field: "note",
            label: "Opis, uwagi",
            before: "dane z systemu Syriusz",
            after: "dane z CAS",
          },
        ],
      }),
    ]);
  });

  it("card choices by label in any case or by key; unknown fields, versions, repeats, long texts refused", async () => {
    const { changes, errors } = await read((wb) => {
      cardRow(wb, "status").getCell(8).value = "finished";
      cardRow(wb, "goalVerdict").getCell(8).value = "CEL OSIĄGNIĘTY";
      cardRow(wb, "stages").getCell(8).value = "z".repeat(20_001);
      cardRow(wb, "effects").getCell(3).value = "nieznane";
      cardRow(wb, "funding").getCell(2).value = 4;
      cardRow(wb, "funding").getCell(8).value = "EFS";
    });
    const at = (field: string) =>
      errors.find((e) => e.message.includes(field)) ?? { cell: null, message: "" };
    expect(errors.map((e) => e.message)).toEqual([
      "Tekst jest za długi (ponad 20\u00a0000 znaków). Skróć go.",
      expect.stringMatching(/^Wiersz \d+: nieznane pole karty\. Pobierz arkusz ponownie\.$/),
      expect.stringMatching(
        /^Wiersz \d+: zmieniono ukrytą kolumnę wersji\. Pobierz arkusz ponownie\.$/,
      ),
    ]);
    expect(at("nieznane pole").cell).toMatch(/^C\d+$/);
    expect(at("za długi").cell).toMatch(/^H\d+$/);
    expect(at("wersji").cell).toMatch(/^B\d+$/);
    expect(changes.cards).toHaveLength(1);
    expect(changes.cards[0]!.fields).toMatchObject({
      status: "finished",
      goalVerdict: "achieved",
      stages: null,
      funding: null,
      effects: "Efekty",
    });
  });

  it("a card row repeated is refused; a first written card gets the status 'carried out'", async () => {
    const repeated = await read((wb) => {
      const sheet = wb.getWorksheet("Karty projektów")!;
      const row = cardRow(wb, "effects");
      sheet.getRow(sheet.rowCount + 1).values = row.values as ExcelJS.CellValue[];
    });
    expect(repeated.errors).toEqual([
      expect.objectContaining({
        sheet: "Karty projektów",
        message: expect.stringMatching(
          /^Pole „.+” projektu C1K7 występuje w arkuszu dwa razy \(wiersz \d+\)\. Usuń powtórzony wiersz\.$/,
        ),
      }),
    ]);
    expect(repeated.errors[0]!.cell).toMatch(/^H\d+$/);
    const stored = items();
    stored.cards[0]!.fields = { ...stored.cards[0]!.fields, status: null };
    stored.cards[0]!.version = null as never;
    const first = await read((wb) => {
      cardRow(wb, "status").getCell(8).value = null;
      cardRow(wb, "timeframe").getCell(8).value = "2021–2025";
    }, stored);
    expect(first.errors).toEqual([]);
    expect(first.changes.cards[0]!.fields).toMatchObject({
      status: "carried_out",
      timeframe: "2021–2025",
    });
  });

  it("a workbook without its sheets, or not from Busola, is refused as a whole", async () => {
    const noIndicators = await read((wb) => wb.removeWorksheet(indicators(wb).id));
    expect(noIndicators).toEqual({
      changes: { cards: [], contributions: [] },
      errors: [
        {
          sheet: null,
          cell: null,
          message:
            "Brakuje arkusza „Wskaźniki”. Nie zmieniaj nazw arkuszy — pobierz plik ponownie, jeśli to konieczne.",
        },
      ],
    });
    const renamed = await read((wb) => {
      wb.getWorksheet("Karty projektów")!.name = "Karty";
    });
    expect(renamed.errors.map((e) => e.message)).toEqual([
      "Brakuje arkusza „Karty projektów”. Nie zmieniaj nazw arkuszy — pobierz plik ponownie, jeśli to konieczne.",
    ]);
    const foreign = await read((wb) => {
      const meta = wb.getWorksheet("busola")!;
      for (let r = 1; r <= meta.rowCount; r++)
        if (meta.getRow(r).getCell(1).value === "kind") meta.getRow(r).getCell(2).value = "inny";
    });
    expect(foreign).toEqual({
      changes: { cards: [], contributions: [] },
      errors: [
        {
          sheet: null,
          cell: null,
          message:
            "To nie jest arkusz sprawozdawczy pobrany z Busoli. Pobierz swój arkusz w Busoli, wpisz do niego dane i wgraj go z powrotem.",
        },
      ],
    });
    const noMeta = await read((wb) => wb.removeWorksheet(wb.getWorksheet("busola")!.id));
    expect(noMeta.errors.map((e) => e.message)).toEqual([
      "To nie jest arkusz sprawozdawczy pobrany z Busoli. Pobierz swój arkusz w Busoli, wpisz do niego dane i wgraj go z powrotem.",
    ]);
  });

  it("skips empty rows, but a row with only its last cell typed is a row of no one", async () => {
    const { changes, errors } = await read((wb) => {
      indicators(wb).getRow(5).getCell(11).value = "uwaga bez wskaźnika";
      const cards = wb.getWorksheet("Karty projektów")!;
      cards.getRow(cards.rowCount + 2).getCell(8).value = "tekst bez projektu";
    });
    const cardsRow = errors.find((e) => e.sheet === "Karty projektów")!;
    expect(cardsRow.message).toMatch(
      /^Wiersz \d+ nie dotyczy żadnego z projektów Twojej instytucji\. Nie dopisuj wierszy i nie kopiuj ich z innych plików — pobierz arkusz ponownie\.$/,
    );
    expect(cardsRow.cell).toBe(`A${/Wiersz (\d+)/.exec(cardsRow.message)![1]}`);
    expect(errors.filter((e) => e.sheet === "Wskaźniki")).toEqual([
      {
        sheet: "Wskaźniki",
        cell: "A5",
        message:
          "Wiersz 5 nie dotyczy żadnego ze wskaźników Twojej instytucji. Nie dopisuj wierszy i nie kopiuj ich z innych plików — pobierz arkusz ponownie.",
      },
    ]);
    expect(errors).toHaveLength(2);
    expect(changes).toEqual({ cards: [], contributions: [] });
  });

  it("the last card row, trimmed text up to 20 000 characters, version 0, a date, 'nie'", async () => {
    const long = "E".repeat(20_000);
    const { changes, errors } = await read((wb) => {
      cardRow(wb, "continuation").getCell(8).value = "kontynuowany";
      cardRow(wb, "effects").getCell(8).value = "  Nowe efekty  ";
      cardRow(wb, "stages").getCell(8).value = long;
      indicators(wb).getRow(2).getCell(9).value = 701;
      indicators(wb).getRow(2).getCell(10).value = "nie";
      indicators(wb).getRow(3).getCell(3).value = 0;
      indicators(wb).getRow(3).getCell(9).value = 4;
    });
    expect(errors).toEqual([]);
    expect(changes.cards[0]!.fields).toMatchObject({
      continuation: "yes",
      effects: "Nowe efekty",
      stages: long,
    });
    expect(changes.contributions.map((c) => [c.value, c.approximate, c.version, c.stale])).toEqual([
      [701, false, 2, false],
      [4, false, 0, true],
    ]);
    const dated = await read((wb) => {
      const cell = indicators(wb).getRow(3).getCell(9);
      cell.value = new Date("2021-05-01T00:00:00Z");
      // A style of its own: exceljs shares one style object between the cells of a column.
      cell.style = { ...cell.style, numFmt: "dd.mm.yyyy" };
    });
    expect(dated.errors).toEqual([
      {
        sheet: "Wskaźniki",
        cell: "I3",
        message: "Wartość w komórce I3 nie jest liczbą — wpisz na przykład 1 234,5.",
      },
    ]);
  });
});
