// Issue 12 on first start: the demo's made-up earlier years draw trends on the viewer's and the
// partner's home, each marked "dane przykładowe" (decision 054); the status against a target
// shows in the tree and on the home page and follows the document's threshold, whose field
// answers "150" and "abc" with a Polish error — with JavaScript and without, axe-clean.
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
const TREE = `${RUDA}/dokumenty/srps-2016-2025?rok=2020`;
const DOC_FORM = `${RUDA}/struktura/dokumenty/srps-2016-2025`;
const FAMILIES = "liczba rodzin, z którymi asystenci zakończyli pracę";
const THRESHOLD = "Próg „blisko celu” (%)";
const THRESHOLD_ERROR =
  "Wpisz próg jako liczbę całkowitą od 1 do 99, np. 80, albo zostaw pole puste (wtedy 80 %).";

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

async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response!.status(), server.stderr()).toBe(200);
  await settle(page);
}

/** The status tag in the tree's row of an indicator. */
async function treeStatus(page: Page, indicator: string): Promise<string> {
  await open(page, TREE);
  const row = page.locator("tr").filter({ has: page.getByRole("link", { name: indicator }) });
  return (await row.locator(".target-status").innerText()).trim();
}

describe("example years on first start", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`the viewer's home draws trends marked as example data (JS ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await newContext(browser, server.url, { javaScriptEnabled });
      const page = await context.newPage();
      await login(page, ACCOUNTS.viewer);
      await open(page, RUDA);
      const trends = page
        .locator("figure.chart")
        .filter({ has: page.locator(".chart__note", { hasText: "dane przykładowe" }) });
      expect(await trends.count()).toBeGreaterThanOrEqual(2);
      await expect(trends.first().locator(".chart__note").innerText()).resolves.toMatch(
        /^Lata 2016, 2017, 2018: dane przykładowe/u,
      );
      // The page says it once in words above the charts, not only under each.
      await expect(
        page.locator("#pulpit-tytul ~ .example-data__notice").innerText(),
      ).resolves.toContain("dane przykładowe");
      await checkA11y(page, `viewer home with example years (JS ${javaScriptEnabled})`);
      await context.close();
    });
  }

  test("the partner's home draws their institution's own values over the years", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.ostrowiecPartner);
    await open(page, "/g/ostrowiec-swietokrzyski");
    await expect(
      page
        .getByRole("heading", {
          name: "Wartości przekazane przez moją instytucję w kolejnych latach",
        })
        .count(),
    ).resolves.toBe(1);
    const own = page.locator("section[aria-labelledby='zadania-tytul'] figure.chart");
    expect(await own.count()).toBeGreaterThanOrEqual(1);
    await expect(own.first().locator(".chart__note").innerText()).resolves.toContain(
      "dane przykładowe",
    );
    await checkA11y(page, "partner home with example years");
    await context.close();
  });

  test("the tree of an example year says so; the year list marks it", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.viewer);
    await open(page, `${RUDA}/dokumenty/srps-2016-2025?rok=2017`);
    await expect(page.locator(".example-data__notice").innerText()).resolves.toContain(
      "Rok 2017: dane przykładowe",
    );
    await expect(page.locator("#rok option[value='2017']").innerText()).resolves.toBe(
      "2017 (dane przykładowe)",
    );
    await expect(page.locator("#rok option[value='2020']").innerText()).resolves.toBe("2020");
    // The report page of such a year says so too; the home page lists those years apart.
    await open(page, `${RUDA}/dokumenty/srps-2016-2025/raport?rok=2017`);
    await expect(page.locator(".example-data__notice").innerText()).resolves.toContain(
      "Rok 2017: dane przykładowe",
    );
    await open(page, RUDA);
    const item = page.locator(".card-list__item").filter({ hasText: "2016–2025" }).first();
    await expect(item.innerText()).resolves.toMatch(
      /Lata sprawozdawcze: 2020, 2019\s+Lata z danymi przykładowymi \(wygenerowanymi do demonstracji\): 2018, 2017, 2016/u,
    );
    await context.close();
  });

  test("the publication page offers reported years only", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await open(page, `${RUDA}/dokumenty/srps-2016-2025/publikacja`);
    const years = await page.locator("ul.public-links a").allInnerTexts();
    expect(years).toEqual(["2020 r.", "2019 r."]);
    await context.close();
  });

  test("the public portal shows published years only, never an example year", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await open(page, "/gminy/ruda-slaska");
    const links = await page
      .locator("a[href*='/dokumenty/']")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(links.some((h) => h.includes("/2020"))).toBe(true);
    expect(links.filter((h) => /\/(2016|2017|2018)(\/|$)/u.test(h))).toEqual([]);
    const missing = await page.goto("/gminy/ruda-slaska/dokumenty/srps-2016-2025/2017");
    expect(missing!.status()).toBe(404);
    await context.close();
  });
});

describe("status against the target", () => {
  test("a target set on an indicator shows its status in the tree and on the home page", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await open(page, TREE);
    const href = await page.getByRole("link", { name: FAMILIES }).first().getAttribute("href");
    const id = /wskazniki\/([^/]+)\//u.exec(href!)![1];
    await open(page, `${RUDA}/struktura/wskazniki/${id}`);
    await page.getByLabel("Wartość docelowa").fill("60");
    await page.getByRole("button", { name: "Zapisz", exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith(`${RUDA}/struktura/`));
    // 47 of 60 with no baseline: 78 %, below the default 80 %.
    expect(await treeStatus(page, FAMILIES)).toBe("poniżej oczekiwań");
    await checkA11y(page, "tree with status tags");
    // The value form shows what the value is measured against.
    await open(page, `${RUDA}/wskazniki/${id}/2020/edycja`);
    expect(await page.locator("main").innerText()).toMatch(/Wartość docelowa\s+60\b/u);
    await open(page, RUDA);
    const statuses = page.locator("figure.chart").filter({ hasText: "według stanu realizacji" });
    expect(await statuses.count()).toBe(1);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`the document's threshold refuses "150" and "abc" in Polish, then moves the status (JS ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await newContext(browser, server.url, { javaScriptEnabled });
      const page = await context.newPage();
      await login(page, ACCOUNTS.coordinator);
      for (const bad of ["150", "abc"]) {
        await open(page, DOC_FORM);
        const field = page.getByLabel(THRESHOLD);
        await field.fill(bad);
        await page.getByRole("button", { name: "Zapisz", exact: true }).click();
        const summary = page.getByRole("alert").filter({ hasText: "Wystąpił problem" });
        await summary.waitFor();
        await expect(summary.getByRole("link").allInnerTexts()).resolves.toEqual([THRESHOLD_ERROR]);
        await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
        await expect(field.inputValue()).resolves.toBe(bad);
        const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
        const errorId = describedBy.split(" ").find((i) => i.endsWith("-error"))!;
        await expect(page.locator(`#${errorId}`).innerText()).resolves.toContain(THRESHOLD_ERROR);
        await checkA11y(page, `document form, threshold "${bad}" (JS ${javaScriptEnabled})`);
      }
      // 70 % makes 78 % of the way "close"; emptying it brings the default back.
      for (const [threshold, status] of [
        ["70", "blisko celu"],
        ["", "poniżej oczekiwań"],
      ] as const) {
        await open(page, DOC_FORM);
        await page.getByLabel(THRESHOLD).fill(threshold);
        await page.getByRole("button", { name: "Zapisz", exact: true }).click();
        await page.waitForURL((u) => !u.pathname.startsWith(`${RUDA}/struktura/`));
        expect(await treeStatus(page, FAMILIES)).toBe(status);
      }
      await context.close();
    });
  }
});
