// Runs readAndParse in a worker thread with its own memory limit and a time limit: a file that
// takes too long or too much memory fails with a Polish message instead of hurting the server.
import { Worker } from "node:worker_threads";
import type { ReadAndParse } from "../report-reader/read-and-parse.ts";
import { ImportInputError } from "../report-reader/read-file.ts";

const WORKER = new URL("./import-worker.ts", import.meta.url);
const TIME_LIMIT_MS = 120_000;
const MEMORY_LIMIT_MB = 1024;

type Reply =
  | { ok: true; result: Awaited<ReturnType<ReadAndParse>> }
  | { ok: false; inputError: boolean; message: string };

export const readAndParseInWorker: ReadAndParse = (opts) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: opts,
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ImportInputError(
              "Odczyt pliku trwał zbyt długo i został przerwany. Spróbuj zapisać dokument w prostszej postaci (np. .docx bez obrazów albo .txt).",
            ),
          ),
        ),
      TIME_LIMIT_MS,
    );
    worker.once("message", (reply: Reply) =>
      finish(() => {
        if (reply.ok) resolve(reply.result);
        else
          reject(reply.inputError ? new ImportInputError(reply.message) : new Error(reply.message));
      }),
    );
    worker.once("error", (error) =>
      finish(() =>
        reject(
          /memory|heap/iu.test(String(error))
            ? new ImportInputError(
                "Odczyt pliku wymagał zbyt dużo pamięci i został przerwany. Podziel dokument na mniejsze części.",
              )
            : error,
        ),
      ),
    );
    worker.once("exit", (code) =>
      finish(() => reject(new Error(`Import worker stopped with code ${code}`))),
    );
  });
