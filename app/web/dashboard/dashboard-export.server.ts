// The dashboard's data as a file: CSV (semicolons, decimal commas, a BOM — what a Polish
// spreadsheet opens as it is) or XLSX. Both hold the rows of exactly the charts on the page.
import ExcelJS from "exceljs";
import type { ExportRow } from "./dashboard-specs.ts";

const HEADERS = ["Zestawienie", "Kategoria", "Seria", "Wartość", "Jednostka"];

export function csvCell(text: string): string {
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as a Polish spreadsheet reads it: no grouping, a decimal comma. */
export function csvNumber(n: number | null): string {
  return n === null ? "" : String(n).replace(".", ",");
}

export function dashboardCsv(rows: ExportRow[]): string {
  const lines = [
    HEADERS.join(";"),
    ...rows.map((r) =>
      [
        csvCell(r.chart),
        csvCell(r.category),
        csvCell(r.series),
        csvNumber(r.value),
        csvCell(r.unit),
      ].join(";"),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function dashboardXlsx(rows: ExportRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Pulpit");
  sheet.addRow(HEADERS).font = { bold: true };
  for (const r of rows) sheet.addRow([r.chart, r.category, r.series, r.value, r.unit]);
  sheet.columns.forEach((c, i) => (c.width = [60, 18, 40, 16, 12][i]));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
