// The import accuracy corpus (test/fixtures/import-corpus): documents in layouts the parser was
// not built on, each with a gold file of what a reviewer reads off it. Scored per document and
// per kind of item — facts, projects, implementers, indicators, contributions — as recall
// (gold items found) and precision (proposed items that are right). Used by the unit test and
// by `npm run bench:import:accuracy`.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { splitImplementers } from "../../app/report-reader/implementers.ts";
import { readAndParse } from "../../app/report-reader/read-and-parse.ts";
import type { ImportProposal } from "../../app/report-reader/types.ts";
import * as builders from "./import-corpus-docx.ts";
import { textToPdf } from "./typst-pdf.ts";

export const CORPUS_DIR = fileURLToPath(new URL("../fixtures/import-corpus/", import.meta.url));

export type Gold = {
  file: string;
  build?: keyof typeof builders;
  /** A PDF typeset from this text file of the corpus (the PDF reader's test helper). */
  pdfFrom?: string;
  layout: string;
  /** A real report nobody here wrote (test/fixtures/import-corpus/blind), gold written first. */
  blind?: boolean;
  source?: string;
  /** false: only the facts are scored; the parser's items must each carry a doubt. */
  itemsScored?: boolean;
  facts: {
    kind: string;
    municipality: string;
    teryt: string;
    year: number;
    program?: string;
    title?: string;
  };
  projects: { symbol?: string; title: string; implementers: string[] }[];
  indicators: { name: string; value: number }[];
  contributions: { indicator: string; institution: string; value: number }[];
};

export const KINDS = ["facts", "projects", "implementers", "indicators", "contributions"] as const;
export type Kind = (typeof KINDS)[number];
export type Tally = { gold: number; proposed: number; matched: number };
export type DocumentScore = {
  file: string;
  layout: string;
  blind: boolean;
  tallies: Record<Kind, Tally>;
  /** Items proposed without a doubt for the reviewer where the gold scores no items. */
  undoubted: number;
};

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[„”"«»]/gu, "")
    .replace(/\s+/gu, " ")
    .replace(/[.,;:]+$/u, "")
    .trim();

async function goldsIn(dir: string): Promise<Gold[]> {
  const names = (await readdir(CORPUS_DIR + dir)).filter((n) => n.endsWith(".gold.json")).sort();
  return Promise.all(
    names.map(async (n) => JSON.parse(await readFile(CORPUS_DIR + dir + n, "utf8")) as Gold),
  );
}

/** The corpus's gold files: the documents written here, then the blind ones. */
export async function readGolds(): Promise<Gold[]> {
  return [...(await goldsIn("")), ...(await goldsIn("blind/"))];
}

/** The parser's proposal for a corpus document (Word files are built into a temporary folder). */
export async function proposalOf(gold: Gold): Promise<ImportProposal> {
  if (!gold.build && !gold.pdfFrom) {
    return (await readAndParse({ file: CORPUS_DIR + gold.file })).proposal;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "busola-corpus-"));
  try {
    const file = path.join(dir, gold.file);
    const bytes = gold.build
      ? await builders[gold.build]()
      : textToPdf(await readFile(CORPUS_DIR + (gold.pdfFrom ?? ""), "utf8"));
    await writeFile(file, bytes);
    return (await readAndParse({ file })).proposal;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function tally(goldKeys: string[], proposedKeys: string[]): Tally {
  const pool = [...proposedKeys];
  let matched = 0;
  for (const g of goldKeys) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      matched++;
      pool.splice(k, 1);
    }
  }
  return { gold: goldKeys.length, proposed: proposedKeys.length, matched };
}

const NO_TALLY: Tally = { gold: 0, proposed: 0, matched: 0 };

function factsTally(gold: Gold, p: ImportProposal): Tally {
  const g = gold.facts;
  const goldKeys = [`kind:${g.kind}`, `m:${g.municipality}`, `t:${g.teryt}`, `y:${g.year}`];
  const proposed = [
    `kind:${p.document.kind}`,
    `m:${p.document.municipality ?? ""}`,
    `t:${p.document.teryt ?? ""}`,
    `y:${p.document.year ?? ""}`,
  ];
  // Program and title are scored where the gold names them.
  if (g.program !== undefined) {
    goldKeys.push(`p:${g.program}`);
    proposed.push(`p:${p.document.program ?? ""}`);
  }
  if (g.title !== undefined) {
    goldKeys.push(`title:${key(g.title)}`);
    proposed.push(`title:${key(p.document.title ?? "")}`);
  }
  return tally(goldKeys, proposed);
}

export function scoreDocument(gold: Gold, p: ImportProposal): DocumentScore {
  const facts = factsTally(gold, p);
  if (gold.itemsScored === false) {
    const undoubted = p.indicators.filter((i) => i.uncertain.length === 0).length;
    return {
      file: gold.file,
      layout: gold.layout,
      blind: gold.blind === true,
      tallies: {
        facts,
        projects: NO_TALLY,
        implementers: NO_TALLY,
        indicators: NO_TALLY,
        contributions: NO_TALLY,
      },
      undoubted: undoubted + p.projects.length,
    };
  }
  const projectKey = (symbol: string | undefined, title: string) => `${symbol ?? ""}|${key(title)}`;
  const projects = tally(
    gold.projects.map((g) => projectKey(g.symbol, g.title)),
    p.projects.map((x) =>
      projectKey(gold.projects.some((g) => g.symbol) ? x.symbol : undefined, x.title),
    ),
  );
  const implementers = tally(
    gold.projects.flatMap((g) => g.implementers.map((i) => `${key(g.title)}|${key(i)}`)),
    p.projects.flatMap((x) =>
      splitImplementers(x.fields.implementers).map((i) => `${key(x.title)}|${key(i.name)}`),
    ),
  );
  const indicators = tally(
    gold.indicators.map((g) => `${key(g.name)}=${g.value}`),
    p.indicators.map((i) => `${key(i.name)}=${i.value}`),
  );
  const contributions = tally(
    gold.contributions.map((g) => `${key(g.indicator)}|${key(g.institution)}=${g.value}`),
    p.indicators.flatMap((i) =>
      i.contributions.map((c) => `${key(i.name)}|${key(c.institution)}=${c.value}`),
    ),
  );
  return {
    file: gold.file,
    layout: gold.layout,
    blind: gold.blind === true,
    tallies: { facts, projects, implementers, indicators, contributions },
    undoubted: 0,
  };
}

export async function scoreCorpus(): Promise<DocumentScore[]> {
  const golds = await readGolds();
  const scores: DocumentScore[] = [];
  for (const gold of golds) scores.push(scoreDocument(gold, await proposalOf(gold)));
  return scores;
}

export const recall = (t: Tally): number => (t.gold === 0 ? 1 : t.matched / t.gold);
export const precision = (t: Tally): number => (t.proposed === 0 ? 1 : t.matched / t.proposed);

/** All documents' tallies of one kind added up. */
export function total(scores: DocumentScore[], kind: Kind): Tally {
  return scores.reduce(
    (sum, s) => ({
      gold: sum.gold + s.tallies[kind].gold,
      proposed: sum.proposed + s.tallies[kind].proposed,
      matched: sum.matched + s.tallies[kind].matched,
    }),
    { gold: 0, proposed: 0, matched: 0 },
  );
}
