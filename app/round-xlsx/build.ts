// The personal workbook of one partner: its items only, last year's values beside the inputs,
// a locked structure with only the input cells open, drop-down lists and number checks.
import { randomBytes } from "node:crypto";
import { labelInUnit, numberInUnit } from "../format/units.ts";
import ExcelJS from "exceljs";
import { formatDate, formatNumber } from "../format/polish-numbers.ts";
import {
  CARD_CHOICES,
  CARD_COLUMNS,
  INDICATOR_COLUMNS,
  NO,
  YES,
  cardFieldLabel,
  showCardField,
  cardHeaders,
  indicatorHeaders,
} from "./labels.ts";
import {
  SHEET_CARDS,
  SHEET_INDICATORS,
  SHEET_INSTRUCTIONS,
  SHEET_META,
  WORKBOOK_CARD_FIELDS,
  WORKBOOK_KIND,
  type ContributionItem,
  type PartnerWorkItems,
} from "./types.ts";

const INPUT_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFFF8DC" },
};
const REFERENCE_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};
const LONG_TEXT_FIELDS = new Set(["goalText", "addressees", "implementers", "stages", "effects"]);

// Excel's protection keeps the structure from being broken by accident; it is no security
// boundary (the reader checks every id anyway), so nobody needs to know the password.
async function lock(sheet: ExcelJS.Worksheet) {
  await sheet.protect(randomBytes(12).toString("hex"), {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
  });
}

