// The pages that build the strategy and manage access — structure forms, budgets, members,
// the first-run set-up page — answer, render one <h1>, pass axe, and save without JavaScript.
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

async function visit(page: Page, path: string, h1: string): Promise<void> {
  const response = await page.goto(path);
  expect(response!.status(), `HTTP status of ${path}\n${server.stderr()}`).toBe(200);
  await settle(page);
  expect((await page.locator("h1").innerText()).trim()).toBe(h1);
  await checkA11y(page, path);
}

async function hrefOf(page: Page, name: string | RegExp): Promise<string> {
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  expect(href, `link ${String(name)}`).toBeTruthy();
  return href!;
}

describe("as the coordinator", () => {
  // Eight forms in a row: 20–25 s on a quiet machine, over 60 s once under CI's heaviest load.
  test(
    "structure forms for goals, directions, projects and indicators, and the budget form",
    { timeout: 120_000 },
    async () => {
      const context = await newContext(browser, server.url);
      const page = await context.newPage();
      await login(page, ACCOUNTS.coordinator);
      await page.goto(TREE);
      const newGoal = await hrefOf(page, "Dodaj cel strategiczny");
      const editGoal = await hrefOf(page, /Edytuj cel C1/);
      const newDirection = await hrefOf(page, /Dodaj kierunek działań do celu C1/);
      const editDirection = await hrefOf(page, /Edytuj kierunek C1K1/);
      const newProject = await hrefOf(page, /Dodaj projekt do kierunku C1K1/);
      const newIndicator = await hrefOf(page, /Dodaj wskaźnik do kierunku C1K1/);
      const card = await hrefOf(page, "Centrum Wsparcia Rodziny");
      await visit(page, newGoal, "Nowy cel strategiczny");
      await visit(page, editGoal, "Edycja celu strategicznego");
      await visit(page, newDirection, "Nowy kierunek działań");
      await visit(page, editDirection, "Edycja kierunku działań");
      await visit(page, newProject, "Nowy projekt");
      await visit(page, newIndicator, "Nowy wskaźnik");
      await visit(page, `${card}/budzet?zakres=calosc`, "Budżet całego projektu");
      await visit(page, `${card}/budzet`, "Budżet na rok 2020");
      await context.close();
    },
  );

  test("adds a goal without JavaScript; a duplicate code is an error at the field", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(TREE);
    await page.goto(await hrefOf(page, "Dodaj cel strategiczny"));
    await page.getByLabel("Symbol celu").fill("C1");
    await page.getByLabel("Nazwa celu strategicznego").fill("Cel powtórzony");
    await page.getByRole("button", { name: "Zapisz" }).click();
    expect(await page.getByText("Wystąpił problem").isVisible()).toBe(true);
    expect(await page.locator(".field-error").first().innerText()).toContain(
      "Cel o symbolu C1 już istnieje",
    );
    await checkA11y(page, "duplicate goal");
    await page.getByLabel("Symbol celu").fill("C3");
    await page.getByLabel("Nazwa celu strategicznego").fill("Aktywizacja osób starszych");
    await page.getByRole("button", { name: "Zapisz" }).click();
    await page.waitForURL((url) => url.pathname.includes("/dokumenty/"));
    expect(
      await page.getByRole("heading", { name: /C3\. Aktywizacja osób starszych/ }).isVisible(),
    ).toBe(true);
    await context.close();
  });
});

