// Seed 000 as a real Word document (goals as Heading 1, project headers as Heading 2, the
// table of contents as paragraphs with dotted leaders): the reader must find every card, as it
// does in the text export — the issue measured 11 of 124 before.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAndParse } from "../../../app/report-reader/read-and-parse.ts";
import type { ImportProposal } from "../../../app/report-reader/types.ts";
import { seed000AsDocx } from "./seed-docx.ts";
import { SEED_000, normalise, readFixture, readSeed } from "./seeds.ts";

type Gold = { cards: { symbol: string; title: string }[] };
const gold = readFixture<Gold>("000-gold.json");

let dir = "";
let proposal: ImportProposal;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "busola-seed-docx-"));
  const file = path.join(dir, "ruda-2020.docx");
  await writeFile(
    file,
    await seed000AsDocx(
      readSeed(SEED_000),
      gold.cards.map((c) => c.title),
    ),
  );
  proposal = (await readAndParse({ file })).proposal;
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("seed 000 as a DOCX with heading styles and a paragraph table of contents", () => {
  it("finds 124 of 124 projects with their symbols and titles", () => {
    const found = proposal.projects.map((p) => `${p.symbol} ${normalise(p.title)}`);
    const expected = gold.cards.map((c) => `${c.symbol} ${normalise(c.title)}`);
    expect(found.filter((f) => expected.includes(f))).toHaveLength(124);
    expect(found).toHaveLength(124);
  });

  it("does not take contents lines for cards or for the next-year list", () => {
    expect(proposal.projects.some((p) => /^\d+\.?$/u.test(p.title.trim()))).toBe(false);
    expect(proposal.nextYearProjects.length).toBeGreaterThan(100);
    expect(proposal.document.year).toBe(2020);
  });

  it("reads the nine strategic goals", () => {
    expect(proposal.goals.map((g) => g.code)).toEqual([
      "C1",
      "C2",
      "C3",
      "C4",
      "C5",
      "C6",
      "C7",
      "C8",
      "C9",
    ]);
  });
});
