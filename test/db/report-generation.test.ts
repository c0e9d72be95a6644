// The generated report read back as a reader would: the PDF's text page by page (pdfjs), its
// outline and PDF/A metadata, the DOCX's text and its Word structure (headings, bookmarks,
// PAGEREF fields, repeated table headers), and the HTML's content.
import { existsSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { importProposal } from "../../app/domain/import-drafts/drafts.ts";
import { makeValue } from "../../app/demo/factories.ts";
import { parseReportText } from "../../app/report-reader/parse-text.ts";
import { NotFoundError } from "../../app/domain/errors.ts";
import { generateReport } from "../../app/reports/generate.ts";
import { readReportData } from "../../app/domain/report-data/load.ts";
import { valueText } from "../../app/reports/layout.ts";
import type { ReportData } from "../../app/reports/model.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";
import { SEEDS_DIR, SEED_000, readSeed } from "../unit/report-reader/seeds.ts";

const seeds = existsSync(SEEDS_DIR + SEED_000);
const GENERATED_AT = new Date("2021-03-31T10:00:00Z");

const norm = (s: string) => s.replace(/\s+/gu, " ").trim();

async function pdfPages(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice() }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      norm(
        content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? " " : "") : "")).join(""),
      ),
    );
  }
  return { pdf, pages };
}

/** One file of a ZIP (DOCX) by name: enough of the format for a test. */
function unzipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    let p = buf.readUInt32LE(i + 16);
    const count = buf.readUInt16LE(i + 10);
    for (let n = 0; n < count; n++) {
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      const entry = buf.toString("utf8", p + 46, p + 46 + nameLen);
      if (entry === name) {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + size);
        return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
  }
  throw new Error(`${name} not in the archive`);
}

const allProjects = (data: ReportData) =>
  data.goals.flatMap((g) => g.directions.flatMap((d) => d.projects));

