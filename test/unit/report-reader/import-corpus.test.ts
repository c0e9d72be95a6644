// Accuracy on the corpus of documents in other layouts (test/fixtures/import-corpus): every
// kind of item at 95 % recall and precision or better, document facts right on 90 % of the
// documents. `npm run bench:import:accuracy` prints the same scores per document.
import { beforeAll, describe, expect, it } from "vitest";
import {
  KINDS,
  precision,
  readGolds,
  recall,
  scoreCorpus,
  total,
  type DocumentScore,
} from "../../support/import-corpus.ts";

let scores: DocumentScore[] = [];
beforeAll(async () => {
  scores = await scoreCorpus();
}, 120_000);

describe("import accuracy on the corpus", () => {
  it("holds at least eight documents, Word files with heading styles and tables among them", async () => {
    const golds = await readGolds();
    expect(golds.length).toBeGreaterThanOrEqual(8);
    expect(golds.filter((g) => g.file.endsWith(".docx")).length).toBeGreaterThanOrEqual(3);
    expect(golds.some((g) => g.file.endsWith(".pdf"))).toBe(true);
    expect(new Set(golds.map((g) => g.facts.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it.each(KINDS)("reads %s with recall and precision of at least 95 percent", (kind) => {
    const t = total(scores, kind);
    expect(t.gold).toBeGreaterThan(0);
    expect(recall(t)).toBeGreaterThanOrEqual(0.95);
    expect(precision(t)).toBeGreaterThanOrEqual(0.95);
  });

  it("gets the document facts right on 90 % of the documents", () => {
    const right = scores.filter((s) => s.tallies.facts.matched === s.tallies.facts.gold);
    expect(right.length / scores.length).toBeGreaterThanOrEqual(0.9);
  });
});
