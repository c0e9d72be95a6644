// The explorer's selection as a file (/g/:tenant/analiza/dane.csv, …/dane.xlsx): the rows of
// the page's table. CSV the way a Polish spreadsheet opens it (semicolons, decimal commas, a BOM).
import ExcelJS from "exceljs";
import { csvCell, csvNumber } from "../dashboard/dashboard-export.server.ts";
import { EXPLORER_FILE_HEADERS, type ExplorerFileRow } from "./explorer-view.ts";

export function explorerCsv(rows: ExplorerFileRow[]): string {
  const lines = [
    EXPLORER_FILE_HEADERS.join(";"),
    ...rows.map((r) =>
      [
        csvCell(r.indicator),
        String(r.year),
        csvCell(r.kind),
        csvCell(r.series),
        csvNumber(r.value),
        r.approximate ? "tak" : "",
        csvCell(r.unit),
      ].join(";"),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function explorerXlsx(rows: ExplorerFileRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Analiza");
  sheet.addRow(EXPLORER_FILE_HEADERS).font = { bold: true };
  for (const r of rows)
    sheet.addRow([
      r.indicator,
      r.year,
      r.kind,
      r.series,
      r.value,
      r.approximate ? "tak" : "",
      r.unit,
    ]);
  sheet.columns.forEach((c, i) => (c.width = [60, 8, 20, 40, 16, 10, 12][i]));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
