// Whatever people type comes out of every report format: emoji, symbols, other scripts
// (right-to-left too), combining marks, lone surrogates (replaced by U+FFFD, the one change
// allowed) and 10 000-character texts. Random texts go into a card's text fields, an indicator
// value's remark and a project's title (its name), then the report is generated as HTML, DOCX
// and PDF. A fixed sample of every script is also read back from the PDF with pdftotext, and
// the PDF must embed the fallback fonts that draw it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  makeCard,
  makeDirection,
  makeDocument,
  makeGoal,
  makeIndicator,
  makeProject,
  makeValue,
} from "../../app/demo/factories.ts";
import { generateReport } from "../../app/reports/generate.ts";
import { typstString } from "../../app/reports/render-pdf.ts";
import type { ReportFormat, ReportLayout } from "../../app/reports/model.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";
import { unzipEntry } from "../support/unzip.ts";

const range = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));

/** One "character" of what people type; control characters are refused at input elsewhere. */
const unit = fc.oneof(
  range(0x20, 0x7e),
  fc.constantFrom(..."ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–—…§°±×€"),
  range(0x1f300, 0x1faff), // emoji
  fc.constantFrom("👍", "👍🏽", "👨‍👩‍👧", "🇵🇱", "❤️", "✔️"),
  range(0x2190, 0x27bf), // arrows, mathematical operators, technical, dingbats, misc symbols
  range(0x0300, 0x036f), // combining marks
  range(0x0400, 0x04ff), // Cyrillic
  range(0x0370, 0x03ff), // Greek
  range(0x05d0, 0x05ea), // Hebrew
  range(0x0621, 0x064a), // Arabic
  fc.constantFrom("\u200f", "\u200e", "\u202e", "\u200d", "\u00a0"), // direction marks, ZWJ
  range(0x4e00, 0x9fff), // CJK ideographs
  range(0x3040, 0x30ff), // kana
  range(0xac00, 0xd7a3), // Hangul
  range(0xd800, 0xdfff), // a lone surrogate half
);

const text = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit, minLength: 1, maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit, minLength: 1, maxLength: 4 })
      .map((s) => s.repeat(10_000).slice(0, 10_000)),
  },
);

/** What may come back: the text as typed, lone surrogates replaced by U+FFFD. */
const expected = (s: string) => s.toWellFormed().trim();

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of a DOCX's body: the runs' text joined per paragraph. */
function docxText(bytes: Uint8Array): string {
  const xml = unzipEntry(bytes, "word/document.xml");
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(""),
    )
    .join("\n");
}

/**
 * Lone surrogates never reach the database: a form is UTF-8, which cannot hold one (the
 * request's decoder gives U+FFFD, see below), and the workbook reader replaces them. So they
 * are stored replaced, as those readers would, and the renderers are tested with them directly.
 */
async function reportWith(w: World, typed: { fields: string[]; remark: string; title: string }) {
  const texts = {
    fields: typed.fields.map((t) => t.toWellFormed()),
    remark: typed.remark.toWellFormed(),
    title: typed.title.toWellFormed(),
  };
  const db = w.scope("admin").db;
  const doc = await makeDocument(db, w.tenant.id);
  const goal = await makeGoal(db, w.tenant.id, doc.id, { code: "C1", position: 1 });
  const dir = await makeDirection(db, w.tenant.id, goal.id, { code: "C1K1" });
  const project = await makeProject(db, w.tenant.id, dir.id, {
    symbol: "C1K1",
    title: texts.title,
    lead: w.instA.id,
  });
  const [goalText, effects, stages, evaluation, addressees] = texts.fields;
  await makeCard(db, w.tenant.id, project.id, 2020, {
    goalText,
    effects,
    stages,
    evaluation,
    addressees,
  });
  const indicator = await makeIndicator(db, w.tenant.id, dir.id, { unit: "osoby" });
  await makeValue(db, w.tenant.id, indicator.id, 2020, { total: 12, remarks: texts.remark });
  const out = async (layout: ReportLayout, format: ReportFormat) =>
    (
      await generateReport({
        scope: w.scope("coordinator"),
        documentId: doc.id,
        year: 2020,
        layout,
        format,
      })
    ).bytes;
  return out;
}

