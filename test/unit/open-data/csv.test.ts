// CSV as the Polish open-data standard asks: quoting, Polish text, ISO dates, dot decimals.
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../../app/domain/open-data/datasets.ts";
import { csvCell, plainNumber, toCsv } from "../../../app/open-data/csv.ts";
import { fixturePublications } from "../../support/open-data-fixture.ts";

function parseCsv(text: string): string[][] {
  // A strict RFC 4180 reader, independent of the writer.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("CSV", () => {
  it("quotes commas, quotes, line breaks and edge spaces, and nothing else", () => {
    expect(csvCell("Łódź")).toBe("Łódź");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('Klub „Rodzina” i "Dom"')).toBe('"Klub „Rodzina” i ""Dom"""');
    expect(csvCell("dwa\nwiersze")).toBe('"dwa\nwiersze"');
    expect(csvCell(" spacja")).toBe('" spacja"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("writes numbers with a dot, no grouping, never in exponent notation", () => {
    expect(csvCell(1588268.16)).toBe("1588268.16");
    expect(plainNumber(0.0000001)).toBe("0.0000001");
    expect(plainNumber(-12.5)).toBe("-12.5");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
  });

  it("a dataset: one header row, CRLF rows of equal width that read back to the same values", () => {
    const ds = buildDataset("projekty", fixturePublications());
    const text = toCsv(ds.columns, ds.rows);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(ds.columns.map((c) => c.key));
    expect(rows).toHaveLength(1 + ds.rows.length);
    for (const r of rows) expect(r).toHaveLength(ds.columns.length);
    const row = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
    expect(row.cel).toBe('Wsparcie rodzin, w tym "dzieci"');
    expect(row.adresaci).toBe("Rodziny\nz dziećmi");
    expect(row.budzet_ogolem).toBe("1588268.16");
    expect(row.data_publikacji).toBe("2022-04-30T10:15:00.000Z");
    expect(row.status).toBe("zrealizowany");
    expect(row.dokument).toBe("Strategia rozwiązywania problemów społecznych, „Łęczna 2030”");
  });

  it("a withheld count is an empty cell with the status „poniżej progu”, never the number", () => {
    const ds = buildDataset("wskazniki", fixturePublications());
    const rows = parseCsv(toCsv(ds.columns, ds.rows));
    const header = rows[0]!;
    const col = (r: string[], k: string) => r[header.indexOf(k)];
    const pcpr = rows.find((r) => col(r, "instytucja") === "PCPR")!;
    expect(col(pcpr, "wklad")).toBe("");
    expect(col(pcpr, "wklad_status")).toBe("poniżej progu");
    expect(col(pcpr, "wartosc")).toBe("25");
    const mops = rows.find((r) => col(r, "instytucja") === "MOPS, Dział Pomocy")!;
    expect(col(mops, "wklad")).toBe("23");
    expect(col(mops, "wklad_status")).toBe("");
    expect(col(mops, "wartosc_docelowa")).toBe("12.5");
  });
});
