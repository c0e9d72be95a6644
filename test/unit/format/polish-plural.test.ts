import { describe, expect, test } from "vitest";
import { countOf, plural } from "../../../app/format/polish-plural.ts";

describe("Polish plural forms", () => {
  const uwaga = (n: number) => plural(n, "uwaga", "uwagi", "uwag");

  test.each([
    [0, "uwag"],
    [1, "uwaga"],
    [2, "uwagi"],
    [4, "uwagi"],
    [5, "uwag"],
    [11, "uwag"],
    [12, "uwag"],
    [14, "uwag"],
    [21, "uwag"],
    [22, "uwagi"],
    [35, "uwag"],
    [101, "uwag"],
    [112, "uwag"],
    [1002, "uwagi"],
  ])("%i %s", (n, form) => {
    expect(uwaga(n)).toBe(form);
  });

  test("a fraction takes the genitive singular", () => {
    expect(plural(1.5, "godzina", "godziny", "godzin")).toBe("godziny");
  });

  test("a count with its noun, written the Polish way", () => {
    expect(countOf(35, "uwaga", "uwagi", "uwag")).toBe("35 uwag");
    expect(countOf(15880, "uwaga", "uwagi", "uwag")).toBe("15\u00a0880 uwag");
  });
});
