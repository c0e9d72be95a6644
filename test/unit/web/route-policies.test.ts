// Every loader and action of a municipality's pages names its policy (decision 022): a static
// check over the route modules of app/routes.ts, so a new tenant page without one fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(import.meta.dirname, "../../../app");
const routesFile = readFileSync(path.join(APP, "routes.ts"), "utf8");
// route("g/:tenant/…", "routes/x.tsx") — the pages under a municipality.
const tenantRoutes = [
  ...routesFile.matchAll(/route\(\s*"(g\/:tenant[^"]*)",\s*"(routes\/[^"]+)"/g),
].map((m) => ({ path: m[1]!, file: m[2]! }));

// A policy by name: authorize(…), a can…(actor) check, or the structure forms' asStrategyEditor.
const POLICY = /\bauthorize\(|\bcan[A-Z]\w*\(|\basStrategyEditor\(/;

/** The body of an exported loader or action, up to the next top-level declaration. */
function exported(source: string, name: "loader" | "action"): string | null {
  const start = source.search(new RegExp(`export async function ${name}\\b`));
  if (start < 0) return null;
  const rest = source.slice(start);
  const end = rest.slice(1).search(/\n(export |function |const |async function |type )/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe("tenant routes name their policy", () => {
  it("finds the tenant routes", () => {
    expect(tenantRoutes.length).toBeGreaterThan(25);
  });

  it.each(tenantRoutes)("$path ($file)", ({ file }) => {
    const source = readFileSync(path.join(APP, file), "utf8");
    for (const name of ["loader", "action"] as const) {
      const body = exported(source, name);
      if (body === null) continue;
      expect(POLICY.test(body), `${file}: ${name} calls no policy`).toBe(true);
    }
  });
});
