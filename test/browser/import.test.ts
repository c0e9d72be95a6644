// Import in the browser: upload a report, review it (axe), reject an item, correct a title,
// commit, and find the result; bad files get a Polish message and nothing is saved; partners
// never see the import pages. The server runs with a 1 MB upload limit to test refusals quickly.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

const RUDA = "/g/ruda-slaska";
const FIXTURE = fileURLToPath(new URL("../fixtures/import/relaid-cards.txt", import.meta.url));
const SEED_003 = fileURLToPath(
  new URL("../../app/demo/seeds/ostrowiec-2021-tabele-wskaznikow.txt", import.meta.url),
);

let server: TestServer;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  server = await startServer({ env: { BUSOLA_IMPORT_MAX_MB: "1" } });
  browser = await launchBrowser();
  scratch = await mkdtemp(path.join(tmpdir(), "busola-upload-test-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each([true, false])("import with JavaScript %s", (javaScriptEnabled) => {
  test("upload, review, reject one item, correct a title, commit", async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(`${RUDA}/import`);
    await settle(page);
    expect(await page.locator("h1").innerText()).toBe("Import sprawozdania");
    await checkA11y(page, "import page");

    await page.getByLabel("Plik sprawozdania").setInputFiles(FIXTURE);
    await Promise.all([
      page.waitForURL(/\/import\/[0-9a-f-]{36}$/u),
      page.getByRole("button", { name: "Wczytaj i pokaż propozycję" }).click(),
    ]);
    await settle(page);
    await expect.poll(() => page.locator("h1").innerText()).toMatch(/^Przegląd importu/u);
    // A second run would be matched to the document the first one made: save as new here.
    await page.goto(`${page.url()}?dokument=nowy`);
    await settle(page);
    await expect
      .poll(() => page.getByRole("heading", { name: /Projekty i ich karty \(5\)/u }).count())
      .toBe(1);
    // The source passage stands beside each card.
    expect(await page.locator("blockquote").first().innerText()).toMatch(/\S/u);
    await checkA11y(page, "review page");

    const title = page.getByLabel("Tytuł projektu").nth(3);
    await title.fill("Rudzki Zakład Aktywności Zawodowej (poprawiony)");
    const slug = `karty-${javaScriptEnabled ? "js" : "nojs"}`;
    await page.getByLabel("Adres w systemie").fill(slug);
    // A section at once, and back: nothing typed is lost on the way (issue 14 item 3).
    const projectBoxes = page
      .getByRole("region", { name: /Projekty i ich karty/u })
      .getByRole("checkbox");
    await page
      .getByRole("button", { name: /^Odznacz wszystkie\s+w sekcji „Projekty i ich karty”$/u })
      .click();
    await settle(page);
    await expect.poll(() => projectBoxes.first().isChecked()).toBe(false);
    for (const box of await projectBoxes.all()) expect(await box.isChecked()).toBe(false);
    const goalBoxes = page
      .getByRole("region", { name: /Cele strategiczne/u })
      .getByRole("checkbox");
    expect(await goalBoxes.first().isChecked()).toBe(true);
    expect(await page.getByLabel("Tytuł projektu").nth(3).inputValue()).toBe(
      "Rudzki Zakład Aktywności Zawodowej (poprawiony)",
    );
    expect(await page.getByLabel("Adres w systemie").inputValue()).toBe(slug);
    await page
      .getByRole("button", { name: /^Zaznacz wszystkie\s+w sekcji „Projekty i ich karty”$/u })
      .click();
    await settle(page);
    await expect.poll(() => projectBoxes.first().isChecked()).toBe(true);
    await checkA11y(page, "review page after a bulk choice");

    await page.getByLabel(/Zapisz: C6K1 Projekt praca!/u).uncheck();
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Zatwierdź i zapisz zaznaczone" }).click(),
    ]);
    await settle(page);
    await expect.poll(() => page.getByRole("heading", { name: "Import zapisany" }).count()).toBe(1);
    await checkA11y(page, "import result");
    await Promise.all([
      page.waitForURL(/\/dokumenty\/karty-/u),
      page.getByRole("link", { name: "Przejdź do dokumentu i jego struktury" }).click(),
    ]);
    await settle(page);
    await expect.poll(() => page.locator("h1").innerText()).not.toMatch(/importu/u);
    const body = await page.locator("main").innerText();
    expect(body).toContain("Rudzki Zakład Aktywności Zawodowej (poprawiony)");
    expect(body).not.toContain("Projekt praca!");
    await context.close();
  });
});

describe("documents a report names", () => {
  test("seed 003's programs are proposed as linked documents, each with its period and act", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto(`${RUDA}/import`);
    await settle(page);
    await page.getByLabel("Plik sprawozdania").setInputFiles(SEED_003);
    await Promise.all([
      page.waitForURL(/\/import\/[0-9a-f-]{36}$/u),
      page.getByRole("button", { name: "Wczytaj i pokaż propozycję" }).click(),
    ]);
    await settle(page);
    await page.goto(`${page.url()}?dokument=nowy`);
    await settle(page);
    const heading = page.getByRole("heading", {
      name: /Dokumenty powiązane wymienione w sprawozdaniu \(9\)/u,
    });
    await expect.poll(() => heading.count()).toBe(1);
    const main = await page.locator("main").innerText();
    expect(main).toContain("Gminny Program Wspierania Rodziny w Gminie Ostrowiec Świętokrzyski");
    expect(main).toContain("Przyjęty: XXI/112/2019 z 28.10.2019\u00A0r.");
    await heading.scrollIntoViewIfNeeded();
    await page.screenshot({ path: ".tmp/screens/import-named-documents.png", fullPage: false });
    await checkA11y(page, "review page with named documents");
    await context.close();
  });
});

describe("bad input", () => {
  test("an empty file, a corrupted DOCX and a file over the limit get Polish messages", async () => {
    const empty = path.join(scratch, "pusty.txt");
    await writeFile(empty, "");
    const broken = path.join(scratch, "uszkodzony.docx");
    await writeFile(broken, "PK\u0003\u0004 to nie jest archiwum");
    const big = path.join(scratch, "duzy.txt");
    await writeFile(big, Buffer.alloc(3 * 1024 * 1024, "a"));

    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    for (const [file, message] of [
      [empty, /Plik jest pusty/u],
      [broken, /nie jest poprawnym dokumentem Word/u],
      [big, /Plik jest za duży/u],
    ] as const) {
      await page.goto(`${RUDA}/import`);
      await settle(page);
      await page.getByLabel("Plik sprawozdania").setInputFiles(file);
      await Promise.all([
        page.waitForLoadState("load"),
        page.getByRole("button", { name: "Wczytaj i pokaż propozycję" }).click(),
      ]);
      await settle(page);
      await expect
        .poll(async () =>
          (await page.locator(".error-summary").count())
            ? page.locator(".error-summary").innerText()
            : await page.locator("body").innerText(),
        )
        .toMatch(message);
      await checkA11y(page, `error for ${path.basename(file)}`);
    }
    // Nothing was saved: the list of imports is still empty of these files.
    await page.goto(`${RUDA}/import`);
    const list = await page.locator("main").innerText();
    expect(list).not.toContain("pusty.txt");
    expect(list).not.toContain("duzy.txt");
    // The server still answers at once.
    const response = await page.goto(RUDA);
    expect(response!.status()).toBe(200);
    await context.close();
  });

  test("a partner cannot open or post to the import pages", async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, ACCOUNTS.partner);
    const response = await page.goto(`${RUDA}/import`);
    expect(response!.status()).toBe(404);
    await context.close();
  });
});
