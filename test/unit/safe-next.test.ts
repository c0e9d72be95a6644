import { describe, expect, it } from "vitest";
import { safeNext } from "../../app/web/safe-next.ts";

describe("redirect after sign-in", () => {
  it("keeps paths of this site", () => {
    expect(safeNext("/g/ruda-slaska/dokumenty?rok=2020#c1")).toBe(
      "/g/ruda-slaska/dokumenty?rok=2020#c1",
    );
  });

  it("refuses anything a browser would take to another host", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example",
      "evil",
      "",
      null,
    ]) {
      expect(safeNext(next)).toBe("/pulpit");
    }
  });
});
