// Forms end to end: saving without JavaScript, number errors, edit conflicts between two
// users, signing in and expired sessions, and the CSRF check.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
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
const EFFECTS = "Osiągnięte efekty, wskaźniki realizacji działań";
const CSRF_REFUSED = "Formularz wygasł lub został wysłany z innej strony";

let server: TestServer;
let browser: Browser;
/** Real URLs taken from the strategy tree. */
const urls = { monitoring: "", asystent: "", cwr: "", employment: "" };
const contexts: BrowserContext[] = [];

async function context(options: Parameters<typeof newContext>[2] = {}): Promise<BrowserContext> {
  const c = await newContext(browser, server.url, options);
  contexts.push(c);
  return c;
}

async function hrefOf(page: Page, name: string): Promise<string> {
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  expect(href, `link "${name}"`).toBeTruthy();
  return href!;
}

/** Text content with whitespace collapsed (innerText puts visually hidden spans on their own line). */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** The entries of the "Historia zmian" list as text, newest first. */
async function history(page: Page): Promise<string[]> {
  const list = page.locator("h2:text-is('Historia zmian') + ol.change-list > li");
  return list.allInnerTexts();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const c = await context();
  const page = await c.newPage();
  await login(page, ACCOUNTS.coordinator);
  await page.goto(RUDA_TREE);
  urls.monitoring = await hrefOf(page, "Monitorowanie problemów społecznych");
  urls.asystent = await hrefOf(page, "Asystent rodziny");
  urls.cwr = await hrefOf(page, "Centrum Wsparcia Rodziny");
  urls.employment = await hrefOf(page, "liczba osób, które podjęły zatrudnienie");
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe("project card edit without JavaScript", () => {
  test("saves, shows the new text and lists the change with the user's name", async () => {
    const c = await context({ javaScriptEnabled: false });
    const page = await c.newPage();
    await login(page, ACCOUNTS.coordinator);
    expect(new URL(page.url()).pathname).toBe(RUDA);

    await page.goto(`${urls.asystent}/edycja`);
    // Without JavaScript nothing hydrates: React Router's inline boot script never ran.
    expect(await page.evaluate(() => "__reactRouterContext" in window).catch(() => false)).toBe(
      false,
    );
    const field = page.getByLabel(EFFECTS);
    const before = await field.inputValue();
    expect(before).toBe("Asystenci rodziny zakończyli pracę z 47 rodzinami.");
    const newText =
      "Asystenci rodziny zakończyli pracę z 52 rodzinami.\nW tym 20 rodzin osiągnęło cele (zapis bez JS).";
    await field.fill(newText);
    await Promise.all([
      page.waitForURL(
        (u) => u.pathname === urls.asystent && u.searchParams.get("zapisano") === "1",
      ),
      page.getByRole("button", { name: "Zapisz kartę" }).click(),
    ]);

    const row = page
      .locator(".summary-list__row")
      .filter({ has: page.locator("dt", { hasText: EFFECTS }) });
    await expect(row.locator("dd").innerText()).resolves.toBe(newText);

    const entries = await history(page);
    expect(entries.length).toBeGreaterThanOrEqual(1);
    const newest = entries[0]!;
    expect(newest).toContain("Katarzyna Koordynator");
    expect(newest).toContain("Zmiana");
    const changeRow = page
      .locator("ol.change-list > li")
      .first()
      .getByRole("row", { name: new RegExp(`^${EFFECTS}`) });
    await expect(changeRow.locator("td").nth(0).innerText()).resolves.toBe(before);
    await expect(changeRow.locator("td").nth(1).innerText()).resolves.toBe(newText);
    await checkA11y(page, "project card after a save without JavaScript");
  });
});

describe("indicator value edit: a number that is not a number", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`shows the error summary and the message at the field, keeps the values (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const c = await context({ javaScriptEnabled });
      const page = await c.newPage();
      await login(page, ACCOUNTS.coordinator);
      await page.goto(`${urls.employment}/edycja`);
      await settle(page);

      const total = page.getByLabel("Wartość wskaźnika (osoby)");
      const pup = page
        .getByRole("group", { name: /^PUP — / })
        .getByLabel("Wartość instytucji (osoby)");
      const mops = page
        .getByRole("group", { name: /^MOPS — / })
        .getByLabel("Wartość instytucji (osoby)");
      const remarks = page.getByLabel("Uwagi", { exact: true });
      await expect(total.inputValue()).resolves.toBe("24");
      await expect(pup.inputValue()).resolves.toBe("15");
      await expect(mops.inputValue()).resolves.toBe("9");
      await total.fill("12,,3");
      await pup.fill("abc");
      await mops.fill("10");
      await remarks.fill("Uwagi, które nie mogą zginąć");
      await page.getByRole("button", { name: "Zapisz", exact: true }).click();

      const summary = page
        .getByRole("alert")
        .filter({ has: page.getByRole("heading", { name: "Wystąpił problem" }) });
      await summary.waitFor();
      expect(new URL(page.url()).pathname).toBe(`${urls.employment}/edycja`);
      // The summary is the first thing after the page header.
      const first = await page.locator("main .page-header ~ *").first().getAttribute("class");
      expect(first).toBe("error-summary");
      const links = summary.getByRole("link");
      await expect(links.count()).resolves.toBe(2);
      const message = "Wpisz liczbę, np. 12 345,67.";
      await expect(links.allInnerTexts()).resolves.toEqual([message, message]);
      const totalId = await total.getAttribute("id");
      const pupId = await pup.getAttribute("id");
      await expect(
        links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
      ).resolves.toEqual([`#${totalId}`, `#${pupId}`]);

      // The message sits next to each field and is announced with it.
      for (const input of [total, pup]) {
        await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
        const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
        const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
        expect(errorId, "aria-describedby names the error message").toBeTruthy();
        const error = page.locator(`#${errorId}`);
        await expect(text(error)).resolves.toBe(`Błąd: ${message}`);
        // In the same form group as the input.
        const group = page
          .locator(".form-group--error")
          .filter({ has: page.locator(`#${await input.getAttribute("id")}`) });
        await expect(group.locator(`#${errorId}`).count()).resolves.toBe(1);
      }
      await expect(mops.getAttribute("aria-invalid")).resolves.toBeNull();

      // What the user typed is still there.
      await expect(total.inputValue()).resolves.toBe("12,,3");
      await expect(pup.inputValue()).resolves.toBe("abc");
      await expect(mops.inputValue()).resolves.toBe("10");
      await expect(remarks.inputValue()).resolves.toBe("Uwagi, które nie mogą zginąć");

      if (javaScriptEnabled) {
        // With JavaScript the summary receives focus, so screen readers announce it.
        await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe(
          "error-summary",
        );
      }
      await links.nth(1).click();
      await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${pupId}`);
      await checkA11y(
        page,
        `indicator value form with errors (JS ${javaScriptEnabled ? "on" : "off"})`,
      );

      // Nothing was saved.
      await page.goto(urls.employment);
      const row = page
        .locator(".summary-list__row")
        .filter({ has: page.locator("dt", { hasText: "Wartość 2020" }) });
      await expect(row.locator("dd").innerText()).resolves.toBe("24");
    });
  }
});

describe("two people edit the same card", () => {
  test("the second save gets the conflict notice and keeps its text; a deliberate re-save wins", async () => {
    const first = await (await context()).newPage();
    const second = await (await context()).newPage();
    await login(first, ACCOUNTS.coordinator);
    await login(second, ACCOUNTS.admin);
    await first.goto(`${urls.cwr}/edycja`);
    await second.goto(`${urls.cwr}/edycja`);
    await settle(first);
    await settle(second);

    const mine = "Wsparciem objęto 610 osób (wersja koordynatorki).";
    const theirs = "Wsparciem objęto 605 osób, w tym 200 dzieci (wersja administratorki).";
    await first.getByLabel(EFFECTS).fill(mine);
    await Promise.all([
      first.waitForURL((u) => u.pathname === urls.cwr && u.searchParams.get("zapisano") === "1"),
      first.getByRole("button", { name: "Zapisz kartę" }).click(),
    ]);

    await second.getByLabel(EFFECTS).fill(theirs);
    await second.getByRole("button", { name: "Zapisz kartę" }).click();
    const notice = second
      .getByRole("alert")
      .filter({ has: second.getByRole("heading", { name: "Ktoś zapisał zmiany w międzyczasie" }) });
    await notice.waitFor();
    expect(new URL(second.url()).pathname).toBe(`${urls.cwr}/edycja`);
    await expect(notice.innerText()).resolves.toContain("Twoje zmiany nie zostały zapisane.");
    await expect(notice.innerText()).resolves.toContain("Katarzyna Koordynator");
    const diff = notice.getByRole("row", { name: new RegExp(`^${EFFECTS}`) });
    await expect(diff.locator("td").nth(0).innerText()).resolves.toBe(mine);
    await expect(diff.locator("td").nth(1).innerText()).resolves.toBe(theirs);
    // The second person's text is still in the form.
    await expect(second.getByLabel(EFFECTS).inputValue()).resolves.toBe(theirs);
    await expect(second.evaluate(() => document.activeElement?.className)).resolves.toBe(
      "conflict-notice",
    );
    await checkA11y(second, "card edit form with the conflict notice");

    // The saved card still shows the first version.
    await first.goto(urls.cwr);
    const saved = first
      .locator(".summary-list__row")
      .filter({ has: first.locator("dt", { hasText: EFFECTS }) });
    await expect(saved.locator("dd").innerText()).resolves.toBe(mine);
    await expect(first.getByText(theirs).count()).resolves.toBe(0);

    // Saving again after reading the notice overwrites on purpose.
    await Promise.all([
      second.waitForURL((u) => u.pathname === urls.cwr && u.searchParams.get("zapisano") === "1"),
      second.getByRole("button", { name: "Zapisz kartę" }).click(),
    ]);
    await second.getByRole("heading", { level: 1 }).waitFor();
    const row = second
      .locator(".summary-list__row")
      .filter({ has: second.locator("dt", { hasText: EFFECTS }) });
    await expect(row.locator("dd").innerText()).resolves.toBe(theirs);
    const entries = await history(second);
    expect(entries[0]).toContain("Anna Administrator");
    expect(entries[1]).toContain("Katarzyna Koordynator");
  });
});

describe("signing in and sessions", () => {
  test("a wrong password shows the error and keeps the e-mail", async () => {
    const page = await (await context()).newPage();
    await page.goto("/logowanie");
    await settle(page);
    await page.getByLabel("Adres e-mail").fill(ACCOUNTS.viewer);
    await page.getByLabel("Hasło").fill("zle-haslo");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Wystąpił problem" });
    await summary.waitFor();
    await expect(
      summary
        .getByRole("link", { name: "Nieprawidłowy adres e-mail lub hasło." })
        .getAttribute("href"),
    ).resolves.toBe("#f-email");
    await expect(text(page.locator("#f-email-error"))).resolves.toBe(
      "Błąd: Nieprawidłowy adres e-mail lub hasło.",
    );
    await expect(page.getByLabel("Adres e-mail").inputValue()).resolves.toBe(ACCOUNTS.viewer);
    expect(new URL(page.url()).pathname).toBe("/logowanie");
    await checkA11y(page, "login form with an error");
    // No session was created.
    expect((await page.context().cookies()).some((c) => c.name === "busola_session")).toBe(false);
  });

  test("a garbage session cookie leads to the login page", async () => {
    const c = await context();
    await c.addCookies([{ name: "busola_session", value: "to-nie-jest-sesja", url: server.url }]);
    const page = await c.newPage();
    await page.goto(`${RUDA}/dokumenty`);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/logowanie");
    expect(url.searchParams.get("next")).toBe(`${RUDA}/dokumenty`);
    await expect(page.locator("h1").innerText()).resolves.toBe("Zaloguj się");
  });

  test("an unknown (expired) session token leads to the login page with the expiry notice", async () => {
    const c = await context();
    // A well-formed cookie (react-router encodes values as base64 JSON) whose token matches no session.
    const value = encodeURIComponent(btoa(JSON.stringify("x".repeat(43))));
    await c.addCookies([{ name: "busola_session", value, url: server.url }]);
    const page = await c.newPage();
    await page.goto(`${RUDA}/instytucje`);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/logowanie");
    expect(url.searchParams.get("wygasla")).toBe("1");
    await expect(page.getByRole("status").innerText()).resolves.toContain("Twoja sesja wygasła");
    await checkA11y(page, "login page with the session-expired notice");
  });

  test("a session ended by logging out cannot be reused; signing in again returns to the page", async () => {
    const c = await context();
    const page = await c.newPage();
    await login(page, ACCOUNTS.coordinator);
    const old = (await c.cookies()).find((k) => k.name === "busola_session");
    expect(old).toBeTruthy();
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/logowanie"),
      page.getByRole("button", { name: "Wyloguj" }).click(),
    ]);
    // Put the old cookie back, as a stolen or stale cookie would be.
    await c.addCookies([{ name: old!.name, value: old!.value, url: server.url }]);
    await page.goto(`${RUDA}/dokumenty`);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/logowanie");
    expect(url.searchParams.get("wygasla")).toBe("1");
    expect(url.searchParams.get("next")).toBe(`${RUDA}/dokumenty`);
    await settle(page);
    await page.getByLabel("Adres e-mail").fill(ACCOUNTS.coordinator);
    await page.getByLabel("Hasło").fill("busola-demo");
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${RUDA}/dokumenty`),
      page.getByRole("button", { name: "Zaloguj się" }).click(),
    ]);
    await page
      .getByRole("heading", { level: 1, name: "Dokumenty strategiczne i programy" })
      .waitFor();
  });
});

