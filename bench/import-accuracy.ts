// `npm run bench:import:accuracy`: the import accuracy corpus (test/fixtures/import-corpus),
// recall and precision per document and per kind of item. Timing is bench/import.ts.
import {
  KINDS,
  precision,
  recall,
  scoreCorpus,
  total,
  type DocumentScore,
  type Tally,
} from "../test/support/import-corpus.ts";

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
const cell = (t: Tally) =>
  t.gold === 0 && t.proposed === 0
    ? "      —        ".padEnd(17)
    : `${pct(recall(t))} / ${pct(precision(t))}`.padEnd(17);

const all = await scoreCorpus();
const factsRight = (list: DocumentScore[]) =>
  list.filter((s) => s.tallies.facts.matched === s.tallies.facts.gold).length;

function print(title: string, scores: DocumentScore[]) {
  console.log(`${title}: recall / precision per document (${scores.length} documents)\n`);
  console.log(`${"document".padEnd(40)}${KINDS.map((k) => k.padEnd(17)).join(" ")}`);
  for (const s of scores) {
    const extra = s.undoubted > 0 ? `  ${s.undoubted} items without a doubt` : "";
    console.log(`${s.file.padEnd(40)}${KINDS.map((k) => cell(s.tallies[k])).join(" ")}${extra}`);
  }
  console.log(`${"all".padEnd(40)}${KINDS.map((k) => cell(total(scores, k))).join(" ")}`);
  for (const k of KINDS) {
    const t = total(scores, k);
    console.log(
      `${k}: ${t.matched} of ${t.gold} gold found, ${t.matched} of ${t.proposed} proposed right`,
    );
  }
  console.log(`documents with every fact right: ${factsRight(scores)} of ${scores.length}\n`);
}

print(
  "written here",
  all.filter((s) => !s.blind),
);
print(
  "blind (real reports, gold written first)",
  all.filter((s) => s.blind),
);
