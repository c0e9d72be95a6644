// The demo `npm start` makes — three municipalities imported from the seed reports — in the
// browser: the big pages a new user opens first answer and pass axe.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkA11y, launchBrowser, login, newContext, settle } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: { BUSOLA_DEMO_DATA: "seeds" }, timeoutMs: 120_000 });
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(page: Page, path: string, h1: RegExp): Promise<string> {
  const response = await page.goto(path);
  expect(response!.status(), `HTTP status of ${path}`).toBe(200);
  await settle(page);
  expect(await page.locator("h1").innerText()).toMatch(h1);
  await checkA11y(page, path);
  return page.locator("main").innerText();
}

describe("the seed demo", () => {
  test("Ruda Śląska: 124 project cards of 2020 in the tree, a card, the report page", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, "koordynator@ruda-slaska.demo");
    const tree = await visit(
      page,
      "/g/ruda-slaska/dokumenty/srps-2016-2025?rok=2020",
      /Strategia Rozwiązywania Problemów Społecznych/u,
    );
    expect(tree).toContain("Monitorowanie problemów społecznych");
    expect(tree).toContain("Karina Kaczyńska");
    const card = await page
      .getByRole("link", { name: "Monitorowanie problemów społecznych", exact: true })
      .first()
      .getAttribute("href");
    const text = await visit(page, card!, /Monitorowanie problemów społecznych/u);
    expect(text).toContain("Identyfikacja problemów społecznych");
    await visit(page, "/g/ruda-slaska/dokumenty/srps-2016-2025/raport?rok=2020", /Sprawozdanie/u);
    await context.close();
  });

  test("Ostrowiec: indicator tables with contributions; Bytom: project budgets", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, "koordynator@ostrowiec.demo");
    const tree = await visit(
      page,
      "/g/ostrowiec-swietokrzyski/dokumenty/srps-2014-2021?rok=2021",
      /Ostrowiec/u,
    );
    expect(tree).toContain("liczba programów opracowanych na rzecz rodziny");
    await context.close();

    const bytomContext = await newContext(browser, server.url);
    const bytom = await bytomContext.newPage();
    await login(bytom, "koordynator@bytom.demo");
    const projects = await visit(
      bytom,
      "/g/bytom/dokumenty/projekty-mopr?rok=2020",
      /Projekty Miejskiego Ośrodka Pomocy Rodzinie/u,
    );
    expect(projects).toContain("Opieka wytchnieniowa");
    await bytomContext.close();
  });

  test("Ostrowiec's viewer: trends over the example years, marked as such (decision 054)", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, "odczyt@ostrowiec.demo");
    const home = await visit(page, "/g/ostrowiec-swietokrzyski", /Ostrowiec/u);
    expect(home).toContain("Lata 2017, 2018, 2019, 2020: dane przykładowe");
    const marked = page
      .locator("figure.chart")
      .filter({ has: page.locator(".chart__note", { hasText: "dane przykładowe" }) });
    expect(await marked.count()).toBeGreaterThanOrEqual(2);
    // Last year's figures the movers are compared with are example data too, and say so.
    const movers = page.locator("caption", { hasText: "największej zmianie względem 2020 r." });
    await expect(movers.innerText()).resolves.toContain("dane przykładowe");
    await context.close();
  });
});
