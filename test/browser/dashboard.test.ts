// The viewer's home page and an indicator page: server-drawn charts with a text alternative and
// their data table, an export of the dashboard, no axe violations — with JavaScript and without.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  ACCOUNTS,
  checkA11y,
  launchBrowser,
  login,
  newContext,
  settle,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const RUDA = "/g/ruda-slaska";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ timeoutMs: 180_000 });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function chartsOn(page: Page) {
  const svgs = page.locator("figure.chart svg[role='img']");
  const labels = await svgs.evaluateAll((els) =>
    els.map((e) => e.getAttribute("aria-label") ?? ""),
  );
  return { count: labels.length, labels };
}

describe.each([true, false])("dashboard with JavaScript %s", (javaScriptEnabled) => {
  test("the viewer's home shows charts, their data and an export", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.viewer);
    const response = await page.goto(RUDA);
    expect(response!.status(), server.stderr()).toBe(200);
    await settle(page);
    const charts = await chartsOn(page);
    expect(charts.count).toBeGreaterThanOrEqual(2);
    for (const label of charts.labels) expect(label.length).toBeGreaterThan(8);
    await expect(page.getByText("Dane wykresu").first().isVisible()).resolves.toBe(true);
    const csv = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(csv).toBe(`${RUDA}/pulpit/dane.csv`);
    const file = await page.request.get(csv!);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain("Zestawienie;Kategoria;Seria;Wartość;Jednostka");
    if (javaScriptEnabled) await checkA11y(page, "viewer home");
    await context.close();
  });

  test("the partner's home summarises their tasks", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.partner);
    expect((await page.goto(RUDA))!.status(), server.stderr()).toBe(200);
    await settle(page);
    await expect(page.getByRole("heading", { name: "Moje zadania" }).count()).resolves.toBe(1);
    // The tasks summary is always there; the series of the partner's own values, drawn from the
    // demo's example years, is checked by targets-and-example-years.test.ts.
    await expect(page.getByText("Przejdź do zadań").count()).resolves.toBe(1);
    if (javaScriptEnabled) await checkA11y(page, "partner home");
    await context.close();
  });

  test("the coordinator's home lists the statutory deadlines ahead with their basis", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    expect((await page.goto(RUDA))!.status(), server.stderr()).toBe(200);
    await settle(page);
    // The half-year window always holds the strategy's yearly report or the resource assessment
    // only part of the year, so the section is checked where it is shown.
    const deadlines = page.getByRole("heading", { name: "Najbliższe terminy ustawowe" });
    if ((await deadlines.count()) === 1) {
      const rows = page.locator("section[aria-labelledby='terminy-tytul'] tbody tr");
      expect(await rows.count()).toBeGreaterThan(0);
      await expect(rows.first().innerText()).resolves.toMatch(/(art\.|§) \d+/);
    }
    if (javaScriptEnabled) await checkA11y(page, "coordinator home");
    await context.close();
  });

  test("an indicator page draws the value over the years with a table", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.viewer);
    await page.goto(`${RUDA}/dokumenty/srps-2016-2025?rok=2020`);
    const href = await page.locator(`a[href^="${RUDA}/wskazniki/"]`).first().getAttribute("href");
    expect(href).toBeTruthy();
    expect((await page.goto(href!))!.status(), server.stderr()).toBe(200);
    await settle(page);
    await expect(
      page.getByRole("heading", { name: "Wartości w kolejnych latach" }).count(),
    ).resolves.toBe(1);
    expect((await chartsOn(page)).count).toBeGreaterThanOrEqual(1);
    if (javaScriptEnabled) await checkA11y(page, "indicator page");
    await context.close();
  });
});
