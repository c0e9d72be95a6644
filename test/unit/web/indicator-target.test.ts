// Baseline, target and target-vs-achieved beside a value; a name shown once.
import { expect, test } from "vitest";
import { targetRows } from "../../../app/web/views/indicator-target.ts";
import { institutionLabel } from "../../../app/format/names.ts";

const facts = {
  unit: "osoby",
  baseline: 380,
  baselineYear: 2019,
  target: 450,
  direction: "increase",
};

test("baseline, target and the share reached", () => {
  expect(targetRows(facts, 420)).toEqual([
    { key: "Wartość bazowa", value: "380 osoby (2019 r.)" },
    { key: "Wartość docelowa", value: "450 osoby" },
    { key: "Realizacja celu", value: "420 z 450 osoby (93,3%)" },
  ]);
});

test("less is better: below the target is reached", () => {
  const rows = targetRows({ ...facts, direction: "decrease", target: 100 }, 90);
  expect(rows.at(-1)!.value).toBe("90 z 100 osoby — cel osiągnięty (im mniej, tym lepiej)");
});

test("nothing to show without a target or baseline; no unit, no empty parentheses", () => {
  expect(targetRows({ ...facts, baseline: null, target: null }, 5)).toEqual([]);
  expect(targetRows({ ...facts, unit: "", baseline: null }, null)).toEqual([
    { key: "Wartość docelowa", value: "450" },
  ]);
});

test("an institution's name once when it equals its short name", () => {
  expect(institutionLabel("Prokuratura", "Prokuratura")).toBe("Prokuratura");
  expect(institutionLabel("Powiatowy Urząd Pracy", "PUP")).toBe("PUP — Powiatowy Urząd Pracy");
  expect(institutionLabel("Caritas", null)).toBe("Caritas");
});
