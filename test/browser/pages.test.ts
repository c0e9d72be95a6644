// Every page of the app, as the strategy coordinator (and a few as other users): the page
// answers with the right status, has exactly one <h1> with the expected text, and axe finds
// no WCAG 2.1 A/AA violations.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
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
const RUDA_TREE = `${RUDA}/dokumenty/srps-2016-2025?rok=2020`;
const RUDA_STRATEGY =
  "Strategia Rozwiązywania Problemów Społecznych Miasta Ruda Śląska na lata 2016–2025";
const OSTROWIEC_TREE = "/g/ostrowiec-swietokrzyski/dokumenty/srps-2014-2021?rok=2021";
const OSTROWIEC_STRATEGY =
  "Strategia Rozwiązywania Problemów Społecznych w Gminie Ostrowiec Świętokrzyski na lata 2014–2021";

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

/** Opens a URL, checks the status and the single <h1>, then runs axe. */
async function visit(page: Page, path: string, h1: string | RegExp, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response, `no response for ${path}`).not.toBeNull();
  expect(response!.status(), `HTTP status of ${path}\n${server.stderr()}`).toBe(status);
  await settle(page);
  const headings = page.locator("h1");
  expect(await headings.count(), `number of <h1> on ${path}`).toBe(1);
  const text = (await headings.innerText()).trim();
  if (typeof h1 === "string") expect(text).toBe(h1);
  else expect(text).toMatch(h1);
  expect(await page.title()).toMatch(/Busola$/);
  await checkA11y(page, path);
}

/** The href of a link found by its accessible name. */
async function hrefOf(page: Page, name: string | RegExp): Promise<string> {
  const link = page
    .getByRole("link", { name, exact: typeof name === "string" ? true : undefined })
    .first();
  const href = await link.getAttribute("href");
  expect(href, `link "${String(name)}"`).toBeTruthy();
  return href!;
}

