// Opening an uploaded workbook: the checks that must come before any parser sees the bytes
// (size, ZIP signature, unpacked size, a workbook inside), then exceljs.
import ExcelJS from "exceljs";
import { formatNumber } from "../format/polish-numbers.ts";
import { checkZipSizes, ZipFormatError } from "../report-reader/zip-entries.ts";

/** A partner's workbook is tens of kilobytes; anything near this is not one. */
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
/** What the archive may inflate to altogether; more is a "zip bomb". */
export const MAX_WORKBOOK_UNZIPPED_BYTES = 50 * 1024 * 1024;

export class WorkbookFileError extends Error {}

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
