// Reading an uploaded partner workbook: refuse what is not a safe XLSX of this partner, then
// check every input cell and list the differences against what is stored. Nothing is written.
import ExcelJS from "exceljs";
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { formatNumber } from "../format/polish-numbers.ts";
import { checkZipSizes, ZipFormatError } from "../report-reader/zip-entries.ts";
import type { CardFields } from "../domain/value-labels.ts";
import {
  CARD_CHOICES,
  CARD_COLUMNS,
  INDICATOR_COLUMNS,
  NO,
  YES,
  cardFieldLabel,
  columnLetter,
} from "./labels.ts";
import {
  SHEET_CARDS,
  SHEET_INDICATORS,
  SHEET_META,
  WORKBOOK_CARD_FIELDS,
  WORKBOOK_KIND,
  type CardUpdate,
  type ContributionUpdate,
  type FieldDiff,
  type PartnerWorkItems,
  type ReadResult,
  type WorkbookCardField,
  type WorkbookError,
} from "./types.ts";

/** A partner's workbook is tens of kilobytes; anything near this is not one. */
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
/** What the archive may inflate to altogether; more is a "zip bomb". */
export const MAX_WORKBOOK_UNZIPPED_BYTES = 50 * 1024 * 1024;
const MAX_TEXT = 20_000;

export class WorkbookFileError extends Error {}

const fileError = (message: string): ReadResult => ({
  changes: { cards: [], contributions: [] },
  errors: [{ sheet: null, cell: null, message }],
});

/** Opens the upload after the checks that must come before any parser sees it. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new WorkbookFileError("Plik jest pusty.");
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw new WorkbookFileError(
      `Plik jest za duży (${formatNumber(bytes.length / 1024 / 1024, { decimals: 1 })} MB). Arkusz z Busoli ma zwykle kilkadziesiąt kilobajtów — wgraj plik pobrany z Busoli, maksymalnie 5 MB.`,
    );
  }
  // XLSX is a ZIP archive: "PK\x03\x04". An old .xls, a CSV or a PDF starts otherwise.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new WorkbookFileError(
      "To nie jest plik XLSX. Zapisz arkusz w formacie „Skoroszyt programu Excel (.xlsx)” i wgraj go ponownie.",
    );
  }
  try {
    const { entries, total } = checkZipSizes(bytes, MAX_WORKBOOK_UNZIPPED_BYTES);
    if (total > MAX_WORKBOOK_UNZIPPED_BYTES) {
      throw new WorkbookFileError(
        "Plik po rozpakowaniu jest podejrzanie duży i nie zostanie otwarty. Wgraj arkusz pobrany z Busoli.",
      );
    }
    if (!entries.some((e) => e.name === "xl/workbook.xml")) {
      throw new WorkbookFileError(
        "To nie jest plik XLSX (brak skoroszytu w archiwum). Zapisz arkusz w formacie .xlsx i wgraj go ponownie.",
      );
    }
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw new WorkbookFileError(
        "Plik jest uszkodzony i nie da się go otworzyć. Zapisz go ponownie w formacie .xlsx.",
      );
    }
    throw error;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new WorkbookFileError(
      "Plik jest uszkodzony i nie da się go otworzyć. Zapisz go ponownie w formacie .xlsx.",
    );
  }
  return wb;
}

export async function readPartnerWorkbook(
  bytes: Uint8Array,
  items: PartnerWorkItems,
): Promise<ReadResult> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await openWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookFileError) return fileError(error.message);
    throw error;
  }
  return readLoadedWorkbook(wb, items);
}

type Raw = string | number | boolean | null;

/** A cell's value as typed: formulas by their result, rich text flattened, dates refused later. */
function raw(cell: ExcelJS.Cell): Raw | Date {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) {
      const r = v.result;
      return r === undefined || r === null || typeof r === "object" ? null : (r as Raw);
    }
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("error" in v) return null;
  }
  return String(v);
}