describe.each(engines())("report generation on %s", (engine) => {
  const database = useDatabase(engine);

  describe.skipIf(!seeds)("seed 000 as project cards", () => {
    let w: World;
    let documentId: string;
    let data: ReportData;
    beforeAll(async () => {
      w = await buildWorld(database.get());
      const summary = await importProposal({
        scope: w.scope("coordinator"),
        proposal: parseReportText(readSeed(SEED_000)),
        target: {
          newDocument: {
            kind: "strategy",
            title: "Strategia Rozwiązywania Problemów Społecznych",
            slug: "srps-raport",
            periodStart: 2016,
            periodEnd: 2025,
            resolutionNumber: null,
            resolutionDate: null,
            status: "in_force",
          },
        },
        year: 2020,
        sourceLabel: "import: test",
      });
      documentId = summary.documentId;
      data = await readReportData({ scope: w.scope("coordinator"), documentId, year: 2020 });
    });

    it("PDF: every project is in its goal's table of contents with the page its card is on", async () => {
      const report = await generateReport({
        scope: w.scope("coordinator"),
        documentId,
        year: 2020,
        layout: "cards",
        format: "pdf",
        options: { generatedAt: GENERATED_AT },
      });
      expect(report.contentType).toBe("application/pdf");
      expect(report.fileName).toBe("sprawozdanie-srps-raport-2020-karty-projektow.pdf");
      const { pdf, pages } = await pdfPages(report.bytes);
      const projects = allProjects(data);
      expect(projects).toHaveLength(124);
      let lastCardPage = 0;
      for (const p of projects) {
        const title = norm(p.title);
        // The table of contents row: "Lp Symbol Title Page".
        const row = new RegExp(`\\d+\\. ${escapeRe(p.symbol)} ${loose(title)} (\\d+)(?: |$)`, "u");
        const tocPage = pages.findIndex((t) => row.test(t));
        expect(tocPage, `TOC entry of ${p.symbol} ${title}`).toBeGreaterThanOrEqual(0);
        const printed = Number(row.exec(pages[tocPage]!)![1]);
        // The card's heading, searched from the previous card on (titles repeat across goals).
        const heading = `${title} [${p.symbol}]`;
        const cardPage =
          pages.findIndex((t, i) => i >= lastCardPage && squeeze(t).includes(squeeze(heading))) + 1;
        expect(cardPage, `card of ${heading}`).toBeGreaterThan(0);
        expect(printed, `page of ${heading}`).toBe(cardPage);
        lastCardPage = cardPage - 1;
      }
      // Headings form the bookmarks: goals at the top, project cards under them.
      const outline = await pdf.getOutline();
      const goals = outline.filter((o) => o.title.startsWith("Cel strategiczny"));
      expect(goals).toHaveLength(9);
      expect(goals.reduce((n, g) => n + g.items.length, 0)).toBe(124);
      expect(outline.map((o) => o.title)).toContain("Wykaz projektów zgłoszonych na 2021 r.");
      // PDF/A-2b, tagged.
      const meta = await pdf.getMetadata();
      expect(meta.metadata?.get("pdfaid:part")).toBe("2");
      expect(meta.metadata?.get("pdfaid:conformance")).toBe("B");
      expect((await pdf.getMarkInfo())?.Marked).toBe(true);
      expect(Buffer.from(report.bytes).toString("latin1")).toContain("/StructTreeRoot");
      // Polish figures and the next-year list.
      const text = pages.join(" ");
      expect(text).toContain("31.03.2021 r.");
      for (const e of data.nextYear) expect(text).toContain(norm(e.title));
      expect(data.nextYear.length).toBeGreaterThan(100);
    });

    it("DOCX: Word headings, bookmarks with PAGEREF fields, repeated header rows, all titles", async () => {
      const report = await generateReport({
        scope: w.scope("coordinator"),
        documentId,
        year: 2020,
        layout: "cards",
        format: "docx",
        options: { generatedAt: GENERATED_AT },
      });
      const xml = unzipEntry(report.bytes, "word/document.xml");
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(report.bytes) });
      const plain = norm(text);
      for (const p of allProjects(data)) expect(plain).toContain(norm(`${p.title} [${p.symbol}]`));
      expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBeGreaterThanOrEqual(11);
      expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBe(124);
      const bookmarks = new Set(
        [...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]),
      );
      const refs = [...xml.matchAll(/PAGEREF (projekt_\d+)/g)].map((m) => m[1]!);
      expect(refs).toHaveLength(124);
      for (const r of refs) expect(bookmarks.has(r)).toBe(true);
      expect(xml).toContain("TOC \\h \\o &quot;1-1&quot;");
      expect(xml).toContain("<w:tblHeader/>");
      const settings = unzipEntry(report.bytes, "word/settings.xml");
      expect(settings).toContain("w:updateFields");
    });

    it("HTML: same projects, one h1, a link from every table-of-contents entry to its card", async () => {
      const report = await generateReport({
        scope: w.scope("coordinator"),
        documentId,
        year: 2020,
        layout: "cards",
        format: "html",
        options: { generatedAt: GENERATED_AT },
      });
      const html = new TextDecoder().decode(report.bytes);
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      const links = [...html.matchAll(/<a href="#(projekt_\d+)">/g)].map((m) => m[1]!);
      expect(links).toHaveLength(124);
      for (const id of links) expect(html).toContain(`<h3 id="${id}">`);
      expect(report.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe("indicator tables", () => {
    let w: World;
    beforeAll(async () => {
      w = await buildWorld(database.get());
      // A second year makes a chart; the values are unpublished (a draft).
      await makeValue(database.get().db, w.tenant.id, w.indicator.id, 2019, {
        total: 1234567.5,
        contributions: [{ institutionId: w.instA.id, value: 1234567.5 }],
      });
    });

    it("puts values, contributions and findings where seed 003 has them; charts have a text alternative", async () => {
      const report = await generateReport({
        scope: w.scope("coordinator"),
        documentId: w.doc.id,
        year: 2020,
        layout: "indicators",
        format: "html",
        options: { generatedAt: GENERATED_AT, conclusions: "Wniosek: kontynuować." },
      });
      const html = new TextDecoder().decode(report.bytes);
      expect(html).toContain('<th scope="col">Wskaźniki realizacji celu operacyjnego</th>');
      expect(html).toContain("IA – 10, IB – 15");
      expect(html).toContain("<td>30</td>");
      expect(html).toContain("Wniosek: kontynuować.");
      // Total 30 ≠ 10 + 15: a draft lists the finding in its annex.
      expect(report.draft).toBe(true);
      expect(html).toContain("Niepotwierdzone uwagi z kontroli danych");
      expect(html).toMatch(/<svg role="img" aria-labelledby="wykres-1-tytul wykres-1-opis"/);
      expect(html).toContain("2019 r. – 1\u00a0234\u00a0567,5, 2020 r. – 30");

      const pdf = await generateReport({
        scope: w.scope("coordinator"),
        documentId: w.doc.id,
        year: 2020,
        layout: "indicators",
        format: "pdf",
        options: { generatedAt: GENERATED_AT },
      });
      const text = (await pdfPages(pdf.bytes)).pages.join(" ");
      expect(text).toContain("Proponowane kierunki działań");
      expect(text).toContain("IA – 10, IB – 15");
      // (norm() turns the no-break spaces of Polish numbers into plain ones.)
      expect(text).toContain("1 234 567,5");
    });

    it("a viewer's report holds published data only; an outsider gets nothing", async () => {
      const data = await readReportData({
        scope: w.scope("viewer"),
        documentId: w.doc.id,
        year: 2020,
      });
      const indicator = data.goals[0]!.directions[0]!.indicators[0]!;
      expect(indicator.value).toBeNull();
      expect(valueText(indicator)).toBe("–");
      const coordinator = await readReportData({
        scope: w.scope("coordinator"),
        documentId: w.doc.id,
        year: 2020,
      });
      expect(coordinator.goals[0]!.directions[0]!.indicators[0]!.value?.total).toBe(30);
      const outsider = { ...w.scope("viewer"), actor: { ...w.actors.viewer, membership: null } };
      await expect(
        readReportData({ scope: outsider, documentId: w.doc.id, year: 2020 }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});

/** Text compared as a reader sees it, wherever the lines happen to break. */
// Typst repeats a hyphen at the start of the next line when it breaks a word after it (Polish
// typography): "opiekuńczo-" / "-wychowawczą" reads as one word.
const squeeze = (s: string) => s.replace(/\s+/gu, "").replace(/--/gu, "-");

/** A regular expression of the text that allows a line break between any two characters. */
function loose(s: string): string {
  return [...s]
    .map((c) => (c === " " ? " ?" : c === "-" ? "-(?: ?-)? ?" : `${escapeRe(c)} ?`))
    .join("");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
