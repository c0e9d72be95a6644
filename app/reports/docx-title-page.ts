// The DOCX title page: the municipality, the title in Word's Title style, who prepared it and
// when; "PROJEKT" above a draft and, for an example year, the words that its data are
// generated (decision 054). Apart from render-docx.ts to keep that file readable.
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, TextRun } from "docx";
import type { Block } from "./layout.ts";

const BLUE = "1F4E79";

export function titlePage(block: Extract<Block, { kind: "title" }>): Paragraph[] {
  return [
    ...(block.draft
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: "PROJEKT", bold: true, color: "A00000", size: 28 })],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1200, after: 1600 },
      children: [new TextRun({ text: block.municipality, bold: true, size: 32 })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: block.lines.flatMap((l, i) => [
        new TextRun({ text: l, break: i === 0 ? 0 : 1, size: i === 1 ? 40 : 30 }),
      ]),
    }),
    // An example year says so in words on its title page (decision 054).
    ...(block.example
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 800 },
            border: {
              top: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 4 },
              bottom: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 4 },
            },
            children: [
              new TextRun({ text: block.example.mark, bold: true, color: BLUE, size: 24 }),
              new TextRun({ text: block.example.note, break: 1, size: 22 }),
            ],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: block.example ? 1200 : 2400 },
      children: [new TextRun({ text: `Opracowanie: ${block.preparedBy}`, size: 22 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: false,
      children: [new TextRun({ text: block.date, size: 22 })],
    }),
  ];
}
