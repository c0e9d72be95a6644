// Reading an uploaded partner workbook: refuse what is not a safe XLSX of this partner, then
// check every input cell and list the differences against what is stored. Nothing is written.
import type ExcelJS from "exceljs";
import { labelInUnit } from "../format/units.ts";
export {
  MAX_WORKBOOK_BYTES,
  MAX_WORKBOOK_UNZIPPED_BYTES,
  openWorkbook,
  WorkbookFileError,
} from "./open.ts";
import { parsePolishNumber } from "../format/polish-numbers.ts";
import { formatNumber } from "../format/polish-numbers.ts";
import { openWorkbook, WorkbookFileError } from "./open.ts";
import type { CardFields } from "../domain/value-labels.ts";
import {
  CARD_CHOICES,
  CARD_COLUMNS,
  INDICATOR_COLUMNS,
  NO,
  YES,
  cardFieldLabel,
  cardHeaders,
  columnLetter,
  indicatorHeaders,
} from "./labels.ts";
import {
  CellError,
  cellIsEmpty,
  cellText,
  cellValue,
  structureProblem,
  type Raw,
} from "./cells.ts";
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

const MAX_TEXT = 20_000;

const fileError = (message: string): ReadResult => ({
  changes: { cards: [], contributions: [] },
  errors: [{ sheet: null, cell: null, message }],
});

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

const raw = cellValue;
const text = cellText;

function rowIsEmpty(row: ExcelJS.Row, lastColumn: number): boolean {
  for (let c = 1; c <= lastColumn; c++) if (!cellIsEmpty(row.getCell(c))) return false;
  return true;
}

/** The cell's value, or its Polish error recorded at the cell and undefined. */
function valueOr(cell: ExcelJS.Cell, onError: (message: string) => void): Raw | Date | undefined {
  try {
    return raw(cell);
  } catch (e) {
    if (!(e instanceof CellError)) throw e;
    onError(e.message);
    return undefined;
  }
}

/** The hidden version column: empty (nothing stored at download) or a whole number. */
function readVersion(cell: ExcelJS.Cell): number | null | undefined {
  let v: Raw | Date;
  try {
    v = raw(cell);
  } catch (e) {
    if (e instanceof CellError) return undefined;
    throw e;
  }
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
  for (const [sheet, headers] of [
    [cardsSheet!, cardHeaders(items.year)],
    [indSheet!, indicatorHeaders(items.year)],
  ] as const) {
    const problem = structureProblem(sheet, headers);
    if (problem) errors.push({ sheet: sheet.name, cell: null, message: problem });
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
    const value = valueOr(row.getCell(C.input), (m) => err(C.input, r, m));
    if (value === undefined) continue;
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
    const v = valueOr(row.getCell(C.value), (m) => err(C.value, r, m));
    if (v === undefined) continue;
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
    const noteValue = valueOr(row.getCell(C.note), (m) => err(C.note, r, m));
    if (noteValue === undefined) continue;
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
        label: labelInUnit("Wartość", item.unit),
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
