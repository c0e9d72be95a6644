// The explorer (/g/:tenant/analiza, decision 055) in a real browser, with JavaScript and without:
// a selection made through the GET form lands in the address, the table holds the demo's values
// the Polish way, each indicator has a server-drawn chart with its text alternative and data, the
// CSV export holds the same rows, a wrong address gets a Polish error summary, axe finds nothing.
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
// Ruda's factory demo: MOPS reports the families a family assistant finished with, 41 in 2019
// and 47 in 2020, the 2020 value split by reason (18 / 24 / 5).
const FAMILIES = "liczba rodzin, z którymi asystenci zakończyli pracę";

// Ruda's placements in work: PUP 15 and MOPS 9 of 24 in 2020, unpublished.
const EMPLOYED = "liczba osób, które podjęły zatrudnienie";

async function institutionParam(page: Page, name: RegExp): Promise<string> {
  const value = await page.getByRole("checkbox", { name }).getAttribute("value");
  return `i=${value}`;
}

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

async function tableRows(page: Page): Promise<string[][]> {
  return page
    .locator("#wyniki-tabela tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())),
    );
}

describe.each([true, false])("explorer with JavaScript %s", (javaScriptEnabled) => {
  test("a selection shows the table, a chart and the CSV of the same values", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.viewer);
    await page.goto(RUDA);
    await settle(page);
    await page.getByRole("navigation").getByRole("link", { name: "Analiza" }).click();
    await page.waitForURL(`**${RUDA}/analiza`);
    await settle(page);
    await page.getByRole("checkbox", { name: new RegExp(FAMILIES) }).check();
    await page.getByLabel("Od roku").fill("2019");
    await page.getByLabel("Do roku").fill("2020");
    await page.getByRole("checkbox", { name: /\(MOPS\)/ }).check();
    await page.getByRole("checkbox", { name: "inny podział" }).check();
    await page.getByRole("button", { name: "Pokaż" }).click();
    await page.waitForURL(/analiza\?w=/);
    await settle(page);
    const url = new URL(page.url());
    expect(url.searchParams.get("od")).toBe("2019");
    expect(url.searchParams.get("podzial")).toBe("other");

    const rows = (await tableRows(page)).map((r) => r.slice(1, 5));
    expect(rows).toEqual([
      ["2019", "wartość ogółem", "Razem", "41"],
      ["2019", "wartość instytucji", "MOPS", "41"],
      ["2020", "wartość ogółem", "Razem", "47"],
      ["2020", "wartość instytucji", "MOPS", "47"],
      ["2020", "podział", "inny podział: osiągnięcie celów", "18"],
      ["2020", "podział", "inny podział: brak współpracy", "24"],
      ["2020", "podział", "inny podział: inne przyczyny", "5"],
    ]);

    const svg = page.locator("figure.chart svg[role='img']");
    await expect(svg.count()).resolves.toBe(1);
    const alt = (await svg.getAttribute("aria-label")) ?? "";
    expect(alt).toContain(`Wykres liniowy: ${FAMILIES} w latach 2019–2020 (rodziny).`);
    expect(alt).toContain("Razem: 2019 – 41, 2020 – 47");
    await page.getByText("Dane wykresu").click();
    await expect(page.locator("figure.chart table tbody tr").count()).resolves.toBe(2);

    const csvHref = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(csvHref).toBe(`${RUDA}/analiza/dane.csv${url.search}`);
    const xlsxHref = await page.getByRole("link", { name: "XLSX" }).getAttribute("href");
    expect(xlsxHref).toBe(`${RUDA}/analiza/dane.xlsx${url.search}`);
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Wskaźnik;Rok;Rodzaj;Seria;Wartość;Szacunek;Jednostka");
    expect(lines.slice(1).map((l) => l.split(";").slice(1, 5))).toEqual(rows);
    const xlsx = await page.request.get(xlsxHref!);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

    if (javaScriptEnabled) await checkA11y(page, "explorer with a selection");
    await context.close();
  });

  test("a partner sees their own part of an unpublished value, never its total", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.partner);
    await page.goto(`${RUDA}/analiza`);
    await settle(page);
    const box = page.getByRole("checkbox", { name: new RegExp(EMPLOYED) });
    const id = await box.first().getAttribute("value");
    // The reported year only: the demo's example years before it (decision 054) are as hidden.
    const response = await page.goto(`${RUDA}/analiza?w=${id}&od=2020`);
    expect(response!.status(), server.stderr()).toBe(200);
    await settle(page);
    const rows = (await tableRows(page)).map((r) => r.slice(1, 5));
    // PUP's 15 of 2020; the total (24, with MOPS's 9) is not published.
    expect(rows).toEqual([["2020", "wartość ogółem", "Razem", "niedostępna"]]);
    const withPup = await page.goto(
      `${RUDA}/analiza?w=${id}&od=2020&${await institutionParam(page, /\(PUP\)/)}`,
    );
    expect(withPup!.status()).toBe(200);
    await settle(page);
    expect((await tableRows(page)).map((r) => r.slice(1, 5))).toEqual([
      ["2020", "wartość ogółem", "Razem", "niedostępna"],
      ["2020", "wartość instytucji", "PUP", "15"],
    ]);
    await context.close();
  });

  test("a wrong address gets a Polish error summary and the field's error", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.viewer);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const response = await page.goto(`${RUDA}/analiza?w=${unknown}&od=abc`);
    expect(response!.status(), server.stderr()).toBe(200);
    await settle(page);
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("heading").textContent()).resolves.toBe("Wystąpił problem");
    const links = await summary.getByRole("link").allTextContents();
    expect(links).toEqual([
      "Adres zawiera nieznany wskaźnik — pominięto go.",
      "Rok początkowy „abc” nie jest rokiem z zakresu 1990–2100 — pominięto.",
    ]);
    await expect(page.locator("#f-w-error").textContent()).resolves.toContain("nieznany wskaźnik");
    await expect(page.locator("#f-w").count()).resolves.toBe(1);
    await expect(page.locator("#wyniki-tabela").count()).resolves.toBe(0);
    if (javaScriptEnabled) await checkA11y(page, "explorer with errors");
    await context.close();
  });
});
