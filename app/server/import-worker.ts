// Worker-thread entry: reads and parses one uploaded report away from the thread that serves
// requests, so a large DOCX or PDF does not stall everyone else's pages.
import { parentPort, workerData } from "node:worker_threads";
import { readAndParse } from "../report-reader/read-and-parse.ts";
import { ImportInputError, type ReadReportOptions } from "../report-reader/read-file.ts";

const opts = workerData as ReadReportOptions;
try {
  parentPort!.postMessage({ ok: true, result: await readAndParse(opts) });
} catch (error) {
  parentPort!.postMessage({
    ok: false,
    inputError: error instanceof ImportInputError,
    message: error instanceof Error ? error.message : String(error),
  });
}
