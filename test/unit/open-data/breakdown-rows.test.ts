// The breakdowns dataset: one row per part of a value or of a contribution, after the same
// suppression every public output gets (a small part, and the part that would reveal it).
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../../app/domain/open-data/datasets.ts";
import { suppressSnapshot } from "../../../app/domain/publication/suppress.ts";
import type { PublicSnapshot } from "../../../app/domain/publication/types.ts";
import { fixturePublications } from "../../support/open-data-fixture.ts";

function publicationsWithParts(below: number) {
  const pubs = fixturePublications();
  const year = pubs.years[0]!;
  const snapshot = structuredClone(year.data) as unknown as PublicSnapshot;
  const value = snapshot.goals[0]!.directions[0]!.indicators[0]!.value!;
  value.contributions = [
    {
      institution: "MOPS",
      value: 25,
      approximate: false,
      note: null,
      parts: [{ dimension: "of_which", label: "dzieci", value: 9 }],
    },
  ];
  value.parts = [
    { dimension: "sex", label: "kobiety", value: 22 },
    { dimension: "sex", label: "mężczyźni", value: 3 },
    { dimension: "district", label: "Śródmieście", value: 15 },
    { dimension: "district", label: "Zachód", value: 10 },
  ];
  year.data = suppressSnapshot(snapshot, below);
  return pubs;
}

const pick = (rows: Record<string, unknown>[]) =>
  rows.map((r) => [r.instytucja, r.podzial, r.czesc, r.wartosc, r.wartosc_status]);

describe("breakdowns dataset", () => {
  it("lists every part of the total and of each contribution, with Polish dimension names", () => {
    const ds = buildDataset("podzialy", publicationsWithParts(1));
    expect(ds.columns.map((c) => c.key)).toContain("podzial");
    expect(ds.rows[0]).toMatchObject({ teryt: "0311034", wskaznik_id: "ind-1", rok: 2021 });
    expect(pick(ds.rows)).toEqual([
      [null, "płeć", "kobiety", 22, ""],
      [null, "płeć", "mężczyźni", 3, ""],
      [null, "dzielnica", "Śródmieście", 15, ""],
      [null, "dzielnica", "Zachód", 10, ""],
      ["MOPS", "w tym (część wartości)", "dzieci", 9, ""],
    ]);
  });

  it("withholds a small part and the part of the same split that would reveal it", () => {
    const ds = buildDataset("podzialy", publicationsWithParts(5));
    expect(pick(ds.rows)).toEqual([
      [null, "płeć", "kobiety", null, "poniżej progu"],
      [null, "płeć", "mężczyźni", null, "poniżej progu"],
      [null, "dzielnica", "Śródmieście", 15, ""],
      [null, "dzielnica", "Zachód", 10, ""],
      ["MOPS", "w tym (część wartości)", "dzieci", 9, ""],
    ]);
    const text = JSON.stringify(ds.rows);
    expect(text).not.toMatch(/"wartosc":(3|22)\b/u);
  });
});