const SAMPLE = {
  fields: [
    "Zażółć gęślą jaźń 👍",
    "中文 日本語 한국어",
    "שלום עולם",
    "Привет Ελληνικά",
    "☃ ✓ ∑ → e\u0301 🜔 鿵 中\u0347",
  ],
  remark: "مرحبا بالعالم",
  title: "Projekt 👍🏽 \uD800 koniec",
};

describe("lone surrogates", () => {
  it("a form cannot carry one: the request decodes it as U+FFFD", async () => {
    const body = Buffer.concat([
      Buffer.from("t="),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from("x"),
    ]);
    const form = await new Request("http://localhost/", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }).formData();
    expect(form.get("t")).toMatch(/^\uFFFD+x$/);
  });

  it("the PDF source replaces one with U+FFFD", () => {
    expect(typstString("a\uD800b\uDC00")).toBe('"a\uFFFDb\uFFFD"');
    expect(typstString("👍")).toBe('"👍"');
  });
});

describe.each(engines())("any text in the report on %s", (engine) => {
  const database = useDatabase(engine);
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(database.get());
  });

  it("HTML and DOCX keep random Unicode as typed; the PDF never fails", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          fields: fc.array(text, { minLength: 5, maxLength: 5 }),
          remark: text,
          title: text,
        }),
        async (texts) => {
          const out = await reportWith(w, texts);
          const html = unescapeXml(new TextDecoder().decode(await out("cards", "html")));
          const docx = docxText(await out("cards", "docx"));
          for (const t of [...texts.fields, texts.title]) {
            expect(html).toContain(expected(t));
            expect(docx).toContain(expected(t));
          }
          const indicatorsHtml = unescapeXml(
            new TextDecoder().decode(await out("indicators", "html")),
          );
          expect(indicatorsHtml).toContain(expected(texts.remark));
          expect((await out("cards", "pdf")).byteLength).toBeGreaterThan(1000);
          expect((await out("indicators", "pdf")).byteLength).toBeGreaterThan(1000);
        },
      ),
      {
        numRuns: 15,
        endOnFailure: true,
        // Found by an earlier run: U+FFFD, a joiner and an emoji the fonts lack in one cluster.
        examples: [
          [
            {
              fields: [
                "鿶➵↘\u200d",
                "\u200dפ—\u200d\uda92づ*ł☝ą\u200e",
                "👨‍👩‍👧곉إゐ⍀めMץ",
                "↑👍🏽Ó▾ןϪ馩\u200d🖻づ",
                "ؽҿ\u202e҇óL⊙",
              ],
              remark: "🇵🇱あ\u200fnך͛😳",
              title: "\udd87ͤ⍘📦⋀",
            },
          ],
          // Long runs of combining marks everywhere (a run with seed 114265172 failed once on
          // such a title; not reproduced since — kept so every run tries it).
          [
            {
              fields: ["\u0301".repeat(10_000), "\u0364a".repeat(5_000), "c", "d", "e"],
              remark: "\u0301".repeat(10_000),
              title: "\u0301".repeat(10_000),
            },
          ],
        ],
      },
    );
  }, 600_000);

  it("the PDF draws every script with the shipped fallback fonts, text extractable", async () => {
    const out = await reportWith(w, SAMPLE);
    const dir = mkdtempSync(join(tmpdir(), "busola-unicode-"));
    const file = join(dir, "karty.pdf");
    writeFileSync(file, await out("cards", "pdf"));
    const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");
    for (const word of [
      "Zażółć",
      "👍",
      "中文",
      "日本語",
      "한국어",
      "Привет",
      "Ελληνικά",
      "☃",
      "✓",
      "∑",
      "\uFFFD",
    ])
      expect(pdfText).toContain(word);
    expect(pdfText).toMatch(/שלום|םולש/);
    const fonts = execFileSync("pdffonts", [file]).toString("utf8");
    // DejaVu Sans draws Latin, Cyrillic, Greek, Hebrew and basic Arabic itself.
    for (const font of ["DejaVuSans", "NotoSansCJK", "NotoEmoji", "NotoSansSymbols"])
      expect(fonts).toContain(font);
    expect(fonts).not.toMatch(/Type 3/);
  }, 120_000);
});