describe.each([true, false])("search from the header with JavaScript %s", (javaScriptEnabled) => {
  test("a coordinator finds a project by a word without diacritics and opens it", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.getByRole("searchbox", { name: /Szukaj w gminie/u }).fill("asystent RODZINY");
    await Promise.all([
      page.waitForURL(/\/szukaj\?q=/u),
      page.getByRole("search").getByRole("button", { name: "Szukaj" }).click(),
    ]);
    await settle(page);
    expect(await headingText(page, "Szukaj w gminie")).toBe("Szukaj w gminie");
    expect(await page.getByRole("status").innerText()).toMatch(/\d+ wynik/u);
    await checkA11y(page, "search results");
    await Promise.all([
      page.waitForURL(/\/projekty\/[0-9a-f-]{36}\/\d{4}$/u),
      page
        .getByRole("link", { name: /Asystent rodziny/u })
        .first()
        .click(),
    ]);
    await settle(page);
    await expect.poll(() => page.locator("h1").innerText()).toMatch(/Asystent rodziny/u);
    // Nothing found says so, in Polish.
    await page.goto(`${RUDA}/szukaj?q=${encodeURIComponent("zzzqqq")}`);
    expect(await page.getByRole("status").innerText()).toContain("Nic nie znaleziono");
    await context.close();
  });
});

test("creates a program document without JavaScript and opens its empty tree", async () => {
  const context = await newContext(browser, server.url, { javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, ACCOUNTS.coordinator);
  await page.goto(`${RUDA}/dokumenty`);
  await page.getByRole("link", { name: "Dodaj dokument" }).click();
  await page.getByLabel("Rodzaj dokumentu").selectOption("violence_prevention");
  await page
    .getByLabel("Tytuł")
    .fill("Gminny Program Przeciwdziałania Przemocy Domowej na lata 2022–2025");
  await page.getByLabel("Adres w systemie").fill("Program Przemoc");
  await page.getByLabel("Okres — od roku").fill("2022");
  await page.getByLabel("Okres — do roku").fill("2025");
  await page.getByRole("button", { name: "Zapisz" }).click();
  expect(await page.locator(".field-error").first().innerText()).toContain("tylko małe litery");
  await checkA11y(page, "document form with an error");
  await page.getByLabel("Adres w systemie").fill("gpppd-2022-2025");
  await page.getByRole("button", { name: "Zapisz" }).click();
  await page.waitForURL((url) => url.pathname === `${RUDA}/dokumenty/gpppd-2022-2025`);
  const title = "Gminny Program Przeciwdziałania Przemocy Domowej na lata 2022–2025";
  expect(await headingText(page, title)).toBe(title);
  expect(
    await page.getByText("Ten dokument nie ma jeszcze celów strategicznych.").isVisible(),
  ).toBe(true);
  await context.close();
});

describe("as the administrator", () => {
  test("creates a municipality without JavaScript and lands on its first steps", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, ACCOUNTS.admin);
    await page.goto("/pulpit");
    await page.getByRole("link", { name: "Dodaj gminę" }).click();
    await visit(page, "/pulpit/nowa-gmina", "Nowa gmina");
    // Ruda Śląska's own TERYT code: refused at the field and in the summary, input kept.
    await page.getByLabel("Kod TERYT").fill("2472011");
    await page.getByLabel("Nazwa gminy lub powiatu").fill("Gmina Próbna");
    await page.getByLabel("Rodzaj jednostki").selectOption("gmina_wiejska");
    await page.getByLabel("Adres w systemie").fill("gmina-probna");
    await page.getByRole("button", { name: "Utwórz gminę" }).click();
    expect(await page.locator(".error-summary").innerText()).toContain("TERYT 2472011 już jest");
    expect(await page.locator(".field-error").first().innerText()).toContain("już jest");
    expect(await page.getByLabel("Nazwa gminy lub powiatu").inputValue()).toBe("Gmina Próbna");
    await checkA11y(page, "new municipality with an error");
    await page.getByLabel("Kod TERYT").fill("0211011");
    await page.getByRole("button", { name: "Utwórz gminę" }).click();
    await page.waitForURL((url) => url.pathname === "/g/gmina-probna");
    expect(await headingText(page, "Gmina Próbna")).toBe("Gmina Próbna");
    const steps = page.getByRole("region", { name: "Pierwsze kroki" });
    expect(await steps.getByRole("link", { name: /Dodaj koordynatora/u }).count()).toBe(1);
    expect(await steps.getByRole("link", { name: /Zaimportuj/u }).count()).toBe(1);
    await checkA11y(page, "empty municipality's first steps");
    await context.close();
  });

  test("a coordinator cannot open the new-municipality page", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    const response = await page.goto("/pulpit/nowa-gmina");
    expect(response!.status()).toBe(404);
    await context.close();
  });

  test("members page: lists roles and grants access to a new person", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.admin);
    await visit(page, `${RUDA}/uzytkownicy`, "Użytkownicy i role");
    await page.getByLabel("Adres e-mail").fill("nowa.osoba@ruda.pl");
    await page.getByLabel("Imię i nazwisko").fill("Nowa Osoba");
    await page.getByLabel("Hasło początkowe").fill("krotkie");
    await page.getByRole("button", { name: "Nadaj dostęp" }).click();
    expect(await page.locator(".field-error").first().innerText()).toContain(
      "co najmniej 12 znaków",
    );
    await checkA11y(page, "members with an error");
    await page.getByLabel("Hasło początkowe").fill("wystarczajaco-dlugie-haslo");
    await page.getByRole("button", { name: "Nadaj dostęp" }).click();
    await page.getByText("Nadano dostęp: nowa.osoba@ruda.pl.").waitFor();
    // The list below the notice may still be revalidating on a loaded machine: wait for it.
    await page.getByRole("cell", { name: "nowa.osoba@ruda.pl" }).waitFor();
    // The second form of the page, told apart by its intent in the same schema.
    await page
      .getByRole("row", { name: /nowa\.osoba@ruda\.pl/u })
      .getByRole("button", { name: /Wyślij link do nowego hasła/u })
      .click();
    await page
      .getByText("Wysłano link do ustawienia nowego hasła na adres nowa.osoba@ruda.pl.")
      .waitFor();
    await context.close();
  });

  test("the coordinator has no members page", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    const response = await page.goto(`${RUDA}/uzytkownicy`);
    expect(response!.status()).toBe(403);
    await context.close();
  });
});

