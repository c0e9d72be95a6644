// DOCX and HTML readers: they must turn a document into the same text form as the plain-text
// exports, so that parseReportText reads the same indicators and cards from either. DOCX
// fixtures are generated here with the `docx` library (no binary files in the repository).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  type FileChild,
} from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlToText } from "../../../app/report-reader/html-to-text.ts";
import { parseReportText } from "../../../app/report-reader/parse-text.ts";
import { ImportInputError, readReportFile } from "../../../app/report-reader/read-file.ts";
import { readZipEntries } from "../../../app/report-reader/zip-entries.ts";
import type { ImportProposal } from "../../../app/report-reader/types.ts";
import { SEED_000, SEED_003, readFixture, readSeed, seedsAvailable } from "./seeds.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "busola-readers-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writeTemp(name: string, data: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, data);
  return file;
}

async function docxFile(name: string, children: FileChild[]): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return writeTemp(name, bytes);
}

const escapeHtml = (s: string): string =>
  s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

/** What the comparisons look at: indicator rows without their source line numbers. */
const indicatorRows = (p: ImportProposal) =>
  p.indicators.map((i) => ({
    name: i.name,
    value: i.value,
    goalCode: i.goalCode,
    directionCode: i.directionCode,
    contributions: i.contributions,
  }));

const cardRows = (p: ImportProposal) =>
  p.projects.map((c) => ({ symbol: c.symbol, title: c.title }));

describe("htmlToText", () => {
  it("turns block elements into lines and table rows into TAB-separated cells", () => {
    const html = `<h1>Sprawozdanie</h1><p>Pierwszy <b>akapit</b>,
      dalej<br>druga linia</p><ul><li>jeden</li><li>dwa</li></ul>
      <table><thead><tr><th>Lp</th><th>Wskaźnik</th><th>Wartość</th></tr></thead>
      <tbody><tr><td>1.1</td><td><p>liczba</p><p>osób   objętych</p></td><td>12</td></tr></tbody></table>
      <div>koniec</div>`;
    expect(htmlToText(html)).toBe(
      [
        "Sprawozdanie",
        "Pierwszy akapit, dalej",
        "druga linia",
        "jeden",
        "dwa",
        "Lp\tWskaźnik\tWartość",
        "1.1\tliczba osób objętych\t12",
        "koniec",
        "",
      ].join("\n"),
    );
  });

  it("keeps columns aligned under merged cells", () => {
    const html = `<table>
      <tr><td rowspan="3">3.1</td><td>a</td><td rowspan="2">X</td><td>1</td></tr>
      <tr><td>b</td><td>2</td></tr>
      <tr><td colspan="2">c</td><td>3</td></tr></table>`;
    expect(htmlToText(html).split("\n")).toEqual(["3.1\ta\tX\t1", "\tb\t\t2", "\tc\t\t3", ""]);
  });

  it("drops script, style, noscript and template content and never runs it", () => {
    const html = `<p>przed</p><script>globalThis.pwned = true; document.write("x")</script>
      <style>p { color: red }</style><noscript>włącz JS</noscript><template><p>szablon</p></template>
      <p>po<script>alert(1)</script></p>`;
    expect(htmlToText(html)).toBe("przed\npo\n");
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it("decodes entities", () => {
    expect(
      htmlToText("<p>&bdquo;Szko&#322;a&nbsp;Rodzin&rdquo; &amp; MOPS &lt;1&gt; &#x15B;</p>"),
    ).toBe("„Szkoła\u00a0Rodzin” & MOPS <1> ś\n");
  });

  it("gives an empty string for a document without text", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText("<html><head><title>x</title></head><body> <p> </p></body></html>")).toBe("");
  });
});

// --- Minimal ZIP writer for the archive tests (real DOCX files come from the docx library). ---

type ZipInput = { name: string; data: Uint8Array; declaredSize?: number };

