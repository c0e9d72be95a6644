// Archiving and restoring (decision 070): a project leaves the tree and comes back from
// "Zarchiwizowane"; an institution leaves its list; a missing reason is an error; a goal and an
// indicator are archived from their own pages and restored (the goal from its page), with
// JavaScript off and on.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  ACCOUNTS,
  checkA11y,
  headingText,
  launchBrowser,
  login,
  newContext,
  settle,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

const RUDA = "/g/ruda-slaska";
const TREE = `${RUDA}/dokumenty/srps-2016-2025?rok=2020`;
const PROJECT = "Centrum Wsparcia Rodziny";

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

async function restore(page: Page, name: string): Promise<void> {
  await page.goto(`${RUDA}/archiwum`);
  await settle(page);
  expect((await page.locator("h1").innerText()).trim()).toBe("Zarchiwizowane");
  await checkA11y(page, "/archiwum");
  await page.getByRole("link", { name: new RegExp(`Przywróć.*${name}`) }).click();
  await settle(page);
  await checkA11y(page, "/archiwum?pozycja");
  await page.getByLabel("Powód przywrócenia").fill("Zarchiwizowano omyłkowo");
  await page.getByRole("button", { name: "Przywróć", exact: true }).click();
  await settle(page);
  expect(await page.getByRole("status").innerText()).toContain("Przywrócono pozycję z archiwum");
}

describe("as the coordinator, without JavaScript", () => {
  test("archives a project and restores it", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(TREE);
    await page.getByRole("link", { name: PROJECT }).first().click();
    await page.getByRole("link", { name: "Zmień nazwę, symbol lub instytucje projektu" }).click();
    await settle(page);
    await checkA11y(page, "project form with the archive section");
    expect(await page.getByRole("button", { name: "Usuń trwale" }).count()).toBe(0);
    await page.getByLabel("Powód archiwizacji").fill("Projekt zakończony");
    await page.getByRole("button", { name: "Archiwizuj" }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`${RUDA}/dokumenty/srps-2016-2025`);
    expect(await page.getByRole("link", { name: PROJECT }).count()).toBe(0);

    await restore(page, PROJECT);
    await page.goto(TREE);
    expect(await page.getByRole("link", { name: PROJECT }).count()).toBeGreaterThan(0);
    await context.close();
  });

  test("archives an institution (a reason is required) and restores it", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(`${RUDA}/instytucje`);
    const link = page.locator("table a").first();
    const name = (await link.innerText()).trim();
    await link.click();
    await settle(page);
    await page.getByRole("button", { name: "Archiwizuj" }).click();
    await settle(page);
    expect(await page.getByText("Wystąpił problem").isVisible()).toBe(true);
    expect(await page.locator(".field-error").first().innerText()).toContain("Podaj powód");
    await checkA11y(page, "archive error");
    await page.getByLabel("Powód archiwizacji").fill("Instytucja zlikwidowana");
    await page.getByRole("button", { name: "Archiwizuj" }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`${RUDA}/instytucje`);
    expect(await page.locator("table a", { hasText: name }).count()).toBe(0);

    await restore(page, name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    await page.goto(`${RUDA}/instytucje`);
    expect(await page.locator("table a", { hasText: name }).count()).toBe(1);
    await context.close();
  });
});

const GOAL = "Wspieranie rodziny i systemu pieczy zastępczej";
const INDICATOR = "liczba osób, które podjęły zatrudnienie";

