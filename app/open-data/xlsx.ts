// A dataset as an XLSX workbook: sheet "Dane" with the same header row and cells as the CSV
// (numbers as numbers, text as text, never a formula), sheet "Metadane" with the metadata and
// the columns' descriptions in Polish.
import ExcelJS from "exceljs";
import type { Dataset } from "../domain/open-data/types.ts";

export async function toXlsx(dataset: Dataset): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Busola";
  const m = dataset.metadata;
  if (m.modified) wb.modified = new Date(m.modified);
  wb.title = m.title;
  const data = wb.addWorksheet("Dane", { views: [{ state: "frozen", ySplit: 1 }] });
  data.addRow(dataset.columns.map((c) => c.key)).font = { bold: true };
  for (const row of dataset.rows) {
    // Plain strings are written as text by exceljs, so "=SUM(…)" typed in a card stays text.
    data.addRow(dataset.columns.map((c) => row[c.key] ?? null));
  }
  dataset.columns.forEach((c, i) => {
    data.getColumn(i + 1).width = Math.min(60, Math.max(10, c.key.length + 2));
  });
  const meta = wb.addWorksheet("Metadane");
  meta.addRows([
    ["Tytuł", m.title],
    ["Opis", m.description],
    ["Identyfikator", m.identifier],
    ["Dostawca", m.publisher],
    ["Licencja", `${m.licence.name} — ${m.licence.url}`],
    ["Ostatnia modyfikacja", m.modified ?? ""],
    ["Częstotliwość aktualizacji", m.frequencyLabel],
    ["Lata", m.years.join(", ")],
    [],
    ["Kolumna", "Opis", "Typ"],
    ...dataset.columns.map((c) => [c.key, c.title, c.type]),
  ]);
  meta.getColumn(1).width = 28;
  meta.getColumn(2).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
