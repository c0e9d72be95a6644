// Titles and municipalities of real reports nobody here wrote (test/fixtures/import-corpus/blind):
// titles after page numbers and place-dates, over blank lines, run together with the body; and
// the register name a declined form regularly comes from.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { findMunicipality } from "../../../app/report-reader/document-facts.ts";
import { findTitle } from "../../../app/report-reader/document-title.ts";
import { isRegularForm } from "../../../app/report-reader/municipalities.ts";
import { splitLines } from "../../../app/report-reader/normalise.ts";
import { CORPUS_DIR } from "../../support/import-corpus.ts";

const head = async (file: string) =>
  splitLines(await readFile(`${CORPUS_DIR}blind/${file}`, "utf8")).slice(0, 60);

describe("report titles", () => {
  it("ends a title run together with the body after its year", async () => {
    expect(findTitle(await head("kluczbork-ngo-2015.txt"))).toBe(
      "SPRAWOZDANIE Z REALIZACJI PROGRAMU WSPÓŁPRACY GMINY KLUCZBORK Z ORGANIZACJAMI POZARZĄDOWYMI W ROKU 2015",
    );
  });

  it("finds a title after a place and its date", async () => {
    expect(findTitle(await head("leba-mops-2013.txt"))).toBe(
      "SPRAWOZDANIE Z DZIAŁALNOŚCI MIEJSKIEGO OŚRODKA POMOCY SPOŁECZNEJ W ŁEBIE ZA ROK 2013",
    );
  });

  it("joins a title set over lines with blank lines between them, without the place-date", async () => {
    expect(findTitle(await head("szczecinek-gops-2020.txt"))).toBe(
      "SPRAWOZDANIE z działalności Gminnego Ośrodka Pomocy Społecznej w Szczecinku za rok 2020",
    );
  });

  it("takes the document's own title over a web page's shorter heading", async () => {
    expect(findTitle(await head("wolin-ops-2016.txt"))).toBe(
      "SPRAWOZDANIE Z DZIAŁALNOŚCI OŚRODKA POMOCY SPOŁECZNEJ W WOLINIE ZA ROK 2016",
    );
  });
});

describe("regular case forms of municipality names", () => {
  it.each([
    ["Szczecinek", "Szczecinku", true],
    ["Szczecin", "Szczecinku", false],
    ["Łeba", "Łebie", true],
    ["Lębork", "Łebie", false],
    ["Sosnowiec", "Sosnowcu", true],
    ["Sosnówka", "Sosnowcu", false],
    ["Opole", "Opolu", true],
    ["Kraków", "Krakowa", true],
  ])("%s ← %s: %s", (nominative, written, expected) => {
    expect(isRegularForm(nominative, written)).toBe(expected);
  });
});

describe("the municipality of a title", () => {
  it.each([
    ["leba-mops-2013.txt", "2208021"],
    ["szczecinek-gops-2020.txt", "3215062"],
  ])("%s names TERYT %s", async (file, teryt) => {
    const lines = await head(file);
    expect(findMunicipality(findTitle(lines), lines.join("\n"))?.teryt).toBe(teryt);
  });
});
