// The DCAT-AP catalogue: the profile's mandatory properties are present for the catalogue,
// every dataset and every distribution, in JSON-LD and RDF/XML.
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../../app/domain/open-data/datasets.ts";
import { catalogueBody } from "../../../app/open-data/files.ts";
import { toXlsx } from "../../../app/open-data/xlsx.ts";
import ExcelJS from "exceljs";
import { fixturePublications } from "../../support/open-data-fixture.ts";

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Node[];

describe("DCAT-AP catalogue", () => {
  const body = catalogueBody([fixturePublications()], "https://busola.example.pl", "jsonld");
  const cat = JSON.parse(body.bytes.toString("utf8")) as Node;

  it("has the catalogue's mandatory properties", () => {
    expect(cat["@type"]).toBe("dcat:Catalog");
    for (const p of ["dct:title", "dct:description", "dct:publisher", "dcat:dataset"]) {
      expect(cat[p], p).toBeDefined();
    }
    expect((cat["@context"] as Node).dcat).toBe("http://www.w3.org/ns/dcat#");
  });

  it("every dataset has title, description, publisher, licence and distributions with accessURL", () => {
    const datasets = list(cat["dcat:dataset"]);
    expect(datasets).toHaveLength(4);
    for (const d of datasets) {
      expect(d["dct:title"]).toMatchObject({ "@language": "pl" });
      expect(d["dct:description"]).toBeDefined();
      expect(d["dct:publisher"]).toBeDefined();
      expect(d["dct:accrualPeriodicity"]).toEqual({
        "@id": "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
      });
      expect(d["dct:modified"]).toEqual({
        "@value": "2022-04-30T10:15:00.000Z",
        "@type": "xsd:dateTime",
      });
      const dists = list(d["dcat:distribution"]);
      expect(dists.map((x) => (x["dct:format"] as Node)["@id"])).toEqual([
        "http://publications.europa.eu/resource/authority/file-type/CSV",
        "http://publications.europa.eu/resource/authority/file-type/JSON",
        "http://publications.europa.eu/resource/authority/file-type/XLSX",
      ]);
      for (const x of dists) {
        expect((x["dcat:accessURL"] as Node)["@id"]).toMatch(
          /^https:\/\/busola\.example\.pl\/gminy\/leczna\/dane\/[a-z]+\.(csv|json|xlsx)$/,
        );
        expect(x["dct:license"]).toBeDefined();
      }
    }
  });

  it("RDF/XML says the same in well-formed XML", () => {
    const rdf = catalogueBody([fixturePublications()], "https://busola.example.pl", "rdf");
    const text = rdf.bytes.toString("utf8");
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(text.match(/<dcat:Dataset /g)).toHaveLength(4);
    expect(text.match(/<dcat:accessURL rdf:resource=/g)).toHaveLength(12);
    expect(text).toContain("Wartości wskaźników strategii i programów — Gmina Łęczna");
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  });
});

describe("XLSX", () => {
  it("has the CSV's header and cells (numbers as numbers) and a metadata sheet", async () => {
    const ds = buildDataset("budzety", fixturePublications());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(ds)) as never);
    const sheet = wb.getWorksheet("Dane")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ds.columns.map((c) => c.key));
    const kwota = ds.columns.findIndex((c) => c.key === "kwota") + 1;
    expect(sheet.getRow(2).getCell(kwota).value).toBe(1000000.16);
    expect(wb.getWorksheet("Metadane")!.getCell("B1").value).toContain("Gmina Łęczna");
  });
});
