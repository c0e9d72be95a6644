// The public portal (issue 11) on the factory demo: every public page type answers without a
// session, passes axe with JavaScript on and off, shows nothing unpublished (the demo's
// DEMO_UNPUBLISHED_MARKER is in the live data, not in any publication), and looks the same to
// a signed-in coordinator, and reflows at 320 CSS pixels. The font-size and contrast switches
// work without JavaScript.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_UNPUBLISHED_MARKER } from "../../app/demo/publish-demo.ts";
import {
  ACCOUNTS,
  checkA11y,
  launchBrowser,
  login,
  newContext,
  reflowProblems,
  settle,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let anonymous: BrowserContext;
let allPaths: string[] = [];
/** One page of each type: the ones axe and the signed-in comparison run on. */
const samples: Record<string, string> = {};

const TYPES: [string, RegExp][] = [
  ["project", /\/projekty\/[0-9a-f-]{36}$/u],
  ["indicator", /\/wskazniki\/[0-9a-f-]{36}$/u],
  ["year", /\/dokumenty\/[^/]+\/\d{4}$/u],
  ["register", /\/rejestr$/u],
  ["municipality-statement", /^\/gminy\/[^/]+\/deklaracja-dostepnosci$/u],
  ["datasets", /^\/gminy\/[^/]+\/dane$/u],
  ["api-reference", /^\/api\/dokumentacja$/u],
  ["municipality", /^\/gminy\/[^/]+$/u],
  ["statement", /^\/deklaracja-dostepnosci$/u],
  ["site-map", /^\/mapa-strony$/u],
  ["home", /^\/$/u],
];

beforeAll(async () => {
  server = await startServer({ timeoutMs: 150_000 });
  browser = await launchBrowser();
  anonymous = await newContext(browser, server.url);
  const page = await anonymous.newPage();
  await page.goto("/mapa-strony");
  allPaths = await page
    .locator("main a[href^='/']")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const path of allPaths) {
    const type = TYPES.find(([, re]) => re.test(path))?.[0];
    if (type && !samples[type]) samples[type] = path;
  }
  await page.close();
}, 240_000);

afterAll(async () => {
  await anonymous?.close();
  await browser?.close();
  await server?.stop();
});

async function mainText(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response!.status(), `HTTP status of ${path}`).toBe(200);
  expect(new URL(page.url()).pathname, `${path} must not redirect to sign-in`).not.toBe(
    "/logowanie",
  );
  await settle(page);
  return page.locator("main").innerText();
}

describe("the public portal", () => {
  test("every page type is reached from the site map", () => {
    expect(Object.keys(samples).sort()).toEqual(TYPES.map(([t]) => t).sort());
    expect(allPaths.length).toBeGreaterThan(20);
  });

  test("anonymous: every public page answers, and nothing unpublished appears", async () => {
    const reports = allPaths
      .filter((p) => /\/dokumenty\/[^/]+\/\d{4}$/u.test(p))
      .flatMap((p) => [`${p}/raport/karty.html`, `${p}/raport/wskazniki.html`]);
    // Four requests at a time: the server has two cores to answer with.
    const queue = [...allPaths, ...reports, "/sitemap.xml"];
    const answers: { path: string; status: number; text: string }[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          const response = await anonymous.request.get(path, { maxRedirects: 0 });
          answers.push({ path, status: response.status(), text: await response.text() });
        }
      }),
    );
    expect(answers.length).toBe(allPaths.length + reports.length + 1);
    for (const { path, status, text } of answers) {
      expect(status, path).toBe(200);
      expect(text, path).not.toContain(DEMO_UNPUBLISHED_MARKER);
    }
  });

  test("the marker is in the staff app's data, so the check above can fail", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    const response = await context.request.get(
      "/g/ruda-slaska/dokumenty/srps-2016-2025/raport/plik?rok=2020&uklad=cards&format=html",
    );
    expect(await response.text()).toContain(DEMO_UNPUBLISHED_MARKER);
    await context.close();
  });

  test("axe on every page type with JavaScript on", async () => {
    const page = await anonymous.newPage();
    for (const [type, path] of Object.entries(samples)) {
      await mainText(page, path);
      await checkA11y(page, `${type} ${path}`);
    }
    await page.close();
  }, 240_000);

  test("axe on every page type with JavaScript off; the font-size and contrast switches work", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    const reflow: string[] = [];
    for (const [type, path] of Object.entries(samples)) {
      await mainText(page, path);
      await checkA11y(page, `${type} (no JS) ${path}`);
      reflow.push(...(await reflowProblems(page, path)));
    }
    // Residents read these pages on phones: 320 CSS pixels without scrolling sideways.
    expect(reflow).toEqual([]);
    await page.goto(samples.project!);
    await page.getByRole("link", { name: "duża", exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(samples.project);
    expect(await page.locator("html").getAttribute("class")).toBe("font-large");
    await page.getByRole("button", { name: "Wysoki kontrast" }).click();
    await page.goto(samples.indicator!);
    expect(await page.locator("html").getAttribute("class")).toBe("font-large high-contrast");
    await checkA11y(page, "indicator, large font and high contrast");
    await context.close();
  }, 240_000);

  test("a signed-in coordinator sees exactly what the public sees", async () => {
    const staff = await newContext(browser, server.url);
    const staffPage = await staff.newPage();
    await login(staffPage, ACCOUNTS.coordinator);
    expect(new URL(staffPage.url()).pathname).not.toBe("/");
    const publicPage = await anonymous.newPage();
    for (const path of Object.values(samples)) {
      expect(await mainText(staffPage, path), path).toBe(await mainText(publicPage, path));
    }
    await staff.close();
    await publicPage.close();
  }, 180_000);
});

describe("publishing from the staff app", () => {
  test("the coordinator republishes a year: a new version in the public register", async () => {
    // A resident's register is kept after the first visit (decision 078)…
    const resident = await newContext(browser, server.url);
    const register = "/gminy/ruda-slaska/rejestr";
    await resident.request.get(register);
    const kept = await resident.request.get(register);
    expect(kept.headers()["x-busola-page-cache"]).toBe("hit");
    expect(await kept.text()).not.toContain("zastąpiona nowszą wersją");
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto("/g/ruda-slaska/dokumenty/srps-2016-2025/publikacja?rok=2020");
    await settle(page);
    await checkA11y(page, "publish page");
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("opublikowano") === "1"),
      page.getByRole("button", { name: /Opublikuj ponownie/u }).click(),
    ]);
    expect(await mainText(page, register)).toContain("zastąpiona nowszą wersją");
    // …and not after the republication: the resident sees the new version at once.
    const residentPage = await resident.newPage();
    expect(await mainText(residentPage, register)).toContain("zastąpiona nowszą wersją");
    await resident.close();
    await context.close();
  }, 120_000);
});