test("the set-up page exists only while there is no administrator", async () => {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  const response = await page.goto("/konfiguracja");
  expect(response!.status()).toBe(404);
  await context.close();
});

describe("a new installation without demo data", () => {
  let empty: TestServer;
  beforeAll(async () => {
    empty = await startServer({ env: { BUSOLA_DEMO: "false" } });
  });
  afterAll(async () => {
    await empty?.stop();
  });

  test("the first administrator is created on the set-up page, which then disappears", async () => {
    const context = await newContext(browser, empty.url);
    const page = await context.newPage();
    await page.goto("/logowanie");
    await page.getByRole("link", { name: "Utwórz konto administratora" }).click();
    await page.waitForURL((url) => url.pathname === "/konfiguracja");
    await settle(page);
    await checkA11y(page, "set-up page");
    await page.getByLabel("Imię i nazwisko").fill("Anna Nowak");
    await page.getByLabel("Adres e-mail").fill("anna.nowak@mops.pl");
    await page.getByLabel("Hasło", { exact: true }).fill("bardzo-dlugie-haslo");
    await page.getByLabel("Powtórz hasło").fill("inne-dlugie-haslo");
    await page.getByRole("button", { name: "Utwórz konto" }).click();
    expect(await page.locator(".field-error").first().innerText()).toContain(
      "Hasła nie są takie same",
    );
    await page.getByLabel("Hasło", { exact: true }).fill("bardzo-dlugie-haslo");
    await page.getByLabel("Powtórz hasło").fill("bardzo-dlugie-haslo");
    await page.getByRole("button", { name: "Utwórz konto" }).click();
    await page.waitForURL((url) => url.pathname === "/logowanie");
    await login(page, "anna.nowak@mops.pl", "bardzo-dlugie-haslo");
    expect(await headingText(page, "Witaj, Anna Nowak")).toBe("Witaj, Anna Nowak");
    expect((await page.goto("/konfiguracja"))!.status()).toBe(404);
    await context.close();
  });
});
