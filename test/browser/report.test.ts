// The annual report in the browser: the report page and the HTML report pass axe (and print
// its indicator tables on landscape pages), a draft DOCX downloads (without JavaScript too), and
// marking final is refused with a Polish message while error findings are open.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ACCOUNTS,
  checkA11y,
  launchBrowser,
  login,
  newContext,
  settle,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { zipEntries } from "../support/unzip.ts";

const RUDA = "/g/ruda-slaska";

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

describe.each([true, false])("report page with JavaScript %s", (javaScriptEnabled) => {
  test("report page, HTML report, draft DOCX download, final refused while errors are open", async () => {
    const context = await newContext(browser, server.url, {
      javaScriptEnabled,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(`${RUDA}/dokumenty/srps-2016-2025?rok=2020`);
    await settle(page);
    await Promise.all([
      page.waitForURL(/\/raport\?rok=2020/u),
      page.getByRole("link", { name: /Sprawozdanie za rok 2020/u }).click(),
    ]);
    await settle(page);
    await expect.poll(() => page.locator("h1").innerText()).toBe("Sprawozdanie za rok 2020");
    await checkA11y(page, "report page");

    // A draft DOCX: a real download, with or without JavaScript.
    const draftForm = page.locator("form", {
      has: page.getByRole("button", { name: "Pobierz wersję roboczą" }),
    });
    await draftForm.getByLabel("Word (DOCX) — do dalszej edycji").check();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Pobierz wersję roboczą" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^sprawozdanie-srps-2016-2025-2020-karty-projektow\.docx$/u,
    );
    // Drawn by the built server: the charts are PNG pictures (resvg, decision 060).
    const docx = readFileSync((await download.path())!);
    expect(
      zipEntries(docx).filter((n) => /^word\/media\/.+\.png$/u.test(n)).length,
    ).toBeGreaterThan(0);

    // Marking final with an open error finding: refused, with the reason.
    const finalForm = page.locator("form#f-final");
    await finalForm.getByLabel("Strona HTML — dostępna wersja do przeglądarki").check();
    await finalForm.getByRole("button", { name: "Zatwierdź i zapisz raport ostateczny" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").innerText()).toMatch(/nie można zatwierdzić/iu);
    await checkA11y(page, "report page with an error");
    await context.close();
  });
});

test("the HTML report passes axe and names every project of the demo", async () => {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  await login(page, ACCOUNTS.coordinator);
  const response = await page.goto(
    `${RUDA}/dokumenty/srps-2016-2025/raport/plik?rok=2020&uklad=cards&format=html&wykresy=tak`,
  );
  expect(response!.status()).toBe(200);
  expect(await page.locator("h1").count()).toBe(1);
  const text = await page.locator("body").innerText();
  for (const title of [
    "Monitorowanie problemów społecznych",
    "Asystent rodziny",
    "Centrum Wsparcia Rodziny",
  ]) {
    expect(text).toContain(title);
  }
  await checkA11y(page, "HTML report");
  const indicators = await page.goto(
    `${RUDA}/dokumenty/srps-2016-2025/raport/plik?rok=2020&uklad=indicators&format=html&wykresy=tak`,
  );
  expect(indicators!.status()).toBe(200);
  await checkA11y(page, "HTML report, indicator tables");
  // Printed by Chromium: the named @page turns the goals' tables landscape, the title page
  // stays portrait — served with a policy that lets its inline style apply (decision 073).
  const printed = path.join(mkdtempSync(path.join(tmpdir(), "busola-print-")), "r.pdf");
  writeFileSync(printed, await page.pdf({ preferCSSPageSize: true }));
  const sizes = [
    ...execFileSync("pdfinfo", ["-f", "1", "-l", "999", printed], { encoding: "utf8" }).matchAll(
      /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gu,
    ),
  ].map((m) => Number(m[1]) > Number(m[2]));
  expect(sizes[0]).toBe(false);
  expect(sizes).toContain(true);
  // The PDF is made by the served bundle too (its fonts found from the build directory).
  const pdf = await page.request.get(
    `${RUDA}/dokumenty/srps-2016-2025/raport/plik?rok=2020&uklad=cards&format=pdf&publiczna=tak`,
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await context.close();
});

test("a partner of another municipality cannot fetch the report", async () => {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  await login(page, ACCOUNTS.ostrowiecPartner);
  const response = await page.goto(
    `${RUDA}/dokumenty/srps-2016-2025/raport/plik?rok=2020&uklad=cards&format=html`,
  );
  expect(response!.status()).toBe(404);
  await context.close();
});

// Last in the file: it acknowledges findings the tests above need open.
describe.each([true, false])("bulk findings with JavaScript %s", (javaScriptEnabled) => {
  test("the findings page: errors at the field, then findings acknowledged with one comment", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(`${RUDA}/dokumenty/srps-2016-2025/raport?rok=2020`);
    await settle(page);
    await Promise.all([
      page.waitForURL(/\/uwagi\?rok=2020/u),
      page.getByRole("link", { name: /Przejrzyj i potwierdź uwagi za rok 2020/u }).click(),
    ]);
    await settle(page);
    await expect
      .poll(() => page.locator("h1").innerText())
      .toBe("Uwagi do sprawdzenia za rok 2020");
    await checkA11y(page, "findings page");
    const count = () => page.locator(".findings-bulk .checkbox__input").count();
    const before = await count();
    expect(before).toBeGreaterThan(0);

    // Nothing ticked and no comment: both said at the top and at the fields, in Polish.
    await page.getByRole("button", { name: "Potwierdź uwagi z komentarzem" }).click();
    await page.locator(".error-summary").waitFor();
    const summary = await page.locator(".error-summary").innerText();
    expect(summary).toContain("Zaznacz co najmniej jedną uwagę na liście.");
    expect(summary).toContain("Wpisz komentarz");
    await checkA11y(page, "findings page with errors");

    if (javaScriptEnabled) {
      // Every finding of one rule at once.
      const rule = page.locator("#f-regula option").nth(1);
      await page.locator("#f-regula").selectOption((await rule.getAttribute("value"))!);
      await Promise.all([
        page.waitForURL(/regula=/u),
        page.getByRole("button", { name: "Pokaż uwagi" }).click(),
      ]);
      await settle(page);
      await page.getByLabel(/Wszystkich pokazanych/u).check();
    } else {
      await page.locator(".findings-bulk .checkbox__input").first().check();
    }
    await page.getByLabel("Komentarz do potwierdzenia").fill("Sprawdzone z instytucjami.");
    await page.getByRole("button", { name: "Potwierdź uwagi z komentarzem" }).click();
    await page.getByText(/Potwierdzono \d+ uwag/u).waitFor();
    await checkA11y(page, "findings page after acknowledging");
    await page.goto(`${RUDA}/dokumenty/srps-2016-2025/uwagi?rok=2020`);
    await settle(page);
    expect(await count()).toBeLessThan(before);
    await context.close();
  });
});
