import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "../../../app/server/foreign-origin.ts";

describe("a form from another site", () => {
  const host = "busola.gmina.pl";
  it("is refused when it changes something and names another origin", () => {
    expect(isForeignOrigin({ method: "POST", origin: "https://evil.example", host })).toBe(true);
    expect(isForeignOrigin({ method: "POST", origin: "null", host })).toBe(true);
    expect(isForeignOrigin({ method: "POST", origin: "not a url", host })).toBe(true);
    // The port is part of the host: another port is another site.
    expect(isForeignOrigin({ method: "POST", origin: "https://busola.gmina.pl:8443", host })).toBe(
      true,
    );
  });
  it("passes the site's own forms, requests without Origin and reads", () => {
    expect(isForeignOrigin({ method: "POST", origin: "https://busola.gmina.pl", host })).toBe(
      false,
    );
    expect(isForeignOrigin({ method: "POST", origin: undefined, host })).toBe(false);
    expect(isForeignOrigin({ method: "GET", origin: "https://evil.example", host })).toBe(false);
    expect(isForeignOrigin({ method: "OPTIONS", origin: "https://evil.example", host })).toBe(
      false,
    );
  });
});
