// Components like GOV.UK Frontend's (decision 041): each shared component is a folder holding
// `<name>.tsx`, its examples `<name>.examples.tsx` (shown in the gallery and checked by axe)
// and, where it has styles, `<name>.css` imported by app/styles/app.css in cascade order.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement, Fragment } from "react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import type { ComponentExamples } from "../../../app/components/gallery/example.ts";

const COMPONENTS = path.resolve(import.meta.dirname, "../../../app/components");
// Folders that are not one component: chart (a renderer with its own tests), gallery (the
// examples' type), public (the public portal's pieces).
const NOT_COMPONENTS = new Set(["chart", "gallery", "public"]);
const folders = readdirSync(COMPONENTS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !NOT_COMPONENTS.has(d.name))
  .map((d) => d.name);

const examples = import.meta.glob<{ gallery: ComponentExamples }>(
  "../../../app/components/*/*.examples.tsx",
  { eager: true },
);

describe("component folders", () => {
  it("finds the shared components", () => {
    expect(folders.length).toBeGreaterThanOrEqual(8);
  });

  it.each(folders)("%s has its component, examples and styles in the cascade", (name) => {
    const dir = path.join(COMPONENTS, name);
    expect(existsSync(path.join(dir, `${name}.tsx`)), `${name}.tsx`).toBe(true);
    expect(existsSync(path.join(dir, `${name}.examples.tsx`)), `${name}.examples.tsx`).toBe(true);
    if (existsSync(path.join(dir, `${name}.css`))) {
      const app = readFileSync(path.resolve(COMPONENTS, "../styles/app.css"), "utf8");
      expect(app).toContain(`@import "../components/${name}/${name}.css";`);
    }
  });

  it.each(folders)("%s: every example renders on the server", (name) => {
    const module = Object.entries(examples).find(([file]) =>
      file.endsWith(`/${name}/${name}.examples.tsx`),
    )?.[1];
    expect(module?.gallery.examples.length, name).toBeGreaterThan(0);
    for (const example of module!.gallery.examples) {
      const html = renderToStaticMarkup(
        createElement(MemoryRouter, null, createElement(Fragment, null, example.render())),
      );
      expect(html, `${name}: ${example.title}`).not.toBe("");
    }
  });
});