function text(cell: ExcelJS.Cell): string {
  const v = raw(cell);
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function rowIsEmpty(row: ExcelJS.Row, lastColumn: number): boolean {
  for (let c = 1; c <= lastColumn; c++) if (text(row.getCell(c)) !== "") return false;
  return true;
}

/** The hidden version column: empty (nothing stored at download) or a whole number. */
function readVersion(cell: ExcelJS.Cell): number | null | undefined {
  const v = raw(cell);
  if (v === null || v === "") return null;
  const n = typeof v === "number" ? v : Number(String(v));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function readLoadedWorkbook(wb: ExcelJS.Workbook, items: PartnerWorkItems): ReadResult {
  const errors: WorkbookError[] = [];
  const meta = wb.getWorksheet(SHEET_META);
  const cardsSheet = wb.getWorksheet(SHEET_CARDS);
  const indSheet = wb.getWorksheet(SHEET_INDICATORS);
  const metaValue = (key: string) => {
    if (!meta) return null;
    for (let r = 1; r <= meta.rowCount; r++) {
      if (text(meta.getRow(r).getCell(1)) === key) return text(meta.getRow(r).getCell(2));
    }
    return null;
  };
  if (!meta || metaValue("kind") !== WORKBOOK_KIND) {
    return fileError(
      "To nie jest arkusz sprawozdawczy pobrany z Busoli. Pobierz swój arkusz w Busoli, wpisz do niego dane i wgraj go z powrotem.",
    );
  }
  if (metaValue("institution") !== items.institution.id) {
    return fileError(
      `Ten arkusz przygotowano dla innej instytucji. Pobierz arkusz instytucji „${items.institution.name}” i wpisz dane do niego.`,
    );
  }
  if (metaValue("year") !== String(items.year)) {
    return fileError(
      `Ten arkusz dotyczy roku ${metaValue("year") ?? "innego"}, a sprawozdanie — roku ${items.year}. Pobierz arkusz na rok ${items.year}.`,
    );
  }
  for (const [sheet, name] of [
    [cardsSheet, SHEET_CARDS],
    [indSheet, SHEET_INDICATORS],
  ] as const) {
    if (!sheet) {
      errors.push({
        sheet: null,
        cell: null,
        message: `Brakuje arkusza „${name}”. Nie zmieniaj nazw arkuszy — pobierz plik ponownie, jeśli to konieczne.`,
      });
    }
  }
  if (errors.length) return { changes: { cards: [], contributions: [] }, errors };
  const cards = readCards(cardsSheet!, items, errors);
  const contributions = readContributions(indSheet!, items, errors);
  return { changes: { cards, contributions }, errors };
}

const at = (column: number, row: number) => `${columnLetter(column)}${row}`;

function readCards(sheet: ExcelJS.Worksheet, items: PartnerWorkItems, errors: WorkbookError[]) {
  const C = CARD_COLUMNS;
  const byProject = new Map(items.cards.map((c) => [c.projectId, c]));
  const found = new Map<string, { version: number | null; values: Partial<CardFields> }>();
  const seen = new Set<string>();
  const err = (column: number, row: number, message: string) =>
    errors.push({ sheet: SHEET_CARDS, cell: at(column, row), message });
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (rowIsEmpty(row, C.input)) continue;
    const projectId = text(row.getCell(C.projectId));
    const card = byProject.get(projectId);
    if (!card) {
      err(
        C.projectId,
        r,
        `Wiersz ${r} nie dotyczy żadnego z projektów Twojej instytucji. Nie dopisuj wierszy i nie kopiuj ich z innych plików — pobierz arkusz ponownie.`,
      );
      continue;
    }
    const field = text(row.getCell(C.field)) as WorkbookCardField;
    if (!WORKBOOK_CARD_FIELDS.includes(field)) {
      err(C.field, r, `Wiersz ${r}: nieznane pole karty. Pobierz arkusz ponownie.`);
      continue;
    }
    const version = readVersion(row.getCell(C.version));
    const entry = found.get(projectId) ?? { version: version ?? null, values: {} };
    if (version === undefined || version !== entry.version) {
      err(C.version, r, `Wiersz ${r}: zmieniono ukrytą kolumnę wersji. Pobierz arkusz ponownie.`);
      continue;
    }
    const key = `${projectId}/${field}`;
    if (seen.has(key)) {
      err(
        C.input,
        r,
        `Pole „${cardFieldLabel(field)}” projektu ${card.symbol} występuje w arkuszu dwa razy (wiersz ${r}). Usuń powtórzony wiersz.`,
      );
      continue;
    }
    seen.add(key);
    const cell = row.getCell(C.input);
    const value = raw(cell);
    if (value instanceof Date) {
      err(C.input, r, `Wpisz tekst, nie datę, np. „realizowany od 2007 r.”.`);
      continue;
    }
    const typed = value === null ? "" : String(value).trim();
    const choices = CARD_CHOICES[field];
    let stored: string | null = typed === "" ? null : typed;
    if (choices && stored !== null) {
      const hit = Object.entries(choices).find(
        ([k, label]) => label.toLowerCase() === typed.toLowerCase() || k === typed,
      );
      if (!hit) {
        err(
          C.input,
          r,
          `„${typed}” nie jest dozwoloną wartością pola „${cardFieldLabel(field)}”. Wybierz z listy: ${Object.values(choices).join(", ")}.`,
        );
        continue;
      }
      stored = hit[0];
    }
    if (stored !== null && stored.length > MAX_TEXT) {
      err(C.input, r, `Tekst jest za długi (ponad ${formatNumber(MAX_TEXT)} znaków). Skróć go.`);
      continue;
    }
    entry.values[field] = stored;
    found.set(projectId, entry);
  }
  const updates: CardUpdate[] = [];
  for (const [projectId, { version, values }] of found) {
    const card = byProject.get(projectId)!;
    const fields: CardFields = { ...card.fields, ...values };
    const changed = () =>
      WORKBOOK_CARD_FIELDS.filter((f) => (fields[f] ?? null) !== (card.fields[f] ?? null));
    // An untouched row of a card not written yet creates nothing; a written one needs a status.
    if (changed().length === 0) continue;
    if (fields.status === null) fields.status = "carried_out";
    const diffs: FieldDiff[] = changed().map((f) => ({
      field: f,
      label: cardFieldLabel(f),
      before: card.fields[f],
      after: fields[f],
    }));
    updates.push({
      kind: "card",
      projectId,
      symbol: card.symbol,
      title: card.title,
      version,
      stale: version !== card.version,
      fields,
      diffs,
    });
  }
  return updates;
}

function readContributions(
  sheet: ExcelJS.Worksheet,
  items: PartnerWorkItems,
  errors: WorkbookError[],
) {
  const C = INDICATOR_COLUMNS;
  const byIndicator = new Map(items.contributions.map((c) => [c.indicatorId, c]));
  const seen = new Set<string>();
  const updates: ContributionUpdate[] = [];
  const err = (column: number, row: number, message: string) =>
    errors.push({ sheet: SHEET_INDICATORS, cell: at(column, row), message });
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (rowIsEmpty(row, C.note)) continue;
    const indicatorId = text(row.getCell(C.indicatorId));
    const item = byIndicator.get(indicatorId);
    if (!item) {
      err(
        C.indicatorId,
        r,
        `Wiersz ${r} nie dotyczy żadnego ze wskaźników Twojej instytucji. Nie dopisuj wierszy i nie kopiuj ich z innych plików — pobierz arkusz ponownie.`,
      );
      continue;
    }
    if (seen.has(indicatorId)) {
      err(
        C.value,
        r,
        `Wskaźnik „${item.indicatorName}” występuje w arkuszu dwa razy (wiersz ${r}). Usuń powtórzony wiersz.`,
      );
      continue;
    }
    seen.add(indicatorId);
    const version = readVersion(row.getCell(C.version));
    if (version === undefined) {
      err(C.version, r, `Wiersz ${r}: zmieniono ukrytą kolumnę wersji. Pobierz arkusz ponownie.`);
      continue;
    }
    const cell = row.getCell(C.value);
    const v = raw(cell);
    let value: number | null = null;
    let approximate = false;
    if (v instanceof Date || typeof v === "boolean") {
      err(
        C.value,
        r,
        `Wartość w komórce ${at(C.value, r)} nie jest liczbą — wpisz na przykład 1 234,5.`,
      );
      continue;
    } else if (typeof v === "number") {
      if (!Number.isFinite(v)) {
        err(C.value, r, `Wartość nie jest liczbą — wpisz na przykład 1 234,5.`);
        continue;
      }
      value = v;
    } else if (v !== null) {
      const parsed = parsePolishNumber(v);
      if ("error" in parsed) {
        const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
        // The parser's own message names the two readings of "1.250"; keep that one.
        err(
          C.value,
          r,
          parsed.error.startsWith("Nie wiadomo")
            ? parsed.error
            : `Wartość „${shown}” nie jest liczbą — wpisz na przykład 1 234,5.`,
        );
        continue;
      }
      value = parsed.value;
      approximate = parsed.approximate;
    }
    if (value !== null && value < 0) {
      err(C.value, r, `Wartość nie może być ujemna — wpisz liczbę 0 lub większą.`);
      continue;
    }
    // Stored as numeric(16,2): more decimals would be rounded silently.
    if (value !== null && Math.round(value * 100) / 100 !== value) {
      err(C.value, r, `Wpisz wartość z najwyżej dwoma miejscami po przecinku.`);
      continue;
    }
    const flag = text(row.getCell(C.approximate)).toLowerCase();
    if (flag !== "" && flag !== YES && flag !== NO) {
      err(C.approximate, r, `W kolumnie „Przybliżona” wybierz „tak” albo „nie”.`);
      continue;
    }
    approximate = approximate || flag === YES;
    if (value === null) approximate = false;
    const noteText = text(row.getCell(C.note));
    if (noteText.length > MAX_TEXT) {
      err(C.note, r, `Tekst jest za długi (ponad ${formatNumber(MAX_TEXT)} znaków). Skróć go.`);
      continue;
    }
    const note = noteText === "" ? null : noteText;
    const diffs: FieldDiff[] = [];
    if (value !== item.value)
      diffs.push({
        field: "value",
        label: `Wartość (${item.unit})`,
        before: item.value,
        after: value,
      });
    if (approximate !== item.approximate)
      diffs.push({
        field: "approximate",
        label: "Wartość przybliżona",
        before: item.approximate,
        after: approximate,
      });
    if (note !== item.note)
      diffs.push({ field: "note", label: "Opis, uwagi", before: item.note, after: note });
    if (diffs.length === 0) continue;
    updates.push({
      kind: "contribution",
      indicatorId,
      indicatorName: item.indicatorName,
      version,
      stale: version !== item.version,
      value,
      approximate,
      note,
      diffs,
    });
  }
  return updates;
}