describe("CSRF", () => {
  test("a forged POST (wrong, missing or foreign-origin token) is refused and changes nothing", async () => {
    const page = await (await context()).newPage();
    await login(page, ACCOUNTS.coordinator);
    const editUrl = `${urls.monitoring}/edycja`;
    await page.goto(editUrl);
    await settle(page);
    // The complete form as the browser would send it, with one field changed.
    const fields = await page
      .locator("main form[method=post]")
      .evaluate((f) =>
        Object.fromEntries([...new FormData(f as HTMLFormElement)].map(([k, v]) => [k, String(v)])),
      );
    const token = fields._csrf!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const injected = "Wstrzyknięty tekst z obcej strony";
    const forged = (
      csrf: string | null,
      extra: Record<string, string> = {},
    ): Record<string, string> => {
      const body: Record<string, string> = { ...fields, effects: injected, ...extra };
      delete body._csrf;
      if (csrf !== null) body._csrf = csrf;
      return body;
    };

    // Through the context's request API: it sends the context's cookies (session + CSRF cookie).
    const wrong = await page.request.post(editUrl, {
      form: forged("z".repeat(43)),
      maxRedirects: 0,
    });
    expect(wrong.status()).toBe(403);
    expect(await wrong.text()).toContain(CSRF_REFUSED);
    const missing = await page.request.post(editUrl, { form: forged(null), maxRedirects: 0 });
    expect(missing.status()).toBe(403);

    // From the page itself: fetch sends the cookies and a same-origin Origin header.
    const fromPage = await page.evaluate(
      async ([url, body]) => {
        const r = await fetch(url, {
          method: "POST",
          body: new URLSearchParams(body),
          redirect: "manual",
        });
        return r.status;
      },
      [editUrl, forged("z".repeat(43))] as const,
    );
    expect(fromPage).toBe(403);

    // The right token and cookies, but posted by another site (Origin header): refused too,
    // by the HTTP server before React Router, with a Polish page naming the proxy setting.
    const cookie = (await page.context().cookies(server.url))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const foreign = await fetch(`${server.url}${editUrl}`, {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: "http://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(forged(token)),
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
    const foreignPage = await foreign.text();
    expect(foreignPage).toContain("Formularz wysłany z innej strony");
    expect(foreignPage).toContain("BUSOLA_PUBLIC_URL");

    // Control: the same request with the right token gets past the CSRF check and reaches the
    // action (which rejects an unknown status with 400, so nothing is saved here either).
    const control = await page.request.post(editUrl, {
      form: forged(token, { status: "nieznany" }),
      maxRedirects: 0,
    });
    expect(control.status()).toBe(400);
    expect(await control.text()).toContain("Wybierz status projektu w roku.");

    await page.goto(urls.monitoring);
    await expect(page.getByText(injected).count()).resolves.toBe(0);
    await expect(page.locator("h2:text-is('Historia zmian') + p").innerText()).resolves.toBe(
      "Brak zmian.",
    );
  });
});
