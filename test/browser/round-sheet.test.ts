// The spreadsheet path of a round in Chromium: the coordinator opens the round, the partner
// downloads the personal workbook, fills it with exceljs as a person would in Excel, uploads it,
// sees a per-cell error, then the differences, confirms and finds the values on the task pages.
// Then a race: a form save after the download is shown as changed since the download and is not
// overwritten without an explicit tick. axe checks every page visited.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
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
const STRATEGY =
  "Strategia Rozwiązywania Problemów Społecznych Miasta Ruda Śląska na lata 2016–2025";
const CARD = "Warsztat edukacyjno-rozwojowy dla osób bezrobotnych";
const INDICATOR = "liczba osób, które podjęły zatrudnienie";
const EFFECTS = "Osiągnięte efekty, wskaźniki realizacji działań";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let roundUrl = "";

async function page(): Promise<Page> {
  const c = await newContext(browser, server.url, { acceptDownloads: true });
  contexts.push(c);
  return c.newPage();
}

async function go(p: Page, url: string) {
  await p.goto(url);
  await settle(p);
}

async function download(p: Page, name: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    p.waitForEvent("download"),
    p.getByRole("link", { name }).first().click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Fills the workbook the way a person would: typing into the open (yellow) cells. */
async function fill(
  bytes: Buffer,
  edit: { value?: string | number; effects?: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const indicators = wb.getWorksheet("Wskaźniki")!;
  for (let r = 2; r <= indicators.rowCount; r++) {
    const row = indicators.getRow(r);
    if (edit.value !== undefined && row.getCell(6).value === INDICATOR) {
      row.getCell(9).value = edit.value;
    }
  }
  const cards = wb.getWorksheet("Karty projektów")!;
  for (let r = 2; r <= cards.rowCount; r++) {
    const row = cards.getRow(r);
    const title = String(row.getCell(5).value ?? "");
    if (edit.effects !== undefined && title.includes(CARD) && row.getCell(3).value === "effects") {
      row.getCell(8).value = edit.effects;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(p: Page, roundId: string, file: { name: string; buffer: Buffer }) {
  await go(p, `${RUDA}/moje-zadania/arkusz/${roundId}/wczytaj`);
  await p.getByLabel("Plik arkusza").setInputFiles({ ...file, mimeType: XLSX });
  await p.getByRole("button", { name: "Wczytaj i pokaż zmiany" }).click();
  await p.waitForLoadState("load");
  await settle(p);
}

async function taskValue(p: Page, label: string | RegExp): Promise<void> {
  await go(p, `${RUDA}/moje-zadania`);
  await p.getByRole("link", { name: label }).first().click();
  await p.waitForURL((u) => /\/moje-zadania\/[0-9a-f-]{36}$/.test(u.pathname));
  await settle(p);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The coordinator opens the 2021 round; the demo partner (PUP) gets its items from 2020.
  const coordinator = await page();
  await login(coordinator, ACCOUNTS.coordinator);
  await go(coordinator, `${RUDA}/sprawozdawczosc`);
  await coordinator.getByLabel("Dokument").selectOption({ label: STRATEGY });
  await coordinator.getByLabel("Rok sprawozdawczy").fill("2021");
  await coordinator.getByLabel("Termin dla realizatorów").fill("2099-02-28");
  await Promise.all([
    coordinator.waitForURL((u) => /\/sprawozdawczosc\/[0-9a-f-]{36}$/.test(u.pathname)),
    coordinator.getByRole("button", { name: "Otwórz rundę", exact: true }).click(),
  ]);
  await settle(coordinator);
  roundUrl = new URL(coordinator.url()).pathname;
  await checkA11y(coordinator, "round with institution workbooks");
  // The coordinator may download an institution's workbook, e.g. to send it by e-mail.
  const file = await download(coordinator, /Pobierz arkusz \(XLSX\): PUP/);
  expect(file.name).toBe("Arkusz 2021 — Powiatowy Urząd Pracy w Rudzie Śląskiej.xlsx");
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("the partner's spreadsheet", () => {
  test("download, a per-cell error, the differences, confirmed and saved", async () => {
    const roundId = roundUrl.split("/").at(-1)!;
    const partner = await page();
    await login(partner, ACCOUNTS.partner);
    await go(partner, `${RUDA}/moje-zadania`);
    await checkA11y(partner, "my tasks with the workbook links");
    await partner
      .getByRole("row", { name: new RegExp(`${INDICATOR}.*nie rozpoczęto`) })
      .first()
      .waitFor();
    const sheet = await download(partner, "Pobierz arkusz (XLSX)");
    expect(sheet.name).toBe("Arkusz 2021 — Powiatowy Urząd Pracy w Rudzie Śląskiej.xlsx");

    // A number Busola cannot read: an error pointing at the cell, nothing saved.
    await upload(partner, roundId, {
      name: "arkusz.xlsx",
      buffer: await fill(sheet.bytes, { value: "dwadzieścia", effects: "Efekty z arkusza." }),
    });
    const errors = partner.locator("table", { hasText: "Błędy w arkuszu" });
    await errors.getByRole("row", { name: /Wskaźniki I\d+ .*nie jest liczbą/ }).waitFor();
    await partner
      .locator(".error-summary")
      .getByText(/Arkusz „Wskaźniki”, komórka I\d+/)
      .waitFor();
    await checkA11y(partner, "upload with a per-cell error");

    // Corrected: the differences, then saved after confirmation.
    await upload(partner, roundId, {
      name: "arkusz.xlsx",
      buffer: await fill(sheet.bytes, { value: "17", effects: "Efekty z arkusza." }),
    });
    await partner.waitForURL((u) => /\/wczytaj\/[0-9a-f-]{36}$/.test(u.pathname));
    await partner.getByRole("heading", { name: "Zmiany z arkusza", level: 1 }).waitFor();
    await partner.getByRole("row", { name: /Wartość \(osoby\) — 17/ }).waitFor();
    await partner.getByRole("row", { name: /Osiągnięte efekty.*Efekty z arkusza\./ }).waitFor();
    await checkA11y(partner, "workbook differences");
    await Promise.all([
      partner.waitForURL((u) => u.pathname === `${RUDA}/moje-zadania`),
      partner.getByRole("button", { name: "Zapisz zmiany" }).click(),
    ]);
    await settle(partner);
    await partner.getByText("Zapisano zmiany z arkusza: 2 pozycje.").waitFor();
    await partner
      .getByRole("row", { name: new RegExp(`${INDICATOR}.*w toku`) })
      .first()
      .waitFor();
    await checkA11y(partner, "my tasks after the workbook was saved");

    await taskValue(partner, INDICATOR);
    await expect(partner.getByLabel(/^Wartość za rok 2021/).inputValue()).resolves.toBe("17");
    await checkA11y(partner, "contribution saved from the workbook");
    await taskValue(partner, new RegExp(CARD));
    await expect(partner.getByLabel(EFFECTS).inputValue()).resolves.toBe("Efekty z arkusza.");
    await checkA11y(partner, "card saved from the workbook");
  });

  test("a form save after the download is never overwritten silently", async () => {
    const roundId = roundUrl.split("/").at(-1)!;
    const partner = await page();
    await login(partner, ACCOUNTS.partner);
    await go(partner, `${RUDA}/moje-zadania`);
    const sheet = await download(partner, "Pobierz arkusz (XLSX)");

    // After the download, the same value is saved through the form.
    await taskValue(partner, INDICATOR);
    await partner.getByLabel(/^Wartość za rok 2021/).fill("20");
    await Promise.all([
      partner.waitForURL((u) => u.searchParams.get("zapisano") === "1"),
      partner.getByRole("button", { name: "Zapisz wersję roboczą" }).click(),
    ]);
    await settle(partner);

    await upload(partner, roundId, {
      name: "arkusz.xlsx",
      buffer: await fill(sheet.bytes, { value: "25" }),
    });
    await partner.getByRole("heading", { name: "Zmiany z arkusza", level: 1 }).waitFor();
    await partner.getByText("zmieniono po pobraniu").first().waitFor();
    await partner
      .getByText(/zmienił\(a\) ją Paweł Partner/)
      .first()
      .waitFor();
    // Compared with what is stored now: the form's 20, not the 17 of the download.
    await partner.getByRole("row", { name: /Wartość \(osoby\) 20 25/ }).waitFor();
    await checkA11y(partner, "differences with an item changed since the download");
    const confirmUrl = new URL(partner.url()).pathname;

    // Without the tick: a conflict, nothing saved.
    await partner.getByRole("button", { name: "Zapisz zmiany" }).click();
    await partner
      .locator(".error-summary")
      .getByText(/Nic nie zapisano/)
      .waitFor();
    await checkA11y(partner, "conflict on confirmation");
    await taskValue(partner, INDICATOR);
    await expect(partner.getByLabel(/^Wartość za rok 2021/).inputValue()).resolves.toBe("20");

    // With the tick: the partner's workbook replaces the form's value, deliberately.
    await go(partner, confirmUrl);
    await partner.getByLabel(/^Zastąp dane zmienione w Busoli/).check();
    await Promise.all([
      partner.waitForURL((u) => u.pathname === `${RUDA}/moje-zadania`),
      partner.getByRole("button", { name: "Zapisz zmiany" }).click(),
    ]);
    await settle(partner);
    await taskValue(partner, INDICATOR);
    await expect(partner.getByLabel(/^Wartość za rok 2021/).inputValue()).resolves.toBe("25");
  });

  test("bad files and guessed ids: a Polish message or not found, nothing written", async () => {
    const roundId = roundUrl.split("/").at(-1)!;
    const partner = await page();
    await login(partner, ACCOUNTS.partner);
    await upload(partner, roundId, {
      name: "dane.xlsx",
      buffer: Buffer.from("liczba;17\n", "utf8"),
    });
    await partner.locator(".error-summary").getByText("To nie jest plik XLSX.").first().waitFor();
    await checkA11y(partner, "upload of a file that is not XLSX");

    const guessed = "00000000-0000-4000-8000-000000000000";
    expect((await partner.goto(`${RUDA}/moje-zadania/arkusz/${guessed}`))?.status()).toBe(404);
    expect((await partner.goto(`${RUDA}/moje-zadania/arkusz/${guessed}/wczytaj`))?.status()).toBe(
      404,
    );
    expect(
      (await partner.goto(`${RUDA}/moje-zadania/arkusz/${roundId}/wczytaj/${guessed}`))?.status(),
    ).toBe(404);
    // Another municipality's partner: the round does not exist for them.
    const other = await page();
    await login(other, ACCOUNTS.ostrowiecPartner);
    expect((await other.goto(`${RUDA}/moje-zadania/arkusz/${roundId}`))?.status()).toBe(404);
    expect(
      (await other.goto(`/g/ostrowiec-swietokrzyski/moje-zadania/arkusz/${roundId}`))?.status(),
    ).toBe(404);
  });
});
