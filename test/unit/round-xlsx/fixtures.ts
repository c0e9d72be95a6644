// A partner's items and helpers to fill a workbook the way a person would in Excel.
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { CARD_FIELDS, type CardFields } from "../../../app/domain/value-labels.ts";
import type { PartnerWorkItems } from "../../../app/round-xlsx/types.ts";

export function fields(over: Partial<CardFields> = {}): CardFields {
  const out = {} as CardFields;
  for (const f of CARD_FIELDS) out[f] = null;
  return { ...out, status: "carried_out", ...over };
}

export const IDS = {
  institution: "0b6f3c1e-1111-4c1e-9c1e-000000000001",
  project: "0b6f3c1e-2222-4c1e-9c1e-000000000002",
  indicator1: "0b6f3c1e-3333-4c1e-9c1e-000000000003",
  indicator2: "0b6f3c1e-4444-4c1e-9c1e-000000000004",
  value1: "0b6f3c1e-5555-4c1e-9c1e-000000000005",
};

export function items(): PartnerWorkItems {
  return {
    tenantName: "Gmina Testowa",
    institution: { id: IDS.institution, name: "Powiatowy Urząd Pracy" },
    documentTitle: "Strategia Rozwiązywania Problemów Społecznych",
    year: 2021,
    deadline: "2022-02-28",
    cards: [
      {
        projectId: IDS.project,
        symbol: "C1K7",
        title: "Aktywizacja zawodowa",
        version: 3,
        fields: fields({ goalText: "Cel 2021", effects: "Efekty" }),
        lastYear: fields({ goalText: "Cel 2020", effects: "Efekty 2020", funding: "EFS" }),
      },
    ],
    contributions: [
      {
        indicatorId: IDS.indicator1,
        valueId: IDS.value1,
        version: 2,
        indicatorName: "liczba osób, które podjęły zatrudnienie",
        unit: "osoby",
        goalCode: "C1",
        directionCode: "C1K7",
        value: 700,
        approximate: false,
        note: null,
        lastYearValue: 725,
        lastYearApproximate: false,
      },
      {
        indicatorId: IDS.indicator2,
        valueId: null,
        version: null,
        indicatorName: "liczba porad zawodowych",
        unit: "porady",
        goalCode: "C1",
        directionCode: "C1K7",
        value: null,
        approximate: false,
        note: null,
        lastYearValue: 1200.5,
        lastYearApproximate: true,
      },
    ],
  };
}

/** Opens a built workbook, lets `fill` change it, and saves it again, as Excel would. */
export async function filled(bytes: Buffer, fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The row of a card field in "Karty projektów". */
export function cardRow(wb: ExcelJS.Workbook, field: string): ExcelJS.Row {
  const sheet = wb.getWorksheet("Karty projektów")!;
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(3).value === field) return sheet.getRow(r);
  }
  throw new Error(`no row for ${field}`);
}

/** A ZIP archive of the given entries, deflated; `declare` overrides a declared size. */
export function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declare ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
