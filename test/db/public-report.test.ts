// The public version of a report (DOMAIN §6): published data only, and small counts of people
// withheld — the exact withheld figures are nowhere in the HTML, the PDF's text or the DOCX's
// text, and "poniżej progu" stands where they were. Counts at or above the threshold, amounts
// of money and zero stay as they are.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { makeIndicator, makeValue } from "../../app/demo/factories.ts";
import { generateReport } from "../../app/reports/generate.ts";
import type { ReportFormat } from "../../app/reports/model.ts";
import { engines, useDatabase } from "../support/db.ts";
import { buildWorld, type World } from "../support/world.ts";

const run = promisify(execFile);

/** The text a reader of the file sees, one space between words. */
async function textOf(bytes: Uint8Array, format: ReportFormat): Promise<string> {
  let text: string;
  if (format === "html") {
    text = new TextDecoder()
      .decode(bytes)
      .replace(/<style[\s\S]*?<\/style>/gu, " ")
      .replace(/<[^>]+>/gu, " ");
  } else if (format === "docx") {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } else {
    const dir = await mkdtemp(join(tmpdir(), "busola-public-"));
    await writeFile(join(dir, "r.pdf"), bytes);
    text = (await run("pdftotext", ["-enc", "UTF-8", join(dir, "r.pdf"), "-"])).stdout;
  }
  return text.replace(/[\s\u00a0]+/gu, " ");
}

describe.each(engines())("public report on %s", (engine) => {
  const database = useDatabase(engine);
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(database.get());
    const db = database.get().db;
    // The world's own value (30 = IA 10 + IB 15) is unpublished: a public report leaves it out.
    const families = await makeIndicator(db, w.tenant.id, w.dir1.id, {
      name: "liczba rodzin objętych asystą",
      unit: "rodziny",
      position: 1,
    });
    await makeValue(db, w.tenant.id, families.id, 2020, {
      total: 40,
      published: true,
      contributions: [
        { institutionId: w.instA.id, value: 7 },
        { institutionId: w.instB.id, value: 33 },
      ],
    });
    const cases = await makeIndicator(db, w.tenant.id, w.dir1.id, {
      name: "liczba procedur Niebieskiej Karty",
      unit: "sprawy",
      position: 2,
    });
    await makeValue(db, w.tenant.id, cases.id, 2020, {
      total: 9,
      published: true,
      contributions: [
        { institutionId: w.instA.id, value: 9 },
        { institutionId: w.instB.id, value: 0 },
      ],
    });
    const money = await makeIndicator(db, w.tenant.id, w.dir1.id, {
      name: "kwota dofinansowania kolonii",
      unit: "zł",
      position: 3,
    });
    await makeValue(db, w.tenant.id, money.id, 2020, {
      total: 8,
      published: true,
      contributions: [{ institutionId: w.instA.id, value: 8 }],
    });
  });

  const make = (format: ReportFormat, publicBelow?: number) =>
    generateReport({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2020,
      layout: "indicators",
      format,
      options:
        publicBelow === undefined ? {} : { publishedOnly: true, suppressCountsBelow: publicBelow },
    }).then((r) => textOf(r.bytes, format));

  it("the full version prints every figure, published or not", async () => {
    const full = await make("html");
    expect(full).toContain("IA – 10, IB – 15");
    expect(full).toContain("IA – 7, IB – 33");
    expect(full).toContain("IA – 9, IB – 0");
    expect(full).not.toContain("IA – poniżej progu");
  });

  it.each(["html", "pdf", "docx"] as const)(
    "%s: counts below 12 are withheld, the rest printed; unpublished data left out",
    async (format) => {
      const text = await make(format, 12);
      // 7 families and 9 cases are below the threshold; 33, 40 and 0 are not.
      expect(text).not.toContain("IA – 7");
      expect(text).toContain("IA – poniżej progu, IB – 33");
      expect(text).not.toContain("IA – 9");
      expect(text).toContain("IA – poniżej progu, IB – 0");
      // The total 9 is withheld too, in the value column; the total 40 is printed.
      expect(text).toContain("Niebieskiej Karty poniżej progu IA, IB");
      expect(text).toContain("asystą 40 IA, IB");
      // Money is not personal data.
      expect(text).toContain("IA – 8,00 zł");
      // Published data only: the unpublished value (30 = 10 + 15) is not in the public version.
      expect(text).not.toContain("IA – 10");
      expect(text).not.toContain("IB – 15");
    },
  );

  it("the public PDF is a valid PDF/A with every font embedded", async () => {
    const report = await generateReport({
      scope: w.scope("coordinator"),
      documentId: w.doc.id,
      year: 2020,
      layout: "indicators",
      format: "pdf",
      options: { publishedOnly: true, suppressCountsBelow: 12 },
    });
    const dir = await mkdtemp(join(tmpdir(), "busola-pdfa-"));
    const file = join(dir, "r.pdf");
    await writeFile(file, report.bytes);
    // qpdf exits non-zero on a damaged file; pdffonts lists each font with "emb" yes/no.
    const check = await run("qpdf", ["--check", file]);
    expect(check.stdout).toContain("No syntax or stream encoding errors found");
    const fonts = (await run("pdffonts", [file])).stdout.trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/u).slice(-5, -4)[0], line).toBe("yes");
    expect(Buffer.from(report.bytes).toString("latin1")).toContain("pdfaid:part");
  });

  it("the threshold decides: at 5 the same counts are printed", async () => {
    const text = await make("html", 5);
    expect(text).toContain("IA – 7, IB – 33");
    expect(text).toContain("IA – 9, IB – 0");
    expect(text).not.toContain("IA – poniżej progu");
  });

  it("a count equal to the threshold is printed, one below it is withheld", async () => {
    const at9 = await make("html", 9);
    expect(at9).toContain("IA – poniżej progu, IB – 33");
    expect(at9).toContain("IA – 9, IB – 0");
    const at10 = await make("html", 10);
    expect(at10).toContain("IA – poniżej progu, IB – 0");
  });
});
