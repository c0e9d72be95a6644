import { attachment } from "./forms/report-choice.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function workbookResponse(file: { fileName: string; bytes: Buffer }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": attachment(file.fileName),
      // Personal data of one institution: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
