// One cell of an uploaded workbook as the person sees it in Excel or LibreOffice: a formula by
// its cached result, rich text and hyperlinks by their text, dates as dates. What has no value
// to show (a formula never calculated, an error such as #DIV/0!, an unknown kind of cell) is a
// per-cell error in Polish — never a silent empty cell, never "[object Object]".
import type ExcelJS from "exceljs";

export type Raw = string | number | boolean | null;

export class CellError extends Error {}

type RichText = { richText: { text: string }[] };

function richText(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v && Array.isArray((v as RichText).richText))
    return (v as RichText).richText.map((r) => r.text ?? "").join("");
  return null;
}

function errorValue(v: unknown): string | null {
  if (v && typeof v === "object" && "error" in v) return String((v as { error: unknown }).error);
  return null;
}

const formulaError = (code: string) =>
  new CellError(
    `Formuła w tej komórce daje błąd ${code}. Popraw formułę albo wpisz samą wartość (bez „=”).`,
  );

/** The cell's value; throws CellError with a Polish message when it has none to show. */
export function cellValue(cell: ExcelJS.Cell): Raw | Date {
  const v: unknown = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.toWellFormed();
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v !== "object") return null;
  const rich = richText(v);
  if (rich !== null) return rich.toWellFormed();
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null)
      throw new CellError(
        "W tej komórce jest formuła bez obliczonej wartości. Wpisz samą wartość albo otwórz plik w Excelu lub LibreOffice, zapisz go i wgraj ponownie.",
      );
    if (result instanceof Date || typeof result === "number" || typeof result === "boolean")
      return result;
    if (typeof result === "string") return result.toWellFormed();
    const code = errorValue(result);
    if (code !== null) throw formulaError(code);
    const text = richText(result) ?? richText((result as { text?: unknown }).text);
    if (text !== null) return text.toWellFormed();
  }
  if ("hyperlink" in v || "text" in v) {
    const text = richText((v as { text?: unknown }).text);
    if (text !== null) return text.toWellFormed();
  }
  const code = errorValue(v);
  if (code !== null)
    throw new CellError(`Komórka zawiera błąd ${code}. Wpisz w niej wartość albo tekst.`);
  throw new CellError("Nie udało się odczytać tej komórki. Wpisz w niej zwykły tekst albo liczbę.");
}

/** The cell as trimmed text; a cell in error reads as "" (an id or a label, checked elsewhere). */
export function cellText(cell: ExcelJS.Cell): string {
  let v: Raw | Date;
  try {
    v = cellValue(cell);
  } catch (e) {
    if (e instanceof CellError) return "";
    throw e;
  }
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Nothing typed: empty, or only spaces. A cell in error is not empty. */
export function cellIsEmpty(cell: ExcelJS.Cell): boolean {
  try {
    const v = cellValue(cell);
    return v === null || (typeof v === "string" && v.trim() === "");
  } catch (e) {
    if (e instanceof CellError) return false;
    throw e;
  }
}

/**
 * Row 1 against the headers Busola wrote: a removed, added, moved or renamed column would make
 * the reader take one column's data for another's, so it stops the whole sheet.
 */
export function structureProblem(sheet: ExcelJS.Worksheet, expected: string[]): string | null {
  const row = sheet.getRow(1);
  for (let c = 1; c <= Math.max(expected.length, row.cellCount); c++) {
    const found = cellText(row.getCell(c));
    const want = expected[c - 1] ?? "";
    if (found !== want) {
      return want === ""
        ? `W arkuszu „${sheet.name}” dodano kolumnę (nagłówek „${found}”). Nie zmieniaj układu kolumn — pobierz arkusz ponownie i wpisz dane do nowego pliku.`
        : `W arkuszu „${sheet.name}” zmieniono układ kolumn: w kolumnie ${c} powinien być nagłówek „${want}”, jest „${found}”. Nie usuwaj, nie przenoś i nie zmieniaj nazw kolumn — pobierz arkusz ponownie i wpisz dane do nowego pliku.`;
    }
  }
  return null;
}