function zip(entries: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const compressed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe("readReportFile — refusals", () => {
  const refusal = async (file: string, opts: { maxUncompressedBytes?: number } = {}) => {
    const error: unknown = await readReportFile({ file, ...opts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    return (error as Error).message;
  };

  it("refuses a corrupted DOCX with a Polish message, not a stack trace", async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const file = await writeTemp("zepsuty.docx", random);
    expect(await refusal(file)).toMatch(/^Plik nie jest poprawnym dokumentem Word \(DOCX\)/u);
  });

  it("refuses a DOCX cut short", async () => {
    const bytes = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph("Sprawozdanie")] }] }),
    );
    const whole = await writeTemp("cały.docx", bytes);
    expect(await readReportFile({ file: whole })).toBe("Sprawozdanie\n");
    const file = await writeTemp("ucięty.docx", bytes.subarray(0, bytes.length - 40));
    expect(await refusal(file)).toMatch(/^Plik nie jest poprawnym dokumentem Word \(DOCX\)/u);
  });

  it("refuses a ZIP without word/document.xml", async () => {
    const file = await writeTemp(
      "bez-dokumentu.docx",
      zip([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }]),
    );
    expect(await refusal(file)).toMatch(/^Plik nie jest poprawnym dokumentem Word \(DOCX\)/u);
  });

  it("refuses an archive that declares more than maxUncompressedBytes", async () => {
    const bytes = zip([
      { name: "word/document.xml", data: Buffer.alloc(5000, 0x20) },
      { name: "word/media/a.bin", data: Buffer.alloc(100) },
    ]);
    expect(readZipEntries(bytes).map((e) => [e.name, e.uncompressedSize])).toEqual([
      ["word/document.xml", 5000],
      ["word/media/a.bin", 100],
    ]);
    const file = await writeTemp("bomba.docx", bytes);
    expect(await refusal(file, { maxUncompressedBytes: 4096 })).toMatch(
      /po rozpakowaniu miałby 5 KB, a limit to 4 KB/u,
    );
  });

  it("refuses an archive whose entries hold more than they declare", async () => {
    const file = await writeTemp(
      "klamie.docx",
      zip([{ name: "word/document.xml", data: Buffer.alloc(1_000_000, 0x20), declaredSize: 100 }]),
    );
    expect(await refusal(file)).toMatch(/więcej danych, niż deklaruje/u);
  });

  it("refuses an empty or text-less HTML page", async () => {
    expect(await refusal(await writeTemp("pusty.html", ""))).toMatch(/pusty/u);
    expect(
      await refusal(await writeTemp("bez-tekstu.htm", "<html><script>x()</script></html>")),
    ).toMatch(/^Strona HTML nie zawiera tekstu/u);
  });

  it("refuses an unknown format and names the ones it reads", async () => {
    const file = await writeTemp("raport.odt", "x");
    expect(await refusal(file)).toMatch(
      /^Format \.odt nie jest obsługiwany.*PDF z warstwą tekstową/u,
    );
  });

  it("reads an HTML page saved in windows-1250", async () => {
    const page = `<meta charset="windows-1250"><p>Zażółć</p>`;
    // windows-1250: ż=0xBF, ó=0xF3, ł=0xB3, ć=0xE6
    const bytes = Buffer.from(page.replace("Zażółć", "Za\u00bf\u00f3\u00b3\u00e6"), "latin1");
    const file = await writeTemp("cp1250.html", bytes);
    expect(await readReportFile({ file })).toBe("Zażółć\n");
  });
});

const available = seedsAvailable();