describe("a goal and an indicator from their own pages", () => {
  test("without JavaScript: archives goal C2 and restores it from its page", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(TREE);
    await page.getByRole("link", { name: /Edytuj cel C2/ }).click();
    await settle(page);
    expect((await page.locator("h1").innerText()).trim()).toContain("Edycja celu strategicznego");
    await checkA11y(page, "goal form with the archive section");
    await page.getByLabel("Powód archiwizacji").fill("Cel połączony z C1");
    await page.getByRole("button", { name: "Archiwizuj" }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`${RUDA}/dokumenty/srps-2016-2025`);
    expect(await page.getByRole("heading", { name: new RegExp(GOAL) }).count()).toBe(0);

    // The archive page names the goal and links to its page, which offers restoring.
    await page.getByRole("link", { name: "Zarchiwizowane" }).click();
    await settle(page);
    await page.getByRole("link", { name: new RegExp(`^C2 ${GOAL}`) }).click();
    await settle(page);
    expect(await page.getByRole("heading", { name: "W archiwum" }).isVisible()).toBe(true);
    await checkA11y(page, "archived goal's form");
    await page.getByRole("button", { name: "Przywróć" }).click();
    await settle(page);
    expect(await page.locator(".field-error").first().innerText()).toContain("Podaj powód");
    await page.getByLabel("Powód przywrócenia").fill("Cel jednak osobny");
    await page.getByRole("button", { name: "Przywróć" }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${RUDA}/struktura/cele/`));
    expect(await page.getByRole("button", { name: "Archiwizuj" }).isVisible()).toBe(true);
    await page.goto(TREE);
    expect(await page.getByRole("heading", { name: new RegExp(GOAL) }).count()).toBe(1);
    await context.close();
  });

  test("with JavaScript: archives an indicator from its page and restores it", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(TREE);
    // Client-side navigation: wait for the address, then for hydration.
    await page.getByRole("link", { name: INDICATOR }).first().click();
    await page.waitForURL(/\/wskazniki\/[^/]+\/\d{4}$/);
    await settle(page);
    await page.getByRole("link", { name: "Zmień definicję wskaźnika" }).click();
    await page.waitForURL(/\/struktura\/wskazniki\//);
    await settle(page);
    expect(await headingText(page, "Edycja wskaźnika")).toBe("Edycja wskaźnika");
    await checkA11y(page, "indicator form with the archive section");
    await page.getByLabel("Powód archiwizacji").fill("Wskaźnik nieaktualny");
    await page.getByRole("button", { name: "Archiwizuj" }).click();
    await page.waitForURL(/\/dokumenty\/srps-2016-2025$/);
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`${RUDA}/dokumenty/srps-2016-2025`);
    expect(await page.getByRole("link", { name: INDICATOR }).count()).toBe(0);

    await page.getByRole("link", { name: "Zarchiwizowane" }).click();
    await page.waitForURL(/\/archiwum$/);
    await settle(page);
    await restore(page, INDICATOR);
    await page.goto(TREE);
    expect(await page.getByRole("link", { name: INDICATOR }).count()).toBeGreaterThan(0);
    await context.close();
  });

  test("the viewer has no archive in the menu and no archive page", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.viewer);
    await page.goto(RUDA);
    expect(await page.getByRole("link", { name: "Zarchiwizowane" }).count()).toBe(0);
    expect((await page.goto(`${RUDA}/archiwum`))!.status()).toBe(403);
    await context.close();
  });
});

describe("as the administrator, without JavaScript", () => {
  test("archives a person's access from the members page and restores it", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, ACCOUNTS.admin);
    await page.goto(`${RUDA}/uzytkownicy`);
    await page.getByRole("link", { name: /Archiwizuj dostęp.*Weronika Widz/ }).click();
    await settle(page);
    const heading = page.getByRole("heading", { name: "Archiwizuj dostęp: Weronika Widz" });
    expect(await heading.isVisible()).toBe(true);
    await checkA11y(page, "members page with the archive section");
    await page.getByLabel("Powód archiwizacji").fill("Odejście z pracy");
    await page.getByRole("button", { name: "Archiwizuj" }).click();
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`${RUDA}/uzytkownicy`);
    expect(await page.locator("table", { hasText: "Weronika Widz" }).count()).toBe(0);

    await restore(page, "Weronika Widz");
    await page.goto(`${RUDA}/uzytkownicy`);
    expect(await page.locator("table", { hasText: "Weronika Widz" }).count()).toBe(1);
    await context.close();
  });
});
