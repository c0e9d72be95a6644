// The spreadsheet path of the reporting round (issue 5): a partner downloads a personal
// workbook, fills it offline and uploads it back; see each module for its part.
export { applyPartnerWorkbook, type ApplyResult, type WorkbookConflict } from "./apply.ts";
export { buildPartnerWorkbook } from "./build.ts";
export { loadPartnerWorkItems, mayActForInstitution } from "../domain/round-workbooks/load.ts";
export {
  cancelWorkbookUpload,
  confirmWorkbookUpload,
  getWorkbookRound,
  getWorkbookUpload,
  listWorkbookRounds,
  partnerWorkbookFile,
  receivePartnerWorkbook,
  type ConfirmResult,
  type StoredConflict,
} from "../domain/round-workbooks/uploads.ts";
export {
  MAX_WORKBOOK_BYTES,
  openWorkbook,
  readLoadedWorkbook,
  readPartnerWorkbook,
  WorkbookFileError,
} from "./read.ts";
export * from "./types.ts";