describe.skipIf(!available)("DOCX and HTML versions of the seed documents", () => {
  // Seed 003: the heading and table of strategic goal 3 (TAB-separated, header row first).
  const slice003 = () => {
    const lines = readSeed(SEED_003).split(/\r?\n/u);
    const start = lines.findIndex((l) => l.startsWith("Cel strategiczny 3."));
    const end = lines.findIndex((l) => l.startsWith("Cel strategiczny 4."));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const heading = (lines[start] ?? "").trim();
    const rows = lines
      .slice(start + 1, end)
      .filter((l) => l.includes("\t"))
      .map((l) => l.split("\t"));
    return { heading, rows, text: [heading, ...rows.map((r) => r.join("\t"))].join("\n") + "\n" };
  };

  it("seed 003 table as a Word table: the same indicator rows as the text", async () => {
    const { heading, rows, text } = slice003();
    const expected = parseReportText(text);
    expect(expected.indicators.length).toBeGreaterThanOrEqual(20);
    // Word merges the goal's Lp, title and directions cells down its continuation rows.
    const MERGED = 3;
    const starts = (r: string[]) => r.slice(0, MERGED).some((c) => c.trim() !== "");
    const tableRows = rows.map((cells, r) => {
      let span = 1;
      if (r > 0 && starts(cells)) while (rows[r + span] && !starts(rows[r + span] ?? [])) span++;
      const covered = r > 0 && !starts(cells);
      return new TableRow({
        tableHeader: r === 0,
        children: cells
          .map((c, i) =>
            covered && i < MERGED
              ? null
              : new TableCell({
                  children: [new Paragraph(c)],
                  ...(i < MERGED && span > 1 ? { rowSpan: span } : {}),
                }),
          )
          .filter((c): c is TableCell => c !== null),
      });
    });
    const file = await docxFile("cel-3.docx", [
      new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
      new Table({ rows: tableRows }),
    ]);
    const parsed = parseReportText(await readReportFile({ file }));
    expect(indicatorRows(parsed)).toEqual(indicatorRows(expected));
    expect(parsed.goals.map((g) => g.code)).toEqual(expected.goals.map((g) => g.code));
  });

  it("seed 003 table as an HTML page with a script inside: the same indicator rows", async () => {
    const { heading, rows, text } = slice003();
    const expected = parseReportText(text);
    const tr = (cells: string[], tag: string) =>
      `<tr>${cells.map((c) => `<${tag}><p>${escapeHtml(c)}</p></${tag}>`).join("")}</tr>`;
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Raport</title>
      <style>td { border: 1px solid }</style></head><body>
      <h2>${escapeHtml(heading)}</h2><script>throw new Error("never run")</script>
      <table><thead>${tr(rows[0] ?? [], "th")}</thead>
      <tbody>${rows
        .slice(1)
        .map((r) => tr(r, "td"))
        .join("\n")}</tbody></table></body></html>`;
    const file = await writeTemp("cel-3.html", html);
    const parsed = parseReportText(await readReportFile({ file }));
    expect(indicatorRows(parsed)).toEqual(indicatorRows(expected));
  });

  it("seed 000 project cards as Word paragraphs with heading titles: the same cards", async () => {
    const gold = readFixture<{ cards: { line: number }[] }>("000-gold.json").cards;
    const lines = readSeed(SEED_000).split(/\r?\n/u);
    const firstCard = (gold[0]?.line ?? 0) - 1;
    const end = (gold[4]?.line ?? 0) - 1; // four cards
    let start = firstCard;
    while (start > 0 && !/^C\d+\s*$/u.test(lines[start] ?? "")) start--;
    expect(start).toBeGreaterThan(0);
    const slice = lines.slice(start, end).filter((l) => l.trim() !== "");
    const text = slice.join("\n") + "\n";
    const expected = parseReportText(text);
    expect(expected.projects.length).toBe(4);
    const file = await docxFile(
      "karty.docx",
      slice.map((line) =>
        /\[C\d+K\d+\]/u.test(line)
          ? new Paragraph({ text: line.trim(), heading: HeadingLevel.HEADING_3 })
          : new Paragraph(line.trim()),
      ),
    );
    const parsed = parseReportText(await readReportFile({ file }));
    expect(cardRows(parsed)).toEqual(cardRows(expected));
    expect(parsed.goals).toEqual(expected.goals);
  });
});
