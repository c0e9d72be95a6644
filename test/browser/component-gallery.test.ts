// The component gallery (decision 041): every example of every component folder is on the page,
// and axe (WCAG 2.1 A and AA) finds nothing on it, with JavaScript on and off — so a component
// state that breaks accessibility fails here before any page uses it.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkA11y, launchBrowser, newContext } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const COMPONENTS = path.resolve(import.meta.dirname, "../../app/components");
const withExamples = readdirSync(COMPONENTS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .filter((d) => readdirSync(path.join(COMPONENTS, d.name)).includes(`${d.name}.examples.tsx`))
  .map((d) => d.name);

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("component gallery", () => {
  test("shows every component folder's examples", async () => {
    expect(withExamples.length).toBeGreaterThanOrEqual(8);
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const response = await page.goto("/_komponenty");
    expect(response!.status()).toBe(200);
    const sections = await page
      .locator("section.gallery-component")
      .evaluateAll((els) => els.map((el) => el.querySelector("h2")!.id));
    expect(sections.sort()).toEqual([...withExamples].sort());
    expect(await page.locator(".gallery-example").count()).toBeGreaterThan(withExamples.length);
    await context.close();
  });

  test.each([
    ["with JavaScript", true],
    ["without JavaScript", false],
  ])("passes axe %s", async (label, javaScriptEnabled) => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/_komponenty");
    await page.getByRole("heading", { level: 1, name: "Komponenty" }).waitFor();
    await checkA11y(page, `component gallery ${label}`);
    await context.close();
  });
});
