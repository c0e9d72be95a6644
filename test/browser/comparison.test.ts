// The comparison between municipalities (decision 057) on the factory demo, JavaScript off:
// the public index and indicator page pass axe and show the mapped published value with its
// rate per 1,000 residents, never the unpublished one (Ruda's 2020 value 47), nor does the
// CSV; the indicator form offers the dictionary select; the population page refuses a
// malformed CSV with an error per line and saves nothing.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACCOUNTS, checkA11y, launchBrowser, login, newContext } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let anonymous: BrowserContext;

beforeAll(async () => {
  server = await startServer({ timeoutMs: 150_000 });
  browser = await launchBrowser();
  anonymous = await newContext(browser, server.url, { javaScriptEnabled: false });
}, 240_000);

afterAll(async () => {
  await anonymous?.close();
  await browser?.close();
  await server?.stop();
});

describe("comparison between municipalities", () => {
  test("the index lists the dictionary and how many municipalities publish", async () => {
    const page = await anonymous.newPage();
    await page.goto("/porownania");
    await expect(page.locator("h1").textContent()).resolves.toBe("Porównanie gmin");
    const row = page.locator("tr", { hasText: "Rodziny objęte wsparciem asystenta rodziny" });
    await expect(row.textContent()).resolves.toContain("1 gmina");
    await checkA11y(page, "comparison index");
    await page.close();
  });

  test("the indicator page shows published values only, absolute and per 1000", async () => {
    const page = await anonymous.newPage();
    const response = await page.goto("/porownania/WR-01");
    expect(response?.status()).toBe(200);
    const table = page.locator("main table.table").last();
    const rows = (await table.locator("tbody tr").allTextContents()).map((r) =>
      r.replace(/\s/gu, " "),
    );
    expect(rows.some((r) => r.includes("Miasto Ruda Śląska") && r.includes("2019"))).toBe(true);
    expect(rows.some((r) => r.includes("137 100") && r.includes("0,3"))).toBe(true);
    // The 2020 value (47) is in the live data, not in any publication.
    expect(rows.some((r) => r.includes("2020"))).toBe(false);
    expect(await page.locator("main").textContent()).not.toContain("47 rodzin");
    const chart = page.locator("main svg[role='img']").first();
    await expect(chart.getAttribute("aria-label")).resolves.toContain("Wykres liniowy");
    await checkA11y(page, "comparison page");
    const csv = await anonymous.request.get("/porownania/WR-01/dane.csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("WR-01;Rodziny objęte wsparciem asystenta rodziny;Miasto Ruda Śląska");
    expect(text).toMatch(/;2019;[^\r\n]*;41;rodziny;;137100;0,3/u);
    expect(text).not.toMatch(/;2020;/u);
    expect(text).not.toMatch(/;47;/u);
    expect((await anonymous.request.get("/porownania/XX-99")).status()).toBe(404);
    await page.close();
  });

  test("narrows to a voivodeship and a year with a GET form, the CSV too", async () => {
    const page = await anonymous.newPage();
    await page.goto("/porownania/WR-01");
    await page.getByLabel("Województwo").selectOption({ label: "śląskie" });
    await page.getByLabel("Rok").selectOption({ label: "2019 r." });
    await page.getByRole("button", { name: "Pokaż" }).click();
    await page.waitForURL((url) => url.search === "?woj=24&rok=2019");
    const caption = await page.locator("main table.table caption").last().textContent();
    expect(caption).toContain("województwo śląskie, 2019 r.");
    expect(await page.getByLabel("Województwo").inputValue()).toBe("24");
    await checkA11y(page, "comparison narrowed to a voivodeship and a year");
    const href = await page.getByRole("link", { name: /Pobierz .*CSV/u }).getAttribute("href");
    expect(href).toBe("/porownania/WR-01/dane.csv?woj=24&rok=2019");
    const csv = await anonymous.request.get(href!);
    expect(csv.headers()["content-disposition"]).toContain("porownanie-WR-01-24-2019.csv");
    expect(await csv.text()).toMatch(/;2019;/u);
    // A voivodeship nobody there publishes in is not a blank page: the whole country shows.
    await page.goto("/porownania/WR-01?woj=02&rok=abc");
    const rows = await page.locator("main table.table").last().locator("tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.getByLabel("Województwo").inputValue()).toBe("");
    await page.close();
  });

  test("the population page refuses a malformed CSV with an error per line", async () => {
    const staff = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await staff.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto("/g/ruda-slaska/ludnosc");
    await checkA11y(page, "population page");
    await page.getByLabel("Plik CSV z liczbą mieszkańców").setInputFiles({
      name: "ludnosc.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("rok;ludnosc\n2024;abc\n20x5;130 000\n2026;120 000\n", "utf8"),
    });
    await page.getByRole("button", { name: "Wczytaj plik" }).click();
    const summary = await page.locator(".error-summary").textContent();
    expect(summary).toContain("Wiersz 2: liczba mieszkańców „abc” nie jest liczbą całkowitą");
    expect(summary).toContain("Wiersz 3: rok „20x5” nie jest rokiem");
    await checkA11y(page, "population upload with errors");
    await page.goto("/g/ruda-slaska/ludnosc");
    expect(await page.locator("main").textContent()).not.toContain("120 000");
    await staff.close();
  });

  test("the indicator form has the dictionary select with the stored code", async () => {
    const staff = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await staff.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto("/g/ruda-slaska/szukaj?q=asystenci");
    const link = page.locator("main a[href*='/wskazniki/']").first();
    const href = await link.getAttribute("href");
    const id = /wskazniki\/([0-9a-f-]{36})/u.exec(href ?? "")?.[1];
    expect(id).toBeTruthy();
    await page.goto(`/g/ruda-slaska/struktura/wskazniki/${id}`);
    const select = page.getByLabel("Wskaźnik wspólny (do porównań)");
    await expect(select.inputValue()).resolves.toBe("WR-01");
    await checkA11y(page, "indicator form with the dictionary select");
    await staff.close();
  });
});
