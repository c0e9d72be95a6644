// A form sent after the session expired loses nothing: the author signs in again and finds
// the form filled in with what they typed.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import {
  ACCOUNTS,
  checkA11y,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  newContext,
  settle,
} from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // Sessions of nine seconds: short enough to outwait, long enough that the session made by
  // signing in again outlives the restore on a loaded CI machine (four seconds did not).
  server = await startServer({ env: { BUSOLA_SESSION_HOURS: "0.0025" } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

for (const javaScriptEnabled of [false, true]) {
  test(`keeps a card typed into an expired session (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled });
    const page = await context.newPage();
    await login(page, ACCOUNTS.coordinator);
    await page.goto("/g/ruda-slaska/dokumenty/srps-2016-2025?rok=2020");
    const card = await page
      .getByRole("link", { name: "Asystent rodziny", exact: true })
      .getAttribute("href");
    await page.goto(`${card}/edycja`);
    await settle(page);
    const typed = `Efekty wpisane przed wygaśnięciem sesji (${javaScriptEnabled ? "JS" : "bez JS"}).`;
    await page.getByLabel("Osiągnięte efekty, wskaźniki realizacji działań").fill(typed);

    await page.waitForTimeout(9_500);
    await page.getByRole("button", { name: "Zapisz kartę" }).click();
    await page.waitForURL((url) => url.pathname === "/logowanie");
    await settle(page);
    const notice = (await page.getByRole("status").textContent()) ?? "";
    expect(notice).toContain("Twoja sesja wygasła");
    expect(notice).toContain("formularz zostanie wypełniony");
    await checkA11y(page, "login after expiry");

    await page.getByLabel("Adres e-mail").fill(ACCOUNTS.coordinator);
    await page.getByLabel("Hasło").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/edycja"));
    await settle(page);
    expect(await page.getByText("Przywróciliśmy wpisane dane").isVisible()).toBe(true);
    const effects = page.getByLabel("Osiągnięte efekty, wskaźniki realizacji działań");
    expect(await effects.inputValue()).toBe(typed);
    await checkA11y(page, "restored form");

    await page.getByRole("button", { name: "Zapisz kartę" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/edycja"));
    await page.getByText(typed).first().waitFor();
    await context.close();
  });
}
