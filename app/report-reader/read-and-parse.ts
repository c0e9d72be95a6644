// A report file to its text and the parser's proposal: the unit of work of an upload, run in a
// worker thread by the server (app/server/import-worker.ts) and in-process everywhere else.
import { parseReportText } from "./parse-text.ts";
import { readReportDocument, type ReadReportOptions } from "./read-file.ts";
import type { ImportProposal } from "./types.ts";

export type ReadAndParse = (
  opts: ReadReportOptions,
) => Promise<{ text: string; proposal: ImportProposal }>;

export const readAndParse: ReadAndParse = async (opts) => {
  const { text, headings } = await readReportDocument(opts);
  return { text, proposal: parseReportText(text, { headings }) };
};
