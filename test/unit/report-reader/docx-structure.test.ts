// DOCX read by its structure: headings by the document's own styles (a Polish "Tytuł zadania"
// style with an outline level, not Word's English "Heading 2"), a generated table of contents
// (Word's "toc 1" style, a TAB before the page number), cards without symbols recognised by
// their field labels in another order and with other wording, and a merged-cell table.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAndParse } from "../../../app/report-reader/read-and-parse.ts";
import { readReportDocument } from "../../../app/report-reader/read-file.ts";
import type { ReportDocument } from "../../../app/report-reader/html-to-text.ts";
import { docxStyleMap } from "../../../app/report-reader/docx-styles.ts";
import type { ImportProposal } from "../../../app/report-reader/types.ts";

let dir = "";
let proposal: ImportProposal;
let document: ReportDocument;

const contents = (title: string, page: number) =>
  new Paragraph({
    style: "Spis1",
    children: [new TextRun(title), new TextRun({ children: [new Tab(), String(page)] })],
  });
const task = (title: string) => new Paragraph({ style: "TytulZadania", text: title });
const field = (label: string, value: string) => [
  new Paragraph({ children: [new TextRun({ text: label, bold: true })] }),
  new Paragraph({ text: value }),
];
const cell = (text: string, vMerge?: "restart" | "continue") =>
  new TableCell({
    children: [new Paragraph({ text })],
    ...(vMerge
      ? {
          verticalMerge:
            vMerge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
        }
      : {}),
  });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "busola-docx-structure-"));
  const doc = new Document({
    styles: {
      paragraphStyles: [
        {
          id: "TytulZadania",
          name: "Tytuł zadania",
          basedOn: "Normal",
          paragraph: { outlineLevel: 1 },
        },
        { id: "Spis1", name: "toc 1", basedOn: "Normal" },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Spis treści" }),
          contents("Zadanie 1. Klub Seniora", 3),
          contents("Zadanie 2. Asystent rodziny", 4),
          contents("Wnioski", 5),
          new Paragraph({ text: "Realizacja zadań programu", heading: HeadingLevel.HEADING_1 }),
          task("Klub Seniora"),
          ...field("Realizatorzy:", "Miejski Ośrodek Pomocy Społecznej, Stowarzyszenie Senior"),
          ...field("Cel zadania:", "Aktywizacja osób starszych. Cel został osiągnięty."),
          ...field("Okres realizacji:", "od 2016 r., kontynuowane w 2021 r."),
          task("Asystent rodziny"),
          ...field("Adresaci:", "Rodziny przeżywające trudności opiekuńczo-wychowawcze."),
          ...field("Finansowanie:", "Budżet gminy, dotacja celowa z budżetu państwa."),
          ...field("Realizator zadania:", "MOPS – Dział Wsparcia Rodziny"),
          new Paragraph({ text: "Wskaźniki", heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({
                children: [cell("Cel operacyjny"), cell("Wskaźnik"), cell("2020"), cell("2021")],
              }),
              new TableRow({
                children: [
                  cell("1.1. Wsparcie rodzin", "restart"),
                  cell("liczba rodzin z asystentem"),
                  cell("40"),
                  cell("48"),
                ],
              }),
              new TableRow({
                children: [
                  cell("", "continue"),
                  cell("liczba asystentów rodziny"),
                  cell("4"),
                  cell("5"),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  const file = path.join(dir, "program.docx");
  await writeFile(file, await Packer.toBuffer(doc));
  proposal = (await readAndParse({ file })).proposal;
  document = await readReportDocument({ file });
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a DOCX read by its structure", () => {
  it("maps the document's own heading and contents styles", () => {
    const rules = docxStyleMap(
      '<w:styles><w:style w:type="paragraph" w:styleId="A"><w:name w:val="Tytuł celu"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="Podtytuł"/><w:basedOn w:val="A"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="T"><w:name w:val="toc 2"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="N"><w:name w:val="Normal"/></w:style></w:styles>',
    );
    expect(rules).toEqual([
      "p[style-name='Tytuł celu'] => h1:fresh",
      "p[style-name='Podtytuł'] => h1:fresh",
      "p[style-name='toc 2'] => p.busola-toc:fresh",
    ]);
  });

  it("gives the headings their levels and the contents a leader", () => {
    const lines = document.text.split("\n");
    const headings = document.headings.map((h) => [lines[h.line], h.level]);
    expect(headings).toEqual([
      ["Realizacja zadań programu", 1],
      ["Klub Seniora", 2],
      ["Asystent rodziny", 2],
      ["Wskaźniki", 1],
    ]);
    expect(lines).toContain("Zadanie 1. Klub Seniora ..... 3");
  });

  it("finds the cards by their field labels, titled by their headings, not by the contents", () => {
    expect(proposal.projects.map((p) => [p.symbol, p.title])).toEqual([
      ["P1", "Klub Seniora"],
      ["P2", "Asystent rodziny"],
    ]);
    expect(proposal.projects[0]?.fields.implementers).toBe(
      "Miejski Ośrodek Pomocy Społecznej, Stowarzyszenie Senior",
    );
    expect(proposal.projects[1]?.fields.addressees).toBe(
      "Rodziny przeżywające trudności opiekuńczo-wychowawcze.",
    );
    expect(proposal.projects[1]?.fields.implementers).toBe("MOPS – Dział Wsparcia Rodziny");
    expect(proposal.warnings.some((w) => w.includes("nie mają symboli"))).toBe(true);
  });

  it("reads the merged-cell table with a value per year", () => {
    expect(proposal.indicators.map((i) => [i.name, i.value, i.directionCode])).toEqual([
      ["liczba rodzin z asystentem", 48, "1.1"],
      ["liczba asystentów rodziny", 5, "1.1"],
    ]);
    expect(proposal.indicators[0]?.values?.map((v) => [v.year, v.value])).toEqual([
      [2020, 40],
      [2021, 48],
    ]);
  });
});