describe("pages (axe: WCAG 2.1 A/AA)", () => {
  test("login page, signed out", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await visit(page, "/logowanie", "Zaloguj się");
    await expect(page.getByLabel("Adres e-mail").count()).resolves.toBe(1);
    await expect(page.getByLabel("Hasło").count()).resolves.toBe(1);
    // A protected page sends a signed-out visitor to the login page and remembers where to return.
    await page.goto(`${RUDA}/dokumenty`);
    expect(new URL(page.url()).pathname).toBe("/logowanie");
    expect(new URL(page.url()).searchParams.get("next")).toBe(`${RUDA}/dokumenty`);
    await context.close();
  });

  describe("as the strategy coordinator", () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser, server.url);
      page = await context.newPage();
      await login(page, ACCOUNTS.coordinator);
    });

    afterAll(async () => {
      await context?.close();
    });

    test("home redirects to the only municipality", async () => {
      await page.goto("/pulpit");
      expect(new URL(page.url()).pathname).toBe(RUDA);
      await visit(page, RUDA, "Miasto Ruda Śląska");
      await expect(page.getByRole("link", { name: RUDA_STRATEGY }).count()).resolves.toBe(1);
    });

    test("documents list", async () => {
      await visit(page, `${RUDA}/dokumenty`, "Dokumenty strategiczne i programy");
      expect(await hrefOf(page, RUDA_STRATEGY)).toBe(`${RUDA}/dokumenty/srps-2016-2025`);
    });

    test("strategy tree for 2020", async () => {
      await visit(page, RUDA_TREE, RUDA_STRATEGY);
      await expect(
        page.getByRole("heading", { level: 2, name: "Drzewo celów — rok 2020" }).count(),
      ).resolves.toBe(1);
      await expect(page.getByLabel("Rok sprawozdawczy").inputValue()).resolves.toBe("2020");
    });

    test("project card, its edit form, indicator value and its edit form (ids taken from the tree)", async () => {
      await page.goto(RUDA_TREE);
      const card = await hrefOf(page, "Monitorowanie problemów społecznych");
      const value = await hrefOf(page, "liczba osób, które podjęły zatrudnienie");
      expect(card).toMatch(new RegExp(`^${RUDA}/projekty/[0-9a-f-]{36}/2020$`));
      expect(value).toMatch(new RegExp(`^${RUDA}/wskazniki/[0-9a-f-]{36}/2020$`));

      await visit(page, card, "Monitorowanie problemów społecznych [C1K1]");
      await expect(page.getByRole("heading", { name: "Historia zmian" }).count()).resolves.toBe(1);
      expect(await hrefOf(page, "Edytuj kartę")).toBe(`${card}/edycja`);

      await visit(page, `${card}/edycja`, "Karta projektu za rok 2020");
      await expect(page.getByLabel("Cel projektu").inputValue()).resolves.toContain(
        "Identyfikacja problemów społecznych",
      );

      await visit(page, value, "liczba osób, które podjęły zatrudnienie");
      await expect(
        page.getByRole("table", { name: "Wartości przekazane przez instytucje" }).count(),
      ).resolves.toBe(1);

      await visit(page, `${value}/edycja`, "liczba osób, które podjęły zatrudnienie");
      await expect(page.getByLabel("Wartość wskaźnika (osoby)").inputValue()).resolves.toBe("24");
    });

    test("a project without a card for the year", async () => {
      await page.goto(`${RUDA}/dokumenty/srps-2016-2025?rok=2021`);
      const card = await hrefOf(page, "Monitorowanie problemów społecznych");
      expect(card).toMatch(/\/2021$/);
      await visit(page, card, "Monitorowanie problemów społecznych [C1K1]");
      await visit(page, `${card}/edycja`, "Karta projektu za rok 2021");
    });

    test("a project card with budget findings", async () => {
      await page.goto(RUDA_TREE);
      await visit(
        page,
        await hrefOf(page, "Centrum Wsparcia Rodziny"),
        "Centrum Wsparcia Rodziny [C2K1]",
      );
      await expect(page.getByRole("heading", { name: "Budżet" }).count()).resolves.toBe(1);
    });

    test("institutions and an institution's edit page", async () => {
      await visit(page, `${RUDA}/instytucje`, "Instytucje realizujące");
      const href = await hrefOf(page, "Powiatowy Urząd Pracy w Rudzie Śląskiej");
      expect(href).toMatch(new RegExp(`^${RUDA}/instytucje/[0-9a-f-]{36}$`));
      await visit(page, href, "Powiatowy Urząd Pracy w Rudzie Śląskiej");
      await expect(page.getByLabel("Skrót używany w tabelach").inputValue()).resolves.toBe("PUP");
    });

    test("navigating by the main menu (client-side)", async () => {
      await page.goto(RUDA);
      await settle(page);
      const menu = page.getByRole("navigation", { name: "Menu główne" });
      await menu.getByRole("link", { name: "Dokumenty" }).click();
      await page.waitForURL(`**${RUDA}/dokumenty`);
      // React commits the new page in a transition, slightly after the URL changes.
      await page
        .getByRole("heading", { level: 1, name: "Dokumenty strategiczne i programy" })
        .waitFor();
      await expect(
        menu.getByRole("link", { name: "Dokumenty" }).getAttribute("aria-current"),
      ).resolves.toBe("page");
      await menu.getByRole("link", { name: "Instytucje" }).click();
      await page.waitForURL(`**${RUDA}/instytucje`);
      await page.getByRole("heading", { level: 1, name: "Instytucje realizujące" }).waitFor();
      await expect(page.locator("h1").count()).resolves.toBe(1);
      await checkA11y(page, "institutions after client-side navigation");
    });

    test("a page that does not exist", async () => {
      await visit(page, `${RUDA}/nie-ma-takiej-strony`, "Nie znaleziono strony", 404);
      await visit(page, "/g/nie-ma-takiej-gminy", "Nie znaleziono strony", 404);
    });
  });

  test("the system administrator's list of municipalities", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.admin);
    await visit(page, "/pulpit", "Witaj, Anna Administrator");
    await expect(page.getByRole("link", { name: "Miasto Ruda Śląska" }).count()).resolves.toBe(1);
    await expect(
      page.getByRole("link", { name: "Gmina Ostrowiec Świętokrzyski" }).count(),
    ).resolves.toBe(1);
    await context.close();
  });

  test("Ostrowiec indicator tables with validation findings (277 vs 227)", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.ostrowiecCoordinator);
    await visit(page, OSTROWIEC_TREE, OSTROWIEC_STRATEGY);
    const row = page.getByRole("row").filter({
      has: page.getByRole("link", {
        name: "liczba dzieci korzystających ze świetlic środowiskowych",
      }),
    });
    await expect(row.innerText()).resolves.toMatch(/277/);
    await expect(
      page
        .getByText(/uwagi walidacji: \d+/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    const value = await hrefOf(page, "liczba dzieci korzystających ze świetlic środowiskowych");
    await visit(page, value, "liczba dzieci korzystających ze świetlic środowiskowych");
    const findings = page.locator(".findings__list");
    await expect(findings.innerText()).resolves.toMatch(/277/);
    await expect(findings.innerText()).resolves.toMatch(/227/);
    await context.close();
  });
});
