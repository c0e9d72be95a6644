// Every staff edit form, opened and saved untouched, changes nothing (decision 047): the form's
// version is the same when it is opened again (every write bumps it, with its audit entry), and
// the project card's change history has no new entry. A multi-line "Termin realizacji" keeps
// its line break through the round trip.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ACCOUNTS, launchBrowser, login, newContext, settle } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const RUDA = "/g/ruda-slaska";
const TREE = `${RUDA}/dokumenty/srps-2016-2025?rok=2020`;
const TIMEFRAME = "Projekt realizowany od 2008 r.\nProjekt będzie kontynuowany w 2021 r.";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, server.url);
  page = await context.newPage();
  await login(page, ACCOUNTS.coordinator);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function go(path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(200);
  await settle(page);
}

async function hrefs(pattern: RegExp): Promise<string[]> {
  const all = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(all.filter((h) => pattern.test(h)))];
}

async function versionOf(form: string): Promise<string> {
  await go(form);
  return page.locator('main form input[name="version"]').first().inputValue();
}

async function saveUntouched(form: string): Promise<void> {
  await go(form);
  await Promise.all([
    page.waitForURL((u) => u.pathname + u.search !== form, { timeout: 20_000 }),
    page.locator("main form .button-group button[type=submit]").first().click(),
  ]);
  await settle(page);
  const errors = await page.locator(".error-summary").count();
  expect(errors, `error summary after saving ${form} untouched`).toBe(0);
}

async function historyEntries(path: string): Promise<number> {
  await go(path);
  return page.locator(".change-list__entry").count();
}

describe("saving a form untouched", () => {
  test("changes nothing on any edit form", { timeout: 240_000 }, async () => {
    await go(TREE);
    const cardPages = await hrefs(/^\/g\/ruda-slaska\/projekty\/[^/]+\/2020$/);
    const structure = await hrefs(
      /\/struktura\/(dokumenty|cele|kierunki|projekty|wskazniki)\/(?!nowy)/,
    );
    const valuePages = await hrefs(/\/wskazniki\/[^/]+\/\d{4}$/);
    expect(cardPages.length).toBeGreaterThan(0);
    const card = cardPages[0]!;
    const forms = [
      `${card}/edycja`,
      `${card}/budzet`,
      ...structure.slice(0, 8),
      ...valuePages.slice(0, 2).map((v) => `${v}/edycja`),
    ];
    await go(`${RUDA}/instytucje`);
    forms.push(...(await hrefs(/^\/g\/ruda-slaska\/instytucje\/[^/?]+$/)).slice(0, 2));

    // A card whose "Termin realizacji" has two lines: the one-line input used to drop the break.
    await go(`${card}/edycja`);
    await page.getByLabel("Termin realizacji").fill(TIMEFRAME);
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("zapisano") === "1"),
      page.locator("main form .button-group button[type=submit]").first().click(),
    ]);
    await settle(page);
    const entriesBefore = await historyEntries(card);

    const unchanged: string[] = [];
    const changed: string[] = [];
    for (const form of forms) {
      const before = await versionOf(form);
      await saveUntouched(form);
      const after = await versionOf(form);
      (before === after ? unchanged : changed).push(`${form} (${before} → ${after})`);
    }
    expect(changed).toEqual([]);
    expect(unchanged.length).toBeGreaterThanOrEqual(8);
    expect(await historyEntries(card)).toBe(entriesBefore);
    await go(`${card}/edycja`);
    expect(await page.getByLabel("Termin realizacji").inputValue()).toBe(TIMEFRAME);
  });
});