function header(sheet: ExcelJS.Worksheet, titles: string[]) {
  const row = sheet.getRow(1);
  titles.forEach((t, i) => {
    const cell = row.getCell(i + 1);
    cell.value = t;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
  row.height = 32;
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

function listValidation(options: string[], title: string): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [`"${options.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: title,
    error: `Wybierz jedną z pozycji listy: ${options.join(", ")}.`,
  };
}

export async function buildPartnerWorkbook(items: PartnerWorkItems): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Busola";
  wb.created = new Date();
  wb.title = `Sprawozdanie ${items.year} — ${items.institution.name}`;
  const lastYear = items.year - 1;

  // --- Instrukcja ---
  const info = wb.addWorksheet(SHEET_INSTRUCTIONS, {
    properties: { tabColor: { argb: "FF1F4E79" } },
  });
  info.getColumn(1).width = 110;
  const lines: [string, Partial<ExcelJS.Font>?][] = [
    [`Sprawozdanie za rok ${items.year}`, { bold: true, size: 14 }],
    [`${items.tenantName} — ${items.documentTitle}`],
    [`Instytucja: ${items.institution.name}`, { bold: true }],
    [
      items.deadline
        ? `Termin przekazania danych: ${formatDate(items.deadline)}`
        : "Termin przekazania danych: zgodnie z pismem koordynatora.",
    ],
    [""],
    ["Jak wypełnić arkusz", { bold: true }],
    [
      `1. W arkuszu „${SHEET_CARDS}” uzupełnij karty projektów Twojej instytucji: wpisuj tylko w żółtych komórkach kolumny „Rok ${items.year}”. Szara kolumna pokazuje, co wpisano za rok ${lastYear}.`,
    ],
    [
      "2. Status projektu, ocenę osiągnięcia celu i kontynuację wybierz z listy rozwijanej w komórce.",
    ],
    [
      `3. W arkuszu „${SHEET_INDICATORS}” wpisz wartości wskaźników za rok ${items.year} — tylko wkład Twojej instytucji. Liczby wpisuj po polsku, np. 1 234,5. Wartość przybliżoną poprzedź „ok.” (np. ok. 600) albo wybierz „tak” w kolumnie „Przybliżona”.`,
    ],
    ["4. Pustą komórkę wartości Busola traktuje jako brak danych."],
    [
      "5. Nie zmieniaj nazw arkuszy, nie dodawaj ani nie usuwaj wierszy i nie kopiuj wierszy z innych plików — Busola odrzuci takie zmiany.",
    ],
    [
      "6. Zapisz plik w formacie .xlsx i wgraj go w Busoli. Przed zapisaniem zobaczysz listę zmian i potwierdzisz ją. Jeśli ktoś w międzyczasie zmienił te same dane w Busoli, nic nie zostanie nadpisane bez Twojej zgody.",
    ],
  ];
  for (const [text, font] of lines) {
    const row = info.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    if (font) row.getCell(1).font = font;
  }
  await lock(info);

  // --- Karty projektów: one row per card field, so long texts stay readable ---
  const cards = wb.addWorksheet(SHEET_CARDS);
  header(cards, cardHeaders(items.year));
  const widths = [38, 8, 14, 10, 40, 28, 50, 60];
  widths.forEach((w, i) => (cards.getColumn(i + 1).width = w));
  for (const c of [CARD_COLUMNS.projectId, CARD_COLUMNS.version, CARD_COLUMNS.field]) {
    cards.getColumn(c).hidden = true;
  }
  for (const card of items.cards) {
    for (const field of WORKBOOK_CARD_FIELDS) {
      const row = cards.addRow([
        card.projectId,
        card.version ?? "",
        field,
        card.symbol,
        card.title,
        cardFieldLabel(field),
        showCardField(field, card.lastYear?.[field] ?? null),
        showCardField(field, card.fields[field]),
      ]);
      for (let c = 1; c <= CARD_COLUMNS.input; c++) {
        row.getCell(c).alignment = { wrapText: true, vertical: "top" };
      }
      row.getCell(CARD_COLUMNS.lastYear).fill = REFERENCE_FILL;
      const input = row.getCell(CARD_COLUMNS.input);
      input.protection = { locked: false };
      input.fill = INPUT_FILL;
      const choices = CARD_CHOICES[field];
      if (choices) {
        input.dataValidation = listValidation(Object.values(choices), cardFieldLabel(field));
      }
      if (LONG_TEXT_FIELDS.has(field)) row.height = 60;
    }
  }
  await lock(cards);

  // --- Wskaźniki: one row per indicator this institution reports ---
  const ind = wb.addWorksheet(SHEET_INDICATORS);
  header(ind, indicatorHeaders(items.year));
  [38, 38, 8, 8, 10, 60, 14, 16, 16, 13, 40].forEach((w, i) => (ind.getColumn(i + 1).width = w));
  for (const c of [
    INDICATOR_COLUMNS.indicatorId,
    INDICATOR_COLUMNS.valueId,
    INDICATOR_COLUMNS.version,
  ]) {
    ind.getColumn(c).hidden = true;
  }
  for (const item of items.contributions) {
    const row = ind.addRow([
      item.indicatorId,
      item.valueId ?? "",
      item.version ?? "",
      item.goalCode,
      item.directionCode,
      item.indicatorName,
      item.unit,
      item.lastYearValue === null
        ? ""
        : `${item.lastYearApproximate ? "ok. " : ""}${formatNumber(item.lastYearValue)}`,
      item.value ?? "",
      item.approximate ? YES : NO,
      item.note ?? "",
    ]);
    row.getCell(INDICATOR_COLUMNS.name).alignment = { wrapText: true, vertical: "top" };
    row.getCell(INDICATOR_COLUMNS.lastYear).fill = REFERENCE_FILL;
    row.getCell(INDICATOR_COLUMNS.lastYear).alignment = { horizontal: "right", vertical: "top" };
    for (const c of [
      INDICATOR_COLUMNS.value,
      INDICATOR_COLUMNS.approximate,
      INDICATOR_COLUMNS.note,
    ]) {
      row.getCell(c).protection = { locked: false };
      row.getCell(c).fill = INPUT_FILL;
    }
    const value = row.getCell(INDICATOR_COLUMNS.value);
    value.numFmt = "#,##0.##";
    // A warning, not a refusal: "ok. 600" is a valid answer the reader understands.
    value.dataValidation = {
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Czy to liczba?",
      error: "Wpisz liczbę, np. 1 234,5. Wartość przybliżoną możesz wpisać jako „ok. 600”.",
      showInputMessage: true,
      promptTitle: labelInUnit("Wartość", item.unit),
      prompt: `Liczba za cały rok, tylko wkład Twojej instytucji.${targetNote(item)}`.slice(0, 255),
    };
    row.getCell(INDICATOR_COLUMNS.approximate).dataValidation = listValidation(
      [YES, NO],
      "Przybliżona",
    );
  }
  await lock(ind);

  const meta = wb.addWorksheet(SHEET_META, { state: "veryHidden" });
  meta.addRows([
    ["kind", WORKBOOK_KIND],
    ["institution", items.institution.id],
    ["year", items.year],
  ]);
  await lock(meta);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** " Wartość docelowa wskaźnika: 450 osoby; bazowa: 380 osoby (2019 r.)." — or nothing. */
function targetNote(item: ContributionItem): string {
  const parts: string[] = [];
  if (item.target !== null && item.target !== undefined)
    parts.push(`wartość docelowa wskaźnika: ${numberInUnit(formatNumber(item.target), item.unit)}`);
  if (item.baseline !== null && item.baseline !== undefined) {
    const year = item.baselineYear ? ` (${item.baselineYear} r.)` : "";
    parts.push(`bazowa: ${numberInUnit(formatNumber(item.baseline), item.unit)}${year}`);
  }
  if (parts.length === 0) return "";
  const text = parts.join("; ");
  return ` ${text[0]!.toUpperCase()}${text.slice(1)}${text.endsWith(".") ? "" : "."}`;
}
