// The server reads uploads in a worker thread: same result as in-process, same Polish errors.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAndParse } from "../../../app/report-reader/read-and-parse.ts";
import { ImportInputError } from "../../../app/report-reader/read-file.ts";
import { readAndParseInWorker } from "../../../app/server/import-in-worker.ts";
import { FIXTURES_DIR } from "./seeds.ts";

describe("reading an upload in a worker thread", () => {
  it("proposes what the in-process reader proposes", async () => {
    const file = path.join(FIXTURES_DIR, "relaid-cards.txt");
    const [inWorker, inProcess] = await Promise.all([
      readAndParseInWorker({ file }),
      readAndParse({ file }),
    ]);
    expect(inWorker.proposal.projects).toHaveLength(5);
    expect(inWorker).toEqual(inProcess);
  });

  it("passes the reader's Polish refusals through", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "busola-worker-"));
    const file = path.join(dir, "pusty.txt");
    await writeFile(file, "");
    const error = await readAndParseInWorker({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(/pusty/u);
  });
});
